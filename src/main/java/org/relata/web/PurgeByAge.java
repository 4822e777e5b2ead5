package org.relata.web;

/**
 * A {@link RetentionPurge} of rows older than a number of days, run on the interval of its {@link Retention}: what
 * is left to a kind of expiring rows is its delete ({@link #purgeExpired}) and the name of its rows in the log.
 */
public abstract class PurgeByAge implements RetentionPurge {

    private final String items;

    /** {@code items}: what a purge removes, for its log line ("security event(s)"). */
    protected PurgeByAge(String items) {
        this.items = items;
    }

    /** The kind's settings, injected under its own prefix. */
    protected abstract Retention retention();

    /** Days a row is kept. */
    public int retentionDays() {
        return retention().days();
    }

    @Override
    public long purgeIntervalMinutes() {
        return retention().purgeIntervalMinutes();
    }

    @Override
    public String describePurge(int purged) {
        return RetentionPurge.purgedOlderThan(purged, items, retentionDays());
    }
}
