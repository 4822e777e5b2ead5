package org.relata.user;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.relata.web.RetentionPurge;

/**
 * Server-side records of browser sessions (issue 19, finding 11). A form login starts one; every request that rides
 * on the session cookie must also present the record's secret (the {@value #COOKIE} cookie), so deleting the row
 * logs that browser out at once, on every instance (the rows are in PostgreSQL). Quarkus' encrypted cookie still
 * carries the user's name and expiry; the record decides whether that session still counts. Records idle for longer
 * than the login timeout no longer count, and are deleted every relata.sessions.purge-interval-minutes (by
 * {@link org.relata.web.RetentionPurges}).
 */
@ApplicationScoped
public class UserSessions implements RetentionPurge {

    public static final String COOKIE = "relata-sid";
    /** The identity attribute holding the id of the session a request rides on (absent for Basic and tokens). */
    public static final String SESSION_ID = "relata.session-id";
    /** Last seen is written at most this often per session, so that busy pages do not write on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** A session idle for longer has expired: Quarkus' own cookie has expired by then too. */
    @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M")
    Duration timeout;

    @ConfigProperty(name = "relata.sessions.purge-interval-minutes", defaultValue = "60")
    long purgeIntervalMinutes;

    /** A new session, with the secret its browser keeps (never stored). */
    public record Started(UserSession session, String secret) {
    }

    /**
     * Starts a session for the user who just logged in with the form. A session the browser still presented is
     * ended, so a new login never leaves the previous one of that browser behind.
     */
    @Transactional
    public Started start(User user, String clientAddress, String userAgentHeader, String previousSecret) {
        if (previousSecret != null) {
            UserSession.delete("secretHash", (Object) hash(previousSecret));
        }
        String secret = randomToken();
        UserSession session = new UserSession();
        session.id = UUID.randomUUID();
        session.user = User.getEntityManager().getReference(User.class, user.id);
        session.secretHash = hash(secret);
        session.csrfToken = randomToken();
        session.createdAt = now();
        session.lastSeenAt = session.createdAt;
        session.clientAddress = clip(clientAddress, 100);
        session.userAgent = clip(UserAgents.summary(userAgentHeader), 200);
        session.persist();
        return new Started(session, secret);
    }

    /**
     * The live session behind a cookie secret, if it belongs to {@code username}, whose account is enabled, and has
     * not expired. Marks it seen (at most once a minute).
     */
    @Transactional
    public Optional<UserSession> live(String secret, String username) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        Optional<UserSession> found = UserSession.bySecretHash(hash(secret))
                .filter(s -> s.user.username.equals(username) && s.user.enabled && s.user.deletedAt == null)
                .filter(s -> s.lastSeenAt.isAfter(now.minus(timeout)));
        found.filter(s -> s.lastSeenAt.isBefore(now.minus(TOUCH_INTERVAL))).ifPresent(s -> s.lastSeenAt = now);
        return found;
    }

    /** The user's sessions in use, most recently seen first. */
    @Transactional
    public List<UserSession> of(long userId) {
        return UserSession.activeOf(userId, now().minus(timeout));
    }

    /** Ends one session of the user; false when the user has no such session (someone else's, or gone). */
    @Transactional
    public boolean end(long userId, UUID sessionId) {
        return UserSession.delete("id = ?1 and user.id = ?2", sessionId, userId) > 0;
    }

    /** Ends every session of the user but {@code keep} (null: every one). Answers how many ended. */
    @Transactional
    public long endAll(long userId, UUID keep) {
        return keep == null ? UserSession.delete("user.id", userId)
                : UserSession.delete("user.id = ?1 and id <> ?2", userId, keep);
    }

    /** Removes sessions idle for longer than the timeout; answers how many. */
    @Override
    @Transactional
    public int purgeExpired(Instant now) {
        return (int) UserSession.delete("lastSeenAt < ?1", now.atOffset(ZoneOffset.UTC).minus(timeout));
    }

    @Override
    public long purgeIntervalMinutes() {
        return purgeIntervalMinutes;
    }

    @Override
    public String describePurge(int purged) {
        return "Purged " + purged + " session(s) idle for longer than " + timeout;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String randomToken() {
        return Secrets.random();
    }

    static byte[] hash(String secret) {
        return Secrets.sha256(secret);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
