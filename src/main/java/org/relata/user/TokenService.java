package org.relata.user;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.web.ApiException;

@ApplicationScoped
public class TokenService {

    public record Issued(ApiToken token, String secret) {
    }

    /** What a token may do: read only, and/or only in these projects (null: every project the user sees). */
    public record Scope(boolean readOnly, Collection<Long> projects) {
        public static final Scope FULL = new Scope(false, null);
    }

    @Inject
    EntityManager em;

    @Inject
    SecurityLog log;

    @Transactional
    public Issued issue(User user, String name, OffsetDateTime expiresAt) {
        return issue(user, name, expiresAt, "$.name", Scope.FULL);
    }

    /** Issues a token; {@code field} names the name's field in an error (the API's $.name, the form's name). */
    @Transactional
    public Issued issue(User user, String name, OffsetDateTime expiresAt, String field, Scope scope) {
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw ApiException.badField("A token's expiry must lie in the future.", "$.expiresAt");
        }
        name = org.relata.web.Names.normalize(name == null ? "" : name.trim());
        String problem = org.relata.web.Names.problem(name, true, 100);
        if (problem != null) {
            throw ApiException.badField(problem + " A token needs a name of 1 to 100 characters.", field);
        }
        Set<Long> projects = scope.projects() == null ? null : visibleProjects(user, scope.projects());
        String secret = ApiToken.newSecret();
        ApiToken token = new ApiToken();
        token.user = User.findById(user.id);
        token.name = name;
        token.tokenHash = ApiToken.hash(secret);
        token.expiresAt = expiresAt;
        token.readOnly = scope.readOnly();
        token.projectScoped = projects != null;
        if (projects != null) {
            token.projectIds.addAll(projects);
        }
        token.persist();
        log.record(SecurityLog.TOKEN_CREATED, user.username, null, "'" + name + "'" + (token.readOnly ? ", read-only" : "")
                + (projects == null ? "" : ", projects " + projects));
        return new Issued(token, secret);
    }

    /**
     * The chosen projects, each one the user can see (else 404 naming the field, as for any project they may not
     * see); at least one.
     */
    private Set<Long> visibleProjects(User user, Collection<Long> ids) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty() || wanted.contains(null)) {
            throw ApiException.badField("A token limited to projects needs at least one project id.", "$.projects");
        }
        for (Long id : wanted) {
            Number seen = (Number) em.createNativeQuery("select count(*) from projects p where p.id = ?1 and (?2 or"
                    + " exists (select 1 from project_members m where m.project_id = p.id and m.user_id = ?3))")
                    .setParameter(1, id).setParameter(2, user.admin).setParameter(3, user.id).getSingleResult();
            if (seen.longValue() == 0) {
                // The same answer for a project that does not exist and one the user may not see.
                throw ApiException.badField("No project " + id + " that you can see.", "$.projects");
            }
        }
        return wanted;
    }

    @Transactional
    public void revoke(User owner, long tokenId) {
        ApiToken token = ApiToken.findById(tokenId);
        if (token == null || !token.user.id.equals(owner.id)) {
            throw ApiException.notFound("No such token.");
        }
        if (token.revokedAt == null) {
            token.revokedAt = OffsetDateTime.now();
            log.record(SecurityLog.TOKEN_REVOKED, owner.username, null, "'" + token.name + "'");
        }
    }
}
