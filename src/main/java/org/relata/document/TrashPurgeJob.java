package org.relata.document;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.relata.web.PeriodicTask;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Purges documents that have been in a trash longer than relata.trash.retention-days, every
 * relata.trash.purge-interval-minutes (0: never; tests call {@link Trash#purgeExpired} directly). A plain
 * scheduled executor rather than quarkus-scheduler: one job does not warrant a new extension.
 */
@ApplicationScoped
public class TrashPurgeJob {

    private static final Logger LOG = Logger.getLogger(TrashPurgeJob.class);

    @Inject
    Trash trash;

    @ConfigProperty(name = "relata.trash.purge-interval-minutes", defaultValue = "60")
    long intervalMinutes;

    private PeriodicTask task;

    void start(@Observes StartupEvent event) {
        task = PeriodicTask.every(intervalMinutes, "relata-trash-purge", this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        PeriodicTask.stop(task);
    }

    void run() {
        try {
            int purged = trash.purgeExpired(Instant.now());
            if (purged > 0) {
                LOG.infof("Purged %d document(s) older than %d days from the trash", purged, trash.retentionDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging the trash failed; trying again at the next interval", e);
        }
    }
}
