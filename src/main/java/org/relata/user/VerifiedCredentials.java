package org.relata.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scripts using HTTP Basic send the password with every request; bcrypt on each would cost ~100 ms of CPU.
 * A successful verification is remembered for a short time under an HMAC of username and password, keyed
 * with a secret made at start, so the map holds nothing a password could be tested against without that key.
 * Failures are never remembered. Entries of a
 * user are dropped on password change, disable, logout and "end all sessions" ({@link UserService}).
 */
@ApplicationScoped
public class VerifiedCredentials {

    /** What a remembered success stands for. */
    public record Verified(String username, boolean admin, long expiresAt) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final byte[] key = new byte[32];
    private final Map<String, Verified> entries = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @ConfigProperty(name = "relata.login.basic-cache-seconds", defaultValue = "60")
    long ttlSeconds;

    public VerifiedCredentials() {
        new SecureRandom().nextBytes(key);
    }

    public Verified lookup(String username, String password) {
        String id = id(username, password);
        Verified hit = entries.get(id);
        if (hit != null && hit.expiresAt() <= System.currentTimeMillis()) {
            entries.remove(id, hit);
            return null;
        }
        return hit;
    }

    public void remember(String username, String password, boolean admin) {
        long now = System.currentTimeMillis();
        if (ttlSeconds <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(v -> v.expiresAt() <= now);
            if (entries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        entries.put(id(username, password), new Verified(username, admin, now + ttlSeconds * 1000));
    }

    public void forget(String username) {
        entries.values().removeIf(v -> v.username().equals(username));
    }

    private String id(String username, String password) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal((username + '\n' + password).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
