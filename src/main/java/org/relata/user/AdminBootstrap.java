package org.relata.user;

import java.security.SecureRandom;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the first admin when the database has no users. There is no fixed default password:
 * either RELATA_ADMIN_PASSWORD sets it, or a random one is printed once.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @ConfigProperty(name = "relata.admin-password")
    Optional<String> adminPassword;

    @Transactional
    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
        if (User.count() > 0) {
            return;
        }
        String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = randomPassword();
        }
        User admin = new User();
        admin.username = "admin";
        admin.admin = true;
        admin.setPassword(password);
        admin.persist();
        if (generated) {
            LOG.warnf("Created the first admin. Log in as 'admin' with password: %s"
                    + " (shown only now; set RELATA_ADMIN_PASSWORD to choose it)", password);
        } else {
            LOG.info("Created the first admin 'admin' with the password from RELATA_ADMIN_PASSWORD.");
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
