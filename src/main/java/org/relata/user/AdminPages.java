package org.relata.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.relata.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** User administration, for admins. */
@Path("/admin/users")
@RolesAllowed(User.ROLE_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    private static final String BACK = "/admin/users";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(UserDirectory.Page users, String me);
    }

    @Inject UserService users;
    @Inject CurrentUser currentUser;

    @GET
    public TemplateInstance list(@QueryParam("q") String query, @QueryParam("after") String after) {
        return Templates.users(UserDirectory.page(query, after), currentUser.get().username);
    }

    /** After a change to one user, the list shows that user, however many others there are. */
    private static String backTo(long id) {
        User user = User.findById(id);
        return user == null ? BACK : showing(user.username);
    }

    private static String showing(String username) {
        return BACK + "?q=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }

    @POST
    public Response create(@RestForm String username, @RestForm String password, @RestForm boolean admin,
            @RestForm boolean canCreateProjects) {
        String name = username == null ? "" : username.trim();
        if (!AccountRules.isUsername(name)) {
            return Flash.error(BACK, "A username holds letters, digits and . _ @ - (at most 64).");
        }
        return Flash.attempt(BACK, () -> {
            users.create(name, password, admin, canCreateProjects);
            return Flash.ok(showing(name), "User " + name + " created.");
        });
    }

    @POST
    @Path("{id}/enabled")
    public Response setEnabled(@PathParam("id") long id, @RestForm boolean enabled) {
        User me = currentUser.get();
        if (me.id == id && !enabled) {
            return Flash.error(backTo(id), "You cannot disable your own account.");
        }
        users.setEnabled(id, enabled);
        return Flash.ok(backTo(id), enabled ? "Account enabled." : "Account disabled.");
    }

    @POST
    @Path("{id}/can-create-projects")
    public Response setCanCreateProjects(@PathParam("id") long id, @RestForm boolean allowed) {
        return Flash.attempt(backTo(id), () -> users.setCanCreateProjects(id, allowed),
                user -> user.username + (allowed ? " may create projects now." : " may no longer create projects."));
    }

    @POST
    @Path("{id}/password")
    public Response setPassword(@PathParam("id") long id, @RestForm String password) {
        return Flash.attempt(backTo(id), () -> users.changePassword(id, password),
                revoked -> "Password changed; the user's sessions have ended and " + revoked + " API token"
                        + (revoked == 1 ? " was" : "s were") + " revoked.");
    }

    /** Logs the user out everywhere, e.g. after a lost laptop. */
    @POST
    @Path("{id}/sessions/end")
    public Response endSessions(@PathParam("id") long id) {
        return Flash.attempt(backTo(id), () -> users.endSessions(id), "All sessions of this user have ended.");
    }
}
