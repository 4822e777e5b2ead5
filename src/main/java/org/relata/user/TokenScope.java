package org.relata.user;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The scope of the API token that authenticated a request, carried on its security identity (issue 19, finding 11):
 * read-only, and/or limited to some projects. An identity proved otherwise (password, session) has no scope.
 */
public final class TokenScope {

    static final String READ_ONLY = "relata.token.read-only";
    static final String PROJECTS = "relata.token.projects";

    private TokenScope() {
    }

    public static boolean readOnly(SecurityIdentity identity) {
        return Boolean.TRUE.equals(identity.getAttribute(READ_ONLY));
    }

    /** The projects the token is limited to, or null when it is not limited. */
    @SuppressWarnings("unchecked")
    public static Set<Long> projects(SecurityIdentity identity) {
        Object projects = identity.getAttribute(PROJECTS);
        return projects instanceof Set<?> set ? (Set<Long>) set : null;
    }

    /** Whether the request may touch this project: 404 for the caller otherwise, as for a project they cannot see. */
    public static boolean allows(SecurityIdentity identity, long projectId) {
        Set<Long> projects = projects(identity);
        return projects == null || projects.contains(projectId);
    }
}
