package org.relata.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Something that keeps rows only for a retention time and drops the older ones. {@link RetentionPurges} runs every
 * bean of this type on its own interval, so a new kind of expiring data needs no job class of its own.
 */
public interface RetentionPurge {

    /** Minutes between two runs, from configuration; 0 or less: never (tests call {@link #purgeExpired}). */
    long purgeIntervalMinutes();

    /** Removes what expired before {@code now}; answers how many rows or items went. */
    int purgeExpired(Instant now);

    /** What a run that removed {@code purged} items did, for the log ("Purged 3 document(s) older than 30 days"). */
    String describePurge(int purged);

    /** The moment {@code days} before {@code now}, in UTC: what is older goes. */
    static OffsetDateTime cutoff(Instant now, int days) {
        return now.minusSeconds(days * 86_400L).atOffset(ZoneOffset.UTC);
    }

    /** The log line of a purge by age: "Purged 3 security event(s) older than 90 days". */
    static String purgedOlderThan(int purged, String items, int days) {
        return "Purged " + purged + " " + items + " older than " + days + " days";
    }
}
