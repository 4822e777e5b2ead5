package org.relata.annotation;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relata.document.Document;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The annotation workspace page. The page itself is a shell: its script loads the document, the schema and the
 * layer through the public API once, and saves every edit through it.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WorkspacePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workspace(Project project, Document document, String owner);
    }

    @Inject
    ProjectAccess access;

    @Inject
    QueueResource queue;

    /** Opens the first document of my queue that is not done yet, or says that all are done. */
    @GET
    @Path("projects/{id}/annotate")
    @Operation(hidden = true)
    public Response start(@PathParam("id") long id) {
        QueueResource.NextDocument next = queue.queue(id, null).next();
        if (next == null) {
            return Flash.ok("/projects/" + id, "All done: every document of your queue is marked done.");
        }
        return Response.seeOther(URI.create("/documents/" + next.id() + "/annotate")).build();
    }

    @GET
    @Path("documents/{docId}/annotate")
    @Operation(hidden = true)
    public TemplateInstance workspace(@PathParam("docId") long docId, @QueryParam("owner") String owner) {
        Document document = Document.findById(docId);
        if (document == null) {
            throw ProjectAccess.notFound();
        }
        access.visible(document.project.id);
        String layer = owner == null || owner.isBlank() ? "me" : owner.trim();
        return Templates.workspace(document.project, document, layer);
    }
}
