package org.relata.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.web.ApiException;

/**
 * The rights an admin grants a user (issue 19, finding 5): today the right to create projects. A path of its own,
 * since {@code /api/users/{id}} itself belongs to the deletion resource.
 */
@Path("/api/users/{id}/rights")
@RolesAllowed(User.ROLE_ADMIN)
@Tag(name = "Users")
public class UserRightsResource {

    public record Rights(@NotNull(message = "canCreateProjects is required") Boolean canCreateProjects) {
    }

    @Inject
    UserService users;

    @PUT
    @Operation(summary = "Grant or withdraw the right to create projects (admin only)")
    public UserResource.UserView set(@PathParam("id") long id, @Valid Rights body) {
        if (body == null) {
            throw ApiException.badRequest("Send {\"canCreateProjects\": true | false}.");
        }
        return UserResource.UserView.of(users.setCanCreateProjects(id, body.canCreateProjects()));
    }
}
