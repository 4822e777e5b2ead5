package org.relata.workflow.live;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * Server-sent events about a document's layers, fed by PostgreSQL LISTEN/NOTIFY, so a change made through any
 * instance reaches the pages open on every instance.
 */
@Path("/api/documents/{docId}/events")
@Authenticated
@Tag(name = "Live updates")
public class DocumentEventsResource {

    @Inject
    LayerStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Changes of the document's layers, as they are committed (text/event-stream)",
            description = "First a `layers` event: the current version and status of every layer of the document the "
                    + "caller may read. Then a `layer` event per committed change: {document, owner, version, status}; "
                    + "owner as in the layer URL (a username, gold, suggestions); version -1 when the layer was "
                    + "deleted. Only layers the caller may read are announced. A `ping` event every 20 s. After a "
                    + "reconnect the `layers` event comes again: compare versions to catch up. 404 for a document "
                    + "the caller may not see.")
    public Multi<OutboundSseEvent> events(@PathParam("docId") long docId, @Context Sse sse) {
        return streams.document(docId, sse);
    }
}
