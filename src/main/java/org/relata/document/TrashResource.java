package org.relata.document;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.document.Trash.TrashedDocument;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.Role;

import io.quarkus.security.Authenticated;

/** A project's trash: list, restore, purge (managers). */
@Path("/api/projects/{id}/trash")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Project lifecycle")
public class TrashResource {

    public record Restored(long id, String externalId) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    Trash trash;

    @GET
    @Operation(summary = "The documents in a project's trash, with when and by whom they were deleted (manager)",
            description = "purgedAfter: when the scheduled job purges the document (relata.trash.retention-days).")
    public List<TrashedDocument> list(@PathParam("id") long projectId) {
        manager(projectId);
        return trash.list(projectId);
    }

    @POST
    @Path("/{docId}/restore")
    @Operation(summary = "Take a document out of the trash, with all its layers (manager)")
    public Restored restore(@PathParam("id") long projectId, @PathParam("docId") long docId) {
        Access access = manager(projectId);
        trash.restore(access.user().id, projectId, docId);
        Document document = Document.findById(docId);
        return new Restored(document.id, document.externalId);
    }

    @DELETE
    @Path("/{docId}")
    @Operation(summary = "Purge a document from the trash now, with its layers (manager); its external id is free again")
    @APIResponse(responseCode = "204", description = "Purged")
    public void purge(@PathParam("id") long projectId, @PathParam("docId") long docId) {
        Access access = manager(projectId);
        trash.purge(access.user().id, projectId, docId);
    }

    /** The trash is its managers' alone: anyone else is answered as ProjectAccess answers them. */
    private Access manager(long projectId) {
        return projectAccess.requiring(projectId, Role.MANAGER);
    }
}
