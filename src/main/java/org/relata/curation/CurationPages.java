package org.relata.curation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.relata.document.DocumentAccess;
import org.relata.project.Project;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The curation view of one document. Like the workspace, the page is a shell: its script reads the merged view and
 * decides through the curation API. Annotators get 404, as from the API.
 */
@Path("/documents/{docId}/curate")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CurationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance curate(Project project, long documentId, String externalId);
    }

    @Inject
    DocumentAccess documents;

    @GET
    @Operation(hidden = true)
    public TemplateInstance curate(@PathParam("docId") long docId) {
        DocumentAccess.Visible visible = CurationService.curatable(documents, docId);
        return Templates.curate(visible.access().project(), docId, visible.document().externalId);
    }
}
