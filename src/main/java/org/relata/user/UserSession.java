package org.relata.user;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One browser session, made at a form login (see {@link UserSessions}). The browser proves it with the secret in its
 * {@value UserSessions#COOKIE} cookie, of which only the hash is stored; {@link #id} is the handle the account page
 * and the API show. Ending a session deletes its row.
 */
@Entity
@Table(name = "user_sessions")
public class UserSession extends PanacheEntityBase {

    @Id public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY) @JoinColumn(name = "user_id") public User user;

    @Column(name = "secret_hash") public byte[] secretHash;

    /** This session's CSRF token: forms and the browser's API calls must send exactly this (issue 17, finding 4). */
    @Column(name = "csrf_token") public String csrfToken;

    @Column(name = "created_at") public OffsetDateTime createdAt;

    /** Updated at most once a minute, by the requests of the session. */
    @Column(name = "last_seen_at") public OffsetDateTime lastSeenAt;

    @Column(name = "client_address") public String clientAddress;

    /** A short description of the browser ("Firefox on Linux"), not the whole User-Agent header. */
    @Column(name = "user_agent") public String userAgent;

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof UserSession session && id != null && id.equals(session.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : id.hashCode();
    }

    static Optional<UserSession> bySecretHash(byte[] hash) {
        return find("from UserSession s join fetch s.user where s.secretHash = ?1", (Object) hash).firstResultOptional();
    }

    /** The user's sessions still in use (seen after {@code since}), most recently seen first. */
    static List<UserSession> activeOf(long userId, OffsetDateTime since) {
        return list("user.id = ?1 and lastSeenAt > ?2 order by lastSeenAt desc, createdAt desc", userId, since);
    }
}
