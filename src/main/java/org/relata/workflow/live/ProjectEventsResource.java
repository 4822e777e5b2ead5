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

/** Server-sent events about every layer of a project: the team's progress dashboard stays current. */
@Path("/api/projects/{id}/events")
@Authenticated
@Tag(name = "Live updates")
public class ProjectEventsResource {

    @Inject
    LayerStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Changes of every layer in the project, for the progress dashboard (text/event-stream)",
            description = "Curators and managers. A `ready` event, then `layer` events as for a document, plus "
                    + "{bulk: true} when an import changed many layers at once.")
    public Multi<OutboundSseEvent> events(@PathParam("id") long projectId, @Context Sse sse) {
        return streams.project(projectId, sse);
    }
}
