package org.relata.project;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

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
        User user = currentUser.get();
        // An API token limited to other projects sees this one as absent (issue 19, finding 11).
        Project project = TokenScope.allows(identity, projectId) ? Project.findById(projectId) : null;
        if (project == null) {
            throw notFound();
        }
        ProjectMember member = ProjectMember.of(project, user);
        if (member == null && !user.admin) {
            throw notFound();
        }
        return new Access(project, user, member == null ? null : member.role);
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
