package org.relata.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts one {@link PeriodicTask} per {@link RetentionPurge} bean at start-up and stops them at shutdown. A failed
 * run is logged and tried again at the next interval: a purge is housekeeping, never worth stopping the app for.
 */
@ApplicationScoped
public class RetentionPurges {

    private static final Logger LOG = Logger.getLogger(RetentionPurges.class);

    @Inject
    @Any
    Instance<RetentionPurge> purges;

    private final List<PeriodicTask> tasks = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        for (RetentionPurge purge : purges) {
            tasks.add(PeriodicTask.every(purge.purgeIntervalMinutes(), "relata-purge", () -> run(purge)));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        tasks.forEach(PeriodicTask::stop);
        tasks.clear();
    }

    static void run(RetentionPurge purge) {
        try {
            int purged = purge.purgeExpired(Instant.now());
            if (purged > 0) {
                LOG.info(purge.describePurge(purged));
            }
        } catch (RuntimeException e) {
            LOG.warn("A retention purge failed; trying again at the next interval", e);
        }
    }
}
