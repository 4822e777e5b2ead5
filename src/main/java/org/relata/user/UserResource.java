package org.relata.user;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

@Path("/api")
@Tag(name = "Users")
public class UserResource {

    public record NewUser(
            @NotBlank(message = "username is required")
            @Pattern(regexp = AccountRules.USERNAME,
                    message = "username may hold letters, digits and . _ @ - (at most 64)") String username,
            @NotBlank(message = "password is required")
            @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX, message = "password must have 8 to 200 characters") String password,
            Boolean admin,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "May create projects (default"
                    + " false; admins always may)") Boolean canCreateProjects) {
    }

    public record UserView(Long id, String username, boolean admin, boolean enabled, boolean canCreateProjects) {
        static UserView of(User user) {
            return new UserView(user.id, user.username, user.admin, user.enabled, user.admin || user.canCreateProjects);
        }
    }

    public record Created(Long id, String username) {
    }

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/users")
    @RolesAllowed(User.ROLE_ADMIN)
    @Operation(summary = "Create a user (admin only)")
    public Response create(@Valid NewUser body) {
        User user = users.create(body.username(), body.password(), Boolean.TRUE.equals(body.admin()),
                Boolean.TRUE.equals(body.canCreateProjects()));
        return Response.status(201).entity(new Created(user.id, user.username)).build();
    }

    @GET
    @Path("/users")
    @RolesAllowed(User.ROLE_ADMIN)
    @Operation(summary = "List all users (admin only)")
    public List<UserView> list() {
        return User.<User>list("deletedAt is null order by username").stream().map(UserView::of).toList();
    }

    public record PasswordChange(
            @NotBlank(message = "currentPassword is required") String currentPassword,
            @NotBlank(message = "password is required")
            @Size(min = AccountRules.PASSWORD_MIN, max = AccountRules.PASSWORD_MAX,
                    message = "password must have 8 to 200 characters") String password,
            Boolean revokeTokens) {
    }

    public record PasswordChanged(int tokensRevoked) {
    }

    @POST
    @Path("/me/password")
    @Authenticated
    @Operation(summary = "Change my password (the current one required)",
            description = "Every other session ends; a browser session that makes this call continues. With"
                    + " revokeTokens: true all my API tokens end too."
                    + " A wrong current password answers 400 on $.currentPassword.")
    public Response changePassword(@Valid PasswordChange body) {
        if (body == null) {
            throw org.relata.web.ApiException.badRequest("Send {\"currentPassword\", \"password\"}.");
        }
        int revoked = users.changeOwnPassword(currentUser.get().id, currentUser.sessionId(), body.currentPassword(),
                body.password(), Boolean.TRUE.equals(body.revokeTokens()));
        return Response.ok(new PasswordChanged(revoked)).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "Who am I")
    public UserView me() {
        return UserView.of(currentUser.get());
    }
}
