package org.relata.user;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Turns a bearer token into the identity of the user who made it, while the token is not revoked. */
@ApplicationScoped
public class ApiTokenIdentityProvider extends BlockingIdentityProvider<TokenAuthenticationRequest> {

    public ApiTokenIdentityProvider() {
        super(TokenAuthenticationRequest.class);
    }

    /** lastUsedAt is a "when roughly": written at most once a minute, not on every call (issue 14, item 3). */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Inject
    EntityManager em;

    /**
     * One indexed read and no transaction on most calls: the token, its user's name and role, and (for a limited
     * token) its projects in one statement. Every API call of a script pays for this, so it is not three entity loads
     * and an UPDATE. Revoking, expiring and disabling still take effect on the next call: nothing is remembered.
     */
    @Override
    @ActivateRequestContext
    SecurityIdentity identityOf(TokenAuthenticationRequest request) {
        String secret = request.getToken().getToken();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select t.id, u.username, u.admin, t.read_only, t.project_scoped, t.last_used_at,
                       case when t.project_scoped
                            then array_to_string(array(select p.project_id from api_token_projects p where p.token_id = t.id), ',') end
                  from api_tokens t join users u on u.id = t.user_id
                 where t.token_hash = ?1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
                   and u.enabled""").setParameter(1, ApiToken.hash(secret)).getResultList();
        if (rows.isEmpty()) {
            throw new AuthenticationFailedException("unknown or revoked token");
        }
        Object[] row = rows.get(0);
        long tokenId = ((Number) row[0]).longValue();
        touch(tokenId, row[5]);
        SecurityIdentity identity = User.identity((String) row[1], (Boolean) row[2], AccountCheck.TOKEN);
        boolean readOnly = (Boolean) row[3];
        boolean projectScoped = (Boolean) row[4];
        if (!readOnly && !projectScoped) {
            return identity;
        }
        // The token's scope rides on the identity; TokenScopeGuard and ProjectAccess enforce it.
        QuarkusSecurityIdentity.Builder scoped = QuarkusSecurityIdentity.builder(identity);
        if (readOnly) {
            scoped.addAttribute(TokenScope.READ_ONLY, Boolean.TRUE);
        }
        if (projectScoped) {
            Set<Long> projects = new HashSet<>();
            for (String id : row[6] == null ? new String[0] : ((String) row[6]).split(",")) {
                if (!id.isEmpty()) {
                    projects.add(Long.valueOf(id));
                }
            }
            scoped.addAttribute(TokenScope.PROJECTS, Set.copyOf(projects));
        }
        return scoped.build();
    }

    /** Records the use when the last recorded one is older than {@link #LAST_USED_PRECISION}. */
    private void touch(long tokenId, Object lastUsed) {
        Instant last = lastUsed instanceof java.sql.Timestamp t ? t.toInstant()
                : lastUsed instanceof OffsetDateTime o ? o.toInstant() : lastUsed instanceof Instant i ? i : null;
        if (last != null && last.isAfter(Instant.now().minus(LAST_USED_PRECISION))) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update api_tokens set last_used_at = now() where id = ?1").setParameter(1, tokenId).executeUpdate());
    }
}
