package org.relata.web;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background chore run every few minutes on its own daemon thread (trash purge, security-log purge, upload
 * sweep). A plain scheduled executor rather than quarkus-scheduler: a handful of fixed-delay jobs do not warrant
 * an extension. An interval of 0 or less means never.
 */
public final class PeriodicTask {

    private final ScheduledExecutorService executor;

    private PeriodicTask(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Runs {@code task} every {@code intervalMinutes}, the first time one interval from now; null when never. */
    public static PeriodicTask every(long intervalMinutes, String threadName, Runnable task) {
        if (intervalMinutes <= 0) {
            return null;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(task, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
        return new PeriodicTask(executor);
    }

    /** Stops the task (null-safe, for a task that never started). */
    public static void stop(PeriodicTask task) {
        if (task != null) {
            task.executor.shutdownNow();
        }
    }
}
