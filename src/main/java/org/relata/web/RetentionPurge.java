package org.relata.web;

import java.time.Instant;

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
}
