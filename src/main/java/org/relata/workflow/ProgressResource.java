package org.relata.workflow;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;

import io.quarkus.security.Authenticated;
import org.relata.annotation.TeamProgress;
import org.relata.annotation.TeamProgressService;

/** How far a project's team has come, for its curators and managers. */
@Path("/api/projects/{id}/progress")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Team annotation")
public class ProgressResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    TeamProgressService progress;

    @GET
    @Operation(summary = "Progress per annotator, per label and per document",
            description = "Per member: assigned documents, layers in progress and done, spans and relations made, last "
                    + "activity. Per label: count in gold and per annotator. Per document: who is assigned, who is done.")
    public TeamProgress get(@PathParam("id") long projectId) {
        projectAccess.requiring(projectId, Role.CURATOR);
        return progress.of(projectId);
    }
}
