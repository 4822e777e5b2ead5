package org.relata.audit;

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
 * Removes audit rows older than relata.audit.retention-days (0, the default: never), every
 * relata.audit.purge-interval-minutes (0: never; tests call {@link AuditTrail#purgeExpired}).
 */
@ApplicationScoped
public class AuditPurgeJob {

    private static final Logger LOG = Logger.getLogger(AuditPurgeJob.class);

    @Inject
    AuditTrail trail;

    @ConfigProperty(name = "relata.audit.purge-interval-minutes", defaultValue = "60")
    long intervalMinutes;

    private PeriodicTask task;

    void start(@Observes StartupEvent event) {
        task = trail.retentionDays() > 0 ? PeriodicTask.every(intervalMinutes, "relata-audit-purge", this::run) : null;
    }

    void stop(@Observes ShutdownEvent event) {
        PeriodicTask.stop(task);
    }

    void run() {
        try {
            int purged = trail.purgeExpired(Instant.now());
            if (purged > 0) {
                LOG.infof("Purged %d audit row(s) older than %d days", purged, trail.retentionDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging the audit log failed; trying again at the next interval", e);
        }
    }
}
