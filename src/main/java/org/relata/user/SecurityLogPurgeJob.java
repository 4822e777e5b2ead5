package org.relata.user;

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
 * Removes security events older than relata.security-log.retention-days, every
 * relata.security-log.purge-interval-minutes (0: never; tests call {@link SecurityLog#purgeExpired}). Built like
 * the trash purge: a plain scheduled executor.
 */
@ApplicationScoped
public class SecurityLogPurgeJob {

    private static final Logger LOG = Logger.getLogger(SecurityLogPurgeJob.class);

    @Inject
    SecurityLog log;

    @ConfigProperty(name = "relata.security-log.purge-interval-minutes", defaultValue = "60")
    long intervalMinutes;

    private PeriodicTask task;

    void start(@Observes StartupEvent event) {
        task = PeriodicTask.every(intervalMinutes, "relata-security-log-purge", this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        PeriodicTask.stop(task);
    }

    void run() {
        try {
            int purged = log.purgeExpired(Instant.now());
            if (purged > 0) {
                LOG.infof("Purged %d security event(s) older than %d days", purged, log.retentionDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging the security log failed; trying again at the next interval", e);
        }
    }
}
