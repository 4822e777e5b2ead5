package org.relata.document;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.ProjectAccess;
import org.relata.web.ApiException;

@Path("/api/documents/{docId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class DocumentResource {

    public record DocumentView(Long id, String externalId, String text, Map<String, Object> meta, Long projectId) {
    }

    @Inject
    ProjectAccess projectAccess;

    @GET
    @Operation(summary = "A document's text and metadata", description = "Offsets into the text count code points.")
    public DocumentView get(@PathParam("docId") long docId) {
        Document document = Document.findById(docId);
        if (document == null) {
            throw ApiException.notFound("No such document.");
        }
        try {
            projectAccess.visible(document.project.id);
        } catch (ApiException e) {
            throw ApiException.notFound("No such document.");
        }
        return new DocumentView(document.id, document.externalId, document.text, document.meta, document.project.id);
    }
}
