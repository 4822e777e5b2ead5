package org.relata.user;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing down, per account and per client address (form and Basic logins alike). A few
 * failures are free; after that each further failure blocks the account (or address) for twice as long as
 * the last, from 2 s up to 15 minutes. While blocked, logins are answered 429 with Retry-After without
 * checking the password, so a flood of guesses costs no bcrypt work. A success frees the account, never
 * the address. Counters are in memory (per instance) and forgotten 15 minutes after the last failure.
 */
@ApplicationScoped
public class LoginThrottle {

    static final long MAX_BLOCK_SECONDS = 15 * 60;
    private static final long FORGET_AFTER_MILLIS = MAX_BLOCK_SECONDS * 1000;
    /** Bounds the memory a spray from very many addresses can take. */
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, long lastAt, long blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @ConfigProperty(name = "relata.login.free-failures-per-account", defaultValue = "5")
    int freePerAccount;

    @ConfigProperty(name = "relata.login.free-failures-per-address", defaultValue = "20")
    int freePerAddress;

    /** Seconds to wait before this login may be tried, 0 if it may be tried now. */
    public long secondsToWait(String username, String address) {
        long now = System.currentTimeMillis();
        return Math.max(wait(accountKey(username), now), wait(addressKey(address), now));
    }

    /** Counts a wrong password; returns the seconds the next try must wait (0 while failures are free). */
    public long failed(String username, String address) {
        long now = System.currentTimeMillis();
        long account = count(accountKey(username), freePerAccount, now);
        long byAddress = count(addressKey(address), freePerAddress, now);
        return Math.max(account, byAddress);
    }

    public void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    private long wait(String key, long now) {
        Failures f = failures.get(key);
        return f == null || f.blockedUntil <= now ? 0 : (f.blockedUntil - now + 999) / 1000;
    }

    private long count(String key, int free, long now) {
        if (!failures.containsKey(key) && failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> now - f.lastAt > FORGET_AFTER_MILLIS);
            if (failures.size() >= MAX_TRACKED) {
                return 0;
            }
        }
        Failures updated = failures.compute(key, (k, old) -> {
            int count = old == null || now - old.lastAt > FORGET_AFTER_MILLIS ? 1 : old.count + 1;
            long block = count <= free ? 0 : Math.min(MAX_BLOCK_SECONDS, 1L << Math.min(count - free, 20));
            return new Failures(count, now, now + block * 1000);
        });
        return (updated.blockedUntil - now) / 1000;
    }

    private static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
