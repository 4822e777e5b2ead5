package org.relata.document;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
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

    @Inject DocumentAccess documents;
    @Inject Trash trash;
    @Inject DocumentEvents events;

    public record DocumentView(Long id, String externalId, String text, Map<String, Object> meta, Long projectId) {
    }

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

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Tag(name = "Live updates")
    @Operation(summary = "Changes of the document's layers, as they are committed (text/event-stream)",
            description = "First a `layers` event: the current version and status of every layer of the document the "
                    + "caller may read. Then a `layer` event per committed change: {document, owner, version, status}; "
                    + "owner as in the layer URL (a username, gold, suggestions); version -1 when the layer was "
                    + "deleted. Only layers the caller may read are announced. A `ping` event every 20 s. After a "
                    + "reconnect the `layers` event comes again: compare versions to catch up. 404 for a document "
                    + "the caller may not see. Changes made through any instance arrive (PostgreSQL LISTEN/NOTIFY).")
    public Multi<OutboundSseEvent> events(@PathParam("docId") long docId, @Context Sse sse) {
        return events.stream(docId, sse);
    }
}
