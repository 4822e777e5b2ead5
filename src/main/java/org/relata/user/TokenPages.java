package org.relata.user;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.relata.web.ApiException;
import org.relata.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** My personal API tokens. A new token is shown once, on the page that answers its creation. */
@Path("/tokens")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TokenPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(List<ApiToken> tokens, String newToken);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TokenService tokens;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.tokens(ApiToken.of(currentUser.get()), null);
    }

    /** Answers with the page itself (not a redirect), so the secret never travels in a URL or cookie. */
    @POST
    @Operation(hidden = true)
    public TemplateInstance create(@RestForm String name, @RestForm String expires) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw ApiException.badField("A token needs a name of 1 to 100 characters.", "name");
        }
        TokenService.Issued issued = tokens.issue(currentUser.get(), trimmed, endOfDay(expires), "name");
        return Templates.tokens(ApiToken.of(currentUser.get()), issued.secret());
    }

    /** The form's optional expiry date: the token works until the end of that day (UTC). */
    private static OffsetDateTime endOfDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim()).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("Give the expiry as a date, YYYY-MM-DD.", "expires");
        }
    }

    @POST
    @Path("{id}/revoke")
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.get(), id);
        return Flash.ok("/tokens", "Token revoked.");
    }
}
