package org.relata.user;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.relata.web.ApiError;
import org.relata.web.ApiExceptionMappers;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Enforces a scoped API token on every call it authenticates, in one place (issue 19, finding 11):
 * <ul>
 * <li>a read-only token gets 403 for any write (POST, PUT, PATCH, DELETE), whatever the path;</li>
 * <li>a project-limited token may call only project and document routes and {@code GET /api/me}; the others
 * (tokens, users, admin, creating a project, pages) answer 403, so it cannot mint an unlimited token. Which
 * projects it reaches is checked where every project is resolved ({@code ProjectAccess}): 404 elsewhere.</li>
 * </ul>
 */
public class TokenScopeGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern PROJECT_ROUTES = Pattern.compile("^/api/(projects/\\d+|documents/\\d+)(/.*)?$");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return null;
        }
        String method = request.getMethod();
        if (TokenScope.readOnly(identity) && !SAFE.contains(method)) {
            return ApiExceptionMappers.respond(403, ApiError.of("This API token is read-only."));
        }
        if (TokenScope.projects(identity) != null && !withinProjects(method, request.getUriInfo().getPath())) {
            return ApiExceptionMappers.respond(403, ApiError.of("This API token is limited to some projects; it can"
                    + " call only their routes."));
        }
        return null;
    }

    private static boolean withinProjects(String method, String path) {
        // Copying makes a project outside the token's reach.
        return (PROJECT_ROUTES.matcher(path).matches() && !path.endsWith("/copy")) || path.equals("/api/me")
                || (path.equals("/api/projects") && SAFE.contains(method));
    }
}
