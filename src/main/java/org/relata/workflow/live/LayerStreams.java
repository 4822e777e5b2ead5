package org.relata.workflow.live;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.mutiny.Multi;
import org.relata.document.DocumentEvents;

/**
 * The two live streams of layer changes: a document's (the workspace) and a project's (the progress dashboard). Each
 * checks what the caller may read before it subscribes, and announces only the layers the caller may read.
 */
@ApplicationScoped
public class LayerStreams implements DocumentEvents {

    @Inject
    LiveService live;

    @Inject
    LiveHub hub;

    @Inject
    EventStreams streams;

    /** Opens with a {@code layers} event: the current version and status of every layer the caller may read. */
    @Override
    public Multi<OutboundSseEvent> stream(long docId, Sse sse) {
        Reader reader = live.documentReader(docId);
        return streams.start(sse, (out, end) -> hub.document(docId, reader::sees, out, end), "layers",
                () -> Map.of("document", docId, "layers", live.layers(docId, reader)));
    }

    /** Opens with a {@code ready} event. */
    Multi<OutboundSseEvent> project(long projectId, Sse sse) {
        Reader reader = live.projectReader(projectId);
        return streams.start(sse, (out, end) -> hub.project(projectId, reader::sees, out, end), "ready",
                () -> Map.of("project", projectId));
    }
}
