package org.relata.user;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

/** My browser sessions (issue 19, finding 11): see them one by one and end any of them. */
@Path("/api/me/sessions")
@Authenticated
@Tag(name = "Users")
public class SessionResource {

    public record SessionView(
            @Schema(description = "The session's handle, to end it with") UUID id,
            OffsetDateTime createdAt,
            @Schema(description = "When the session was last used (updated at most once a minute)") OffsetDateTime lastSeenAt,
            @Schema(description = "The address it logged in from") String clientAddress,
            @Schema(description = "The browser, in short (\"Firefox on Linux\")") String userAgent,
            @Schema(description = "true for the session this call rides on") boolean current) {
        static SessionView of(UserSession session, UUID current) {
            return new SessionView(session.id, session.createdAt, session.lastSeenAt, session.clientAddress,
                    session.userAgent, session.id.equals(current));
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    UserSessions sessions;

    @Inject
    UserService users;

    @GET
    @Operation(summary = "List my browser sessions",
            description = "Every form login of mine that has not ended or expired, most recently used first.")
    public List<SessionView> list() {
        UUID current = currentUser.sessionId();
        return sessions.of(currentUser.get().id).stream().map(s -> SessionView.of(s, current)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End one of my browser sessions",
            description = "That browser is logged out at once, on its next request. Ending the session this call rides"
                    + " on logs this browser out. 404 for a session that is not mine (or no longer exists).")
    public Response end(@PathParam("id") String id) {
        users.endOwnSession(currentUser.get().id, parse(id));
        return Response.noContent().build();
    }

    /** A malformed id is a session that does not exist. */
    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No such session.");
        }
    }
}
