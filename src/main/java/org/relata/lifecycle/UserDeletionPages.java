package org.relata.lifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.relata.lifecycle.UserDeletion.LayerChoice;
import org.relata.lifecycle.UserDeletion.Outcome;
import org.relata.lifecycle.UserDeletion.ProjectLayers;
import org.relata.user.CurrentUser;
import org.relata.user.User;
import org.relata.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin's page for deleting a user: one choice per project, then one confirmed button. */
@Path("/admin/users/{id}/delete")
@RolesAllowed(User.ROLE_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class UserDeletionPages {

    private static final String USERS = "/admin/users";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(User user, List<ProjectLayers> projects);
    }

    @Inject UserDeletion deletion;
    @Inject CurrentUser currentUser;

    @GET
    public Response page(@PathParam("id") long id) {
        return Flash.attempt(USERS, () -> Response.ok(Templates.confirm(User.findById(id), deletion.projects(id))).build());
    }

    /** Projects ticked in {@code delete} lose the user's layers; all others keep them under the pseudonym. */
    @POST
    public Response delete(@PathParam("id") long id, @RestForm("delete") List<Long> deleteIn) {
        Map<Long, LayerChoice> choices = new HashMap<>();
        deleteIn.forEach(projectId -> choices.put(projectId, LayerChoice.DELETE));
        return Flash.attempt("/admin/users/" + id + "/delete", () -> {
            Outcome outcome = deletion.delete(currentUser.get(), id, choices, LayerChoice.KEEP);
            return Flash.ok(USERS, "User deleted. " + outcome.layersKept() + " layer(s) kept as "
                    + outcome.pseudonym() + ", " + outcome.layersDeleted() + " deleted.");
        });
    }
}
