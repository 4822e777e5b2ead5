package org.relata.curation;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.util.RawValue;

import org.relata.document.DocumentAccess;
import org.relata.project.Project;
import org.relata.project.ProjectResource;
import org.relata.web.InlineJson;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The curation view of one document. The page carries what its script starts from (the text, the schema and the
 * merged view, curation already started) as JSON inside it: a document with thousands of annotations opens without
 * waiting for three more round trips. Later reads and every decision go through the curation API. Annotators get
 * 404, as from the API.
 */
@Path("/documents/{docId}/curate")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CurationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance curate(Project project, long documentId, String externalId, RawString data);
    }

    @Inject DocumentAccess documents;
    @Inject CurationService curation;
    @Inject ProjectResource projects;
    @Inject InlineJson inline;

    @GET
    public TemplateInstance curate(@PathParam("docId") long docId) {
        DocumentAccess.Visible visible = CurationService.curatable(documents, docId);
        Project project = visible.access().project();
        // The merged view's part is written once per kept view: the next opening of an unchanged document reuses it.
        RawValue merged = curation.open(visible)
                .page(view -> new RawValue(inline.of(CurationPageData.of(view)).getValue()));
        Map<String, Object> data = Map.of("text", visible.document().text, "project", projects.get(project.id),
                "curation", merged);
        return Templates.curate(project, docId, visible.document().externalId, inline.of(data));
    }
}
