package org.relata.lifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.lifecycle.UserDeletion.LayerChoice;
import org.relata.lifecycle.UserDeletion.Outcome;
import org.relata.lifecycle.UserDeletion.ProjectLayers;
import org.relata.user.CurrentUser;
import org.relata.user.User;
import org.relata.web.ApiException;

@Path("/api/users/{id}")
@Tag(name = "Users")
@RolesAllowed(User.ROLE_ADMIN)
public class UserDeletionResource {

    /**
     * What to do with the user's layers: {@code layers} for every project not named in {@code projects}, which
     * maps a project id to KEEP or DELETE. Without a body every layer is kept under the pseudonym.
     */
    public record Deletion(LayerChoice layers, Map<String, LayerChoice> projects) {
    }

    @Inject
    UserDeletion deletion;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/projects")
    @Operation(summary = "The projects a user belongs to or has layers in, with their layer counts (admin only)",
            description = "What DELETE /api/users/{id} asks a choice for.")
    public List<ProjectLayers> projects(@PathParam("id") long id) {
        return deletion.projects(id);
    }

    @DELETE
    @Operation(summary = "Delete a user (admin only)",
            description = "The account ends at once (sessions, API tokens, memberships, assignments). Per project"
                    + " the user's layers are kept under a pseudonym such as 'former-annotator-3' (KEEP, the default)"
                    + " or deleted (DELETE). Audit rows name the pseudonym. The username is free again afterwards."
                    + " An admin cannot delete their own account (409).")
    public Outcome delete(@PathParam("id") long id, Deletion body) {
        LayerChoice otherwise = body == null || body.layers() == null ? LayerChoice.KEEP : body.layers();
        Map<Long, LayerChoice> choices = new HashMap<>();
        if (body != null && body.projects() != null) {
            body.projects().forEach((key, choice) -> {
                if (choice == null) {
                    throw ApiException.badField("Say KEEP or DELETE.", "$.projects." + key);
                }
                choices.put(projectId(key), choice);
            });
        }
        return deletion.delete(currentUser.get(), id, choices, otherwise);
    }

    private static long projectId(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiException.badField("A key of projects is a project id; '" + key + "' is not one.",
                    "$.projects." + key);
        }
    }
}
