package org.relata.web;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@link CsrfTokenCheck} finds a page write's token in the token header or in the form field of a form or multipart
 * body. Form routes read only forms, so a state-changing request to a page route in any other content type
 * (text/plain, none at all, ...) is refused here with 415 before it can act (issue 17, finding 1).
 */
public class FormCsrfGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 100)
    public Response check(ContainerRequestContext request) {
        if (ApiPaths.isApi(request.getUriInfo().getPath()) || SAFE.contains(request.getMethod())) {
            return null;
        }
        String header = request.getHeaderString(ApiCsrfGuard.TOKEN_HEADER);
        if (header != null && !header.isBlank()) {
            return null; // CsrfTokenCheck verifies the header's value
        }
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            return null; // CsrfTokenCheck verifies the form field
        }
        return Response.status(415).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Forms are posted as application/x-www-form-urlencoded or multipart/form-data.").build();
    }
}
