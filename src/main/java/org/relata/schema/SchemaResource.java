package org.relata.schema;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;
import org.relata.user.CurrentUser;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

/** A project's label schema, read by its members and replaced whole by its managers. */
@Path("/api/projects/{id}/schema")
@Authenticated
@Tag(name = "Projects")
public class SchemaResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    ProjectAccess access;

    @Inject
    SchemaService schemas;

    @GET
    @Operation(summary = "A project's schema")
    public Schema schema(@PathParam("id") long id) {
        return schemas.read(access.visible(id).project());
    }

    @PUT
    @Operation(summary = "Replace a project's schema (manager); types are matched by id, else name")
    @Transactional
    public Schema replaceSchema(@PathParam("id") long id, Schema body) {
        access.requiring(id, Role.MANAGER);
        if (body == null) {
            throw ApiException.badRequest("Send the schema as JSON.");
        }
        return schemas.replace(currentUser.get(), id, body);
    }
}
