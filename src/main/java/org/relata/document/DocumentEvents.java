package org.relata.document;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;

/**
 * A document's live stream of layer changes: served with the document's other URLs by {@link DocumentResource},
 * provided by the live updates feature (which depends on documents, not the other way round).
 */
public interface DocumentEvents {

    /** Checks what the caller may read before it subscribes (404 for a document the caller may not see). */
    Multi<OutboundSseEvent> stream(long docId, Sse sse);
}
