package org.relata.project;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.security.UnauthorizedException;

import org.relata.user.CurrentUser;
import org.relata.user.TokenScope;
import org.relata.user.User;
import org.relata.web.ApiException;

/**
 * Answers "may the caller see / change this project?" A project the caller may not see answers 404, so its
 * existence is not disclosed; one they see but may not change answers 403.
 */
@RequestScoped
public class ProjectAccess {

    @Inject
    CurrentUser currentUser;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @Inject
    EntityManager em;

    /** The project, if the caller may see it; the caller's role, or null for an admin who is no member. */
    public record Access(Project project, User user, Role role) {

        public boolean isAdmin() {
            return user.admin;
        }

        public boolean can(Role needed) {
            return user.admin || (role != null && role.atLeast(needed));
        }

        /** Managers and curators see everyone's layers; annotators only their own (and gold when done). */
        public boolean seesAllLayers() {
            return can(Role.CURATOR);
        }

        /** In a blind project an annotator sees only the documents assigned to them. */
        public boolean seesOnlyAssigned() {
            return project.blind && !seesAllLayers();
        }

        /** Whether the caller may read another annotator's layer: curators and managers, or anyone when not blind. */
        public boolean readsOtherAnnotators() {
            return seesAllLayers() || !project.blind;
        }
    }

    public Access visible(long projectId) {
        Caller caller = caller(projectId);
        // An API token limited to other projects sees this one as absent (issue 19, finding 11).
        Project project = TokenScope.allows(identity, projectId) ? Project.findById(projectId) : null;
        if (project == null) {
            throw notFound();
        }
        if (caller.role() == null && !caller.user().admin) {
            throw notFound();
        }
        return new Access(project, caller.user(), caller.role());
    }

    private record Caller(User user, Role role) {
    }

    /** The caller's role by project, as another query of this request read it with what it read. */
    private final Map<Long, Caller> callers = new HashMap<>();

    /**
     * The caller's username while their user row has not been read in this request: a query that reads something of
     * a project can read the caller and their role there with it ({@link #knownCaller}) instead of a query of its own.
     */
    public Optional<String> unreadCaller() {
        return currentUser.isLoaded() || identity.isAnonymous() ? Optional.empty()
                : Optional.of(identity.getPrincipal().getName());
    }

    /** The caller and their role in a project (null: no member), read by another query of this request. */
    public void knownCaller(long projectId, User user, Role role) {
        currentUser.loaded(user);
        if (currentUser.isLoaded() && currentUser.get() == user) {
            callers.put(projectId, new Caller(user, role));
        }
    }

    /**
     * The caller and their role in the project (null: no member). On a request's first look, both in one query
     * rather than two: every API call on a project or document pays for this (issue 14, item 3).
     */
    private Caller caller(long projectId) {
        Caller known = callers.get(projectId);
        return known != null ? known : readCaller(projectId);
    }

    private Caller readCaller(long projectId) {
        if (currentUser.isLoaded() || identity.isAnonymous()) {
            User user = currentUser.get();
            List<Role> roles = em.createQuery("select m.role from ProjectMember m where m.project.id = ?1 and m.user = ?2",
                    Role.class).setParameter(1, projectId).setParameter(2, user).getResultList();
            return new Caller(user, roles.isEmpty() ? null : roles.get(0));
        }
        List<Object[]> rows = em.createQuery("""
                select u, m.role from User u left join ProjectMember m on m.user = u and m.project.id = ?2
                 where u.username = ?1""", Object[].class)
                .setParameter(1, identity.getPrincipal().getName()).setParameter(2, projectId).getResultList();
        if (rows.isEmpty()) {
            throw new UnauthorizedException();
        }
        User user = (User) rows.get(0)[0];
        currentUser.loaded(user);
        return new Caller(user, (Role) rows.get(0)[1]);
    }

    public Access requiring(long projectId, Role needed) {
        Access access = visible(projectId);
        if (!access.can(needed)) {
            throw ApiException.forbidden("This needs the " + needed + " role in project '" + access.project().name + "'.");
        }
        return access;
    }

    /** Whether the request's credential reaches this project (an API token may be limited to some). */
    public boolean reaches(long projectId) {
        return TokenScope.allows(identity, projectId);
    }

    public static ApiException notFound() {
        return ApiException.notFound("No such project.");
    }
}
