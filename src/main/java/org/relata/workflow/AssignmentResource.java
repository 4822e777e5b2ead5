package org.relata.workflow;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.Role;
import org.relata.workflow.AssignmentRequest.AssignmentView;
import org.relata.workflow.AssignmentRequest.Created;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

/** Which annotator annotates which document. Managers assign; an annotator may list their own assignments. */
@Path("/api/projects/{id}/assignments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Team annotation")
public class AssignmentResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    AssignmentService assignments;

    @POST
    @Operation(summary = "Assign documents to annotators, by hand or k per document balanced by load",
            description = "documents: ids, \"all\" or \"unassigned\". Without perDocument every annotator gets every "
                    + "document; with it each document goes to that many annotators, the least loaded first, ties "
                    + "broken reproducibly by seed. Assignments that exist already are kept and not counted.")
    public Created assign(@PathParam("id") long projectId, AssignmentRequest request) {
        Access access = projectAccess.requiring(projectId, Role.MANAGER);
        if (request == null) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        return new Created(assignments.assign(projectId, access.user().id, request));
    }

    @GET
    @Operation(summary = "List assignments with the annotator's layer status",
            description = "Curators and managers see all (or one annotator's with ?annotator=); annotators their own.")
    public List<AssignmentView> list(@PathParam("id") long projectId,
            @QueryParam("annotator") @Parameter(description = "a username") String annotator) {
        Access access = projectAccess.visible(projectId);
        if (!access.can(Role.CURATOR)) {
            annotator = access.user().username;
        }
        return assignments.list(projectId, annotator);
    }

    @DELETE
    @Path("/{docId}/{username}")
    @Operation(summary = "Unassign a document; its layer is kept unless discard=true",
            description = "discard=true also deletes the annotator's layer of the document; both are audited.")
    public Response unassign(@PathParam("id") long projectId, @PathParam("docId") long documentId,
            @PathParam("username") String username,
            @QueryParam("discard") @Parameter(description = "delete the annotator's layer too") boolean discard) {
        Access access = projectAccess.requiring(projectId, Role.MANAGER);
        assignments.unassign(projectId, access.user().id, documentId, username, discard);
        return Response.noContent().build();
    }
}
