package org.relata.web;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The browser's own API calls ride on the session cookie, so they must carry the CSRF token in a header
 * ({@link CsrfTokenCheck} checks that it is the session's own). Scripts that authenticate with Basic or
 * a bearer token send no cookie and need no token. A request counts as Basic- or token-authenticated only
 * when it carries such credentials: an empty or unknown {@code Authorization} header does not excuse a
 * cookie-authenticated write from the header check.
 */
public class ApiCsrfGuard {

    public static final String SESSION_COOKIE = "relata-session";
    public static final String TOKEN_HEADER = "X-CSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 100)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!ApiPaths.isApi(path) || SAFE.contains(request.getMethod())) {
            return null;
        }
        boolean cookieSession = !carriesCredentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                && request.getCookies().containsKey(SESSION_COOKIE);
        String token = request.getHeaderString(TOKEN_HEADER);
        if (cookieSession && (token == null || token.isBlank())) {
            return ApiExceptionMappers.respond(403, ApiError.of(
                    "This request came with the session cookie but without the " + TOKEN_HEADER + " header."));
        }
        return null;
    }

    /** {@code Basic xxx} or {@code Bearer xxx} with something after the scheme. */
    public static boolean carriesCredentials(String authorization) {
        if (authorization == null) {
            return false;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0 || value.substring(space).isBlank()) {
            return false;
        }
        String scheme = value.substring(0, space);
        return scheme.equalsIgnoreCase("Basic") || scheme.equalsIgnoreCase("Bearer");
    }
}
