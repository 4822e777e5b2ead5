package org.relata.annotation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.ProjectAccess;

/** The caller's work in a project: how far they are and which document comes next. */
@Path("/api/projects/{id}/queue")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class QueueResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    WorkQueue workQueue;

    @GET
    @Operation(summary = "My progress and my next document",
            description = "next is the first document after `after` (wrapping around) that my layer has not marked "
                    + "done; null when everything is done. In a blind project an annotator's queue holds only the "
                    + "documents assigned to them.")
    public WorkQueue.Queue queue(@PathParam("id") long projectId, @QueryParam("after") Long after) {
        ProjectAccess.Access access = projectAccess.visible(projectId);
        return workQueue.of(projectId, access.user().id, access.seesOnlyAssigned(), after);
    }
}
