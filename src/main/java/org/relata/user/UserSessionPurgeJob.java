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
 * Removes session records idle for longer than the login timeout, every relata.sessions.purge-interval-minutes
 * (0: never; tests call {@link UserSessions#purgeExpired}). Expired records no longer authenticate anyway; this
 * keeps the table small. Built like the security-log purge.
 */
@ApplicationScoped
public class UserSessionPurgeJob {

    private static final Logger LOG = Logger.getLogger(UserSessionPurgeJob.class);

    @Inject
    UserSessions sessions;

    @ConfigProperty(name = "relata.sessions.purge-interval-minutes", defaultValue = "60")
    long intervalMinutes;

    private PeriodicTask task;

    void start(@Observes StartupEvent event) {
        task = PeriodicTask.every(intervalMinutes, "relata-session-purge", this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        PeriodicTask.stop(task);
    }

    void run() {
        try {
            long purged = sessions.purgeExpired(Instant.now());
            if (purged > 0) {
                LOG.infof("Purged %d expired session(s)", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging expired sessions failed; trying again at the next interval", e);
        }
    }
}
