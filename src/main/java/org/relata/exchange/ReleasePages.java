package org.relata.exchange;

import java.util.List;

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
import org.relata.exchange.ReleaseService.NewRelease;
import org.relata.exchange.ReleaseService.Release;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.ProjectMember;
import org.relata.project.Role;
import org.relata.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The releases page (list, create, delete, download) and the diff between two releases. */
@Path("/projects/{id}/releases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReleasePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance releases(Project project, List<Release> releases, boolean manager,
                List<String> members, List<Formats.Format> formats);

        static native TemplateInstance diff(Project project, ReleaseDiff.Diff diff);
    }

    @Inject ProjectAccess access;
    @Inject ReleaseService releases;

    @GET
    public TemplateInstance page(@PathParam("id") long id) {
        Access a = access.requiring(id, Role.CURATOR);
        List<String> members = ProjectMember.inProject(a.project()).stream().map(m -> m.user.username).toList();
        return Templates.releases(a.project(), releases.list(id), a.can(Role.MANAGER), members, Formats.exportable());
    }

    @POST
    public Response create(@PathParam("id") long id, @RestForm String name, @RestForm String format,
            @RestForm String source, @RestForm String status, @RestForm String split, @RestForm String seed) {
        Access a = access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id + "/releases";
        return Flash.attempt(back, () -> {
            Release release = releases.create(a.user(), a.project(), new NewRelease(name, format, source, status,
                    split == null || split.isBlank() ? null : split, seed));
            return Flash.ok(back, "Release " + release.name() + " created.");
        });
    }

    @POST
    @Path("/{name}/delete")
    public Response delete(@PathParam("id") long id, @PathParam("name") String name) {
        Access a = access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id + "/releases";
        return Flash.attempt(back, () -> releases.delete(a.user(), id, name), "Release " + name + " deleted.");
    }

    @GET
    @Path("/diff")
    public TemplateInstance diff(@PathParam("id") long id, @QueryParam("a") String a, @QueryParam("b") String b) {
        Project project = access.requiring(id, Role.CURATOR).project();
        return Templates.diff(project, releases.diff(id, a, b));
    }
}
