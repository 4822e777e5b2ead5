package org.relata.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Sessions are encrypted with RELATA_SESSION_KEY; without it each start makes its own key. */
@ApplicationScoped
public class SessionKeyCheck {

    private static final Logger LOG = Logger.getLogger(SessionKeyCheck.class);

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> key;

    void onStart(@Observes StartupEvent event) {
        if (key.filter(k -> !k.isBlank()).isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("RELATA_SESSION_KEY is not set: sessions use a key made for this start only, so users are"
                    + " logged out at every restart and instances cannot share sessions. Set it to 32 or more random"
                    + " characters.");
        } else if (key.filter(k -> !k.isBlank() && k.length() < 16).isPresent()) {
            throw new IllegalStateException("RELATA_SESSION_KEY must have at least 16 characters (32 or more advised).");
        }
    }
}
