package org.relata.exchange;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectMember;
import org.relata.project.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The import page (upload with a progress bar and an error report; the upload goes to the import API from
 * js/exchange/import.js) and the export form, a plain GET to the export API so that the download starts at once.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ExchangePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance importPage(Project project, List<String> members, List<Formats.Format> formats);

        static native TemplateInstance exportPage(Project project, List<String> members, List<Formats.Format> formats);
    }

    @Inject ProjectAccess access;

    /** The import page (managers) and the export page (curators and up) share their route and their inputs. */
    @GET
    @Path("projects/{id}/{direction: import|export}")
    public TemplateInstance page(@PathParam("id") long id, @PathParam("direction") String direction) {
        boolean importing = direction.equals("import");
        Project project = access.requiring(id, importing ? Role.MANAGER : Role.CURATOR).project();
        return importing
                ? Templates.importPage(project, members(project), Formats.importable())
                : Templates.exportPage(project, members(project), Formats.exportable());
    }

    private static List<String> members(Project project) {
        return ProjectMember.inProject(project).stream().map(m -> m.user.username).toList();
    }
}
