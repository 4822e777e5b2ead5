package org.relata.project;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.audit.AuditTrail;

import io.quarkus.security.Authenticated;

/** A project's audit log, for its managers (issue 12, item 6); the page is {@link ProjectAuditPages}. */
@Path("/api/projects/{id}/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectAuditResource {

    @Inject
    ProjectAccess access;

    @Inject
    AuditTrail trail;

    @GET
    @Operation(summary = "The project's audit log, newest first (managers)",
            description = "Who changed what, when, in which document and layer. change holds a created or deleted "
                    + "object's fields, or the changed fields of an update as [old, new]. Pages by the before cursor "
                    + "(each answer's next, null on the last page). Kept relata.audit.retention-days (0: for ever).")
    public AuditTrail.Page list(@PathParam("id") long id, @BeanParam AuditFilter filter,
            @QueryParam("limit") @DefaultValue("100") @Parameter(description = "1 to 500") int limit) {
        access.requiring(id, Role.MANAGER);
        return trail.page(id, filter.user(), filter.document(), filter.before(), limit);
    }
}
