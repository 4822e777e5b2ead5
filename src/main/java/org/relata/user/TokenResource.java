package org.relata.user;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

@Path("/api/tokens")
@Authenticated
@Tag(name = "Users")
public class TokenResource {

    public record NewToken(@NotBlank(message = "name is required")
                           @Size(max = 100, message = "name has at most 100 characters") String name,
                           @Schema(description = "Optional: when the token stops working (ISO 8601, in the future)")
                           OffsetDateTime expiresAt,
                           @Schema(description = "Optional: true for a token that may only read (writes answer 403)")
                           Boolean readOnly,
                           @Schema(description = "Optional: ids of the projects the token is limited to (others answer"
                                   + " 404; calls outside projects 403)") List<Long> projects) {
    }

    public record CreatedToken(Long id, String name, String token, OffsetDateTime expiresAt, boolean readOnly,
                               List<Long> projects) {
    }

    /** projects: null when the token is not limited to projects. */
    public record TokenView(Long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                            OffsetDateTime revokedAt, OffsetDateTime expiresAt, boolean active, boolean readOnly,
                            List<Long> projects) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id, token.name, token.createdAt, token.lastUsedAt, token.revokedAt,
                    token.expiresAt, token.active(), token.readOnly, projectsOf(token));
        }
    }

    static List<Long> projectsOf(ApiToken token) {
        return token.projectScoped ? token.projectIds.stream().sorted().toList() : null;
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TokenService tokens;

    @POST
    @Operation(summary = "Create a personal API token; the token is in this answer only")
    public Response create(@Valid NewToken body) {
        TokenService.Issued issued = tokens.issue(currentUser.get(), body.name().trim(), body.expiresAt(), "$.name",
                new TokenService.Scope(Boolean.TRUE.equals(body.readOnly()), body.projects()));
        ApiToken token = issued.token();
        return Response.status(201).entity(new CreatedToken(token.id, token.name, issued.secret(), token.expiresAt,
                token.readOnly, projectsOf(token)))
                .build();
    }

    @GET
    @Operation(summary = "List my API tokens (without their secrets)")
    public List<TokenView> list() {
        return ApiToken.of(currentUser.get()).stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke one of my API tokens")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(currentUser.get(), id);
        return Response.noContent().build();
    }
}
