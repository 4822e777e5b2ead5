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

@Path("/api/documents/{docId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class DocumentResource {

    public record DocumentView(Long id, String externalId, String text, Map<String, Object> meta, Long projectId) {
    }

    @Inject
    DocumentAccess documents;

    @GET
    @Operation(summary = "A document's text and metadata", description = "Offsets into the text count code points.")
    public DocumentView get(@PathParam("docId") long docId) {
        Document document = documents.visible(docId).document();
        return new DocumentView(document.id, document.externalId, document.text, document.meta, document.project.id);
    }
}
