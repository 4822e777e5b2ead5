package org.relata.user;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.relata.persistence.IdentityEntity;

/** A personal API token. Only its SHA-256 is stored; the token itself is shown once. */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends IdentityEntity {

    /** Tokens carry this prefix so that leaked ones are easy to recognise in logs and scanners. */
    public static final String PREFIX = "rlt_";

    @ManyToOne(optional = false) public User user;

    public String name;

    @Column(name = "token_hash") public String tokenHash;

    @Column(name = "created_at", insertable = false, updatable = false) public OffsetDateTime createdAt;

    @Column(name = "last_used_at") public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at") public OffsetDateTime revokedAt;

    /** When the token stops working by itself, or null for never. */
    @Column(name = "expires_at") public OffsetDateTime expiresAt;

    /** A read-only token may only read: every write it sends answers 403 ({@link TokenScopeGuard}). */
    @Column(name = "read_only") public boolean readOnly;

    /** Limited to {@link #projectIds}: other projects answer 404, and calls outside projects 403. */
    @Column(name = "project_scoped") public boolean projectScoped;

    /** Ids, not entities: the user package does not depend on the project package. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_token_projects", joinColumns = @JoinColumn(name = "token_id"))
    @Column(name = "project_id")
    public Set<Long> projectIds = new HashSet<>();

    public boolean active() {
        return revokedAt == null && !expired();
    }

    public boolean expired() {
        return expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now());
    }

    public static String newSecret() {
        return PREFIX + Secrets.random();
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(Secrets.sha256(secret));
    }

    public static ApiToken activeBySecret(String secret) {
        return find("tokenHash = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2) and user.enabled = true",
                hash(secret), OffsetDateTime.now()).firstResult();
    }

    public static List<ApiToken> of(User user) {
        return list("user = ?1 order by createdAt desc, id desc", user);
    }
}
