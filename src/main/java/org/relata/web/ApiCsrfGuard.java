package org.relata.web;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The browser's own API calls ride on the session cookie, so they must carry the CSRF token in a header
 * (quarkus-rest-csrf checks its value against the CSRF cookie). Scripts that authenticate with Basic or
 * a bearer token send no cookie and need no token.
 */
public class ApiCsrfGuard {

    static final String SESSION_COOKIE = "relata-session";
    static final String TOKEN_HEADER = "X-CSRF-TOKEN";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 100)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!ApiPaths.isApi(path) || SAFE.contains(request.getMethod())) {
            return null;
        }
        boolean cookieSession = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && request.getCookies().containsKey(SESSION_COOKIE);
        String token = request.getHeaderString(TOKEN_HEADER);
        if (cookieSession && (token == null || token.isBlank())) {
            return ApiExceptionMappers.respond(403, ApiError.of(
                    "This request came with the session cookie but without the " + TOKEN_HEADER + " header."));
        }
        return null;
    }
}
