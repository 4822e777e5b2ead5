package org.relata.annotation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relata.document.Document;
import org.relata.document.DocumentAccess;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.web.Flash;
import org.relata.web.SafeMarkdown;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The annotation workspace page. The page itself is a shell: its script loads the document, the schema and the
 * layer through the public API once, and saves every edit through it. The project's guidelines come with the page,
 * rendered from Markdown here.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WorkspacePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workspace(Project project, long documentId, String externalId, String owner,
                String ownerPath, String guidelines);
    }

    @Inject
    ProjectAccess access;

    @Inject
    WorkQueue queue;

    @Inject
    EntityManager em;

    @Inject
    DocumentAccess documents;

    /** Opens the first document of my queue that is not done yet, or says that all are done. */
    @GET
    @Path("projects/{id}/annotate")
    @Operation(hidden = true)
    public Response start(@PathParam("id") long id) {
        ProjectAccess.Access visible = access.visible(id);
        WorkQueue.NextDocument next = queue.of(id, visible.user().id, visible.seesOnlyAssigned(), null).next();
        if (next == null) {
            return Flash.ok("/projects/" + id, "All done: every document of your queue is marked done.");
        }
        return Response.seeOther(URI.create("/documents/" + next.id() + "/annotate")).build();
    }

    @GET
    @Path("documents/{docId}/annotate")
    @Operation(hidden = true)
    public TemplateInstance workspace(@PathParam("docId") long docId, @QueryParam("owner") String owner) {
        // Only the few columns the page shows: the text (up to megabytes) goes to the browser once, through the API.
        List<Object[]> rows = em.createQuery("select d.project.id, d.externalId from Document d where d.id = ?1",
                Object[].class).setParameter(1, docId).getResultList();
        if (rows.isEmpty()) {
            throw ProjectAccess.notFound();
        }
        ProjectAccess.Access visible = access.visible((Long) rows.get(0)[0]);
        Project project = visible.project();
        // The page answers 404 exactly when the API calls it would make do: a document or a layer the caller may
        // not see (blind annotation) is not disclosed.
        documents.requireSees(visible, docId);
        String layer = owner == null || owner.isBlank() ? "me" : owner.trim();
        LayerTargets.target(em.getReference(Document.class, docId), visible, layer);
        String layerPath = URLEncoder.encode(layer, StandardCharsets.UTF_8).replace("+", "%20");
        return Templates.workspace(project, docId, (String) rows.get(0)[1], layer, layerPath,
                SafeMarkdown.toHtml(project.guidelines));
    }
}
