package org.relata.document;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.Role;
import org.relata.web.ApiException;

@Path("/api/documents/{docId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class DocumentResource {

    public record DocumentView(Long id, String externalId, String text, Map<String, Object> meta, Long projectId) {
    }

    @Inject DocumentAccess documents;
    @Inject Trash trash;

    @GET
    @Operation(summary = "A document's text and metadata", description = "Offsets into the text count code points.")
    public DocumentView get(@PathParam("docId") long docId) {
        Document document = documents.visible(docId).document();
        return new DocumentView(document.id, document.externalId, document.text, document.meta, document.project.id);
    }

    @DELETE
    @Operation(summary = "Move a document to its project's trash (manager)",
            description = "The document keeps its layers and its external id; it answers 404 everywhere until it is"
                    + " restored from the trash, and is purged after relata.trash.retention-days.")
    @APIResponse(responseCode = "204", description = "In the trash")
    public void delete(@PathParam("docId") long docId) {
        DocumentAccess.Visible visible = documents.visible(docId);
        if (!visible.access().can(Role.MANAGER)) {
            throw ApiException.forbidden("Deleting documents needs the MANAGER role.");
        }
        trash.trash(visible.access().user().id, visible.document().project.id, List.of(docId));
    }
}
