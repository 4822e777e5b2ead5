package org.relata.annotation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.relata.document.Document;
import org.relata.document.DocumentAccess;
import org.relata.document.DocumentResource;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectResource;
import org.relata.web.InlineJson;
import org.relata.web.Flash;
import org.relata.web.SafeMarkdown;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The annotation workspace page. It carries the document, the project with its schema, the layer and the queue
 * as the API would answer them (inline JSON), and its script saves every edit through the public API. The
 * project's guidelines come with the page, rendered from Markdown here.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class WorkspacePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workspace(Project project, long documentId, String externalId, String owner,
                String ownerPath, String guidelines, RawString data);
    }

    @Inject ProjectAccess access;
    @Inject WorkQueue queue;
    @Inject DocumentAccess documents;
    @Inject ProjectResource projects;
    @Inject AnnotationService annotations;
    @Inject InlineJson inlineJson;

    /** Opens the first document of my queue that is not done yet, or says that all are done. */
    @GET
    @Path("projects/{id}/annotate")
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
    public TemplateInstance workspace(@PathParam("docId") long docId, @QueryParam("owner") String owner) {
        // The page answers 404 exactly when the API calls for its data do: a document or a layer the caller may
        // not see (blind annotation) is not disclosed.
        DocumentAccess.Visible visible = documents.visible(docId);
        Document document = visible.document();
        Project project = visible.access().project();
        String layer = owner == null || owner.isBlank() ? "me" : owner.trim();
        LayerTarget target = LayerTargets.target(document, visible.access(), layer);
        String layerPath = URLEncoder.encode(layer, StandardCharsets.UTF_8).replace("+", "%20");
        // The answers the script would otherwise ask for (document, project with schema, layer, queue), written as
        // the API writes them: one round trip instead of five, and nothing to wait for once the modules have run.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document", new DocumentResource.DocumentView(document.id, document.externalId, document.text,
                document.meta, project.id));
        data.put("project", projects.get(project.id));
        data.put("layer", annotations.view(target));
        data.put("queue", queue.of(project.id, visible.access().user().id, visible.access().seesOnlyAssigned(), docId));
        return Templates.workspace(project, docId, document.externalId, layer, layerPath,
                SafeMarkdown.toHtml(project.guidelines), inlineJson.of(data));
    }
}
