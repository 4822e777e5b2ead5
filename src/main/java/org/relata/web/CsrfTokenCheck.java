package org.relata.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A write that rides on a browser session must carry that session's own CSRF token (issue 17, finding 4): in the
 * {@value ApiCsrfGuard#TOKEN_HEADER} header, or for a page form in its {@value CsrfToken#FIELD} field. The token is
 * stored with the session record, not in a cookie, so nothing another site (even a sibling subdomain that can set
 * cookies for this host) plants in the browser can make a token this session accepts: a token of another session,
 * or one made up, is refused with 403. {@link FormCsrfGuard} and {@link ApiCsrfGuard} make sure such a write cannot
 * arrive without a token at all.
 */
public class CsrfTokenCheck {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 50)
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        boolean api = ApiPaths.isApi(request.getUriInfo().getPath());
        String expected = identity.getAttribute(CsrfToken.ATTRIBUTE);
        if (expected == null) {
            // No browser session: an anonymous caller has no rights to abuse, and a script's API call sends no
            // cookie. A page write by someone logged in otherwise (a browser remembering Basic credentials) has no
            // token to show, and pages are for sessions.
            return api || identity.isAnonymous() ? null : refuse(false);
        }
        if (api && ApiCsrfGuard.carriesCredentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return null; // a script's credentials, which no other site can make a browser send (docs/security.md)
        }
        String sent = request.getHeaderString(ApiCsrfGuard.TOKEN_HEADER);
        if ((sent == null || sent.isBlank()) && !api) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfToken.FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8)) ? null : refuse(api);
    }

    private static Response refuse(boolean api) {
        return ApiExceptionMappers.respond(403, ApiError.of(api
                ? "The " + ApiCsrfGuard.TOKEN_HEADER + " header does not hold this session's token. Reload the page"
                        + " and try again."
                : "This form does not belong to your current session (it may be older than your last login)."
                        + " Reload the page and try again."));
    }
}
