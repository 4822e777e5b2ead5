package org.relata.user;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent event) {
        if (intervalMinutes <= 0) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "relata-security-log-purge");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::run, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
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
