package org.relata.schema;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Operation(summary = "A project's schema", description = "The ETag header carries the schema's version.")
    public Response schema(@PathParam("id") long id) {
        return tagged(schemas.read(access.visible(id).project()));
    }

    @PUT
    @Operation(summary = "Replace a project's schema (manager); types are matched by id, else name",
            description = "With If-Match (the ETag of the schema read), a schema changed meanwhile answers 412 and "
                    + "nothing changes. Without it, types may be added and changed, but a schema that would remove a "
                    + "type or attribute answers 409 naming them.")
    @Transactional
    public Response replaceSchema(@PathParam("id") long id,
            @HeaderParam("If-Match") @Parameter(description = "The ETag of the schema this one is based on") String ifMatch,
            Schema body) {
        access.requiring(id, Role.MANAGER);
        if (body == null) {
            throw ApiException.badRequest("Send the schema as JSON.");
        }
        return tagged(schemas.replace(currentUser.get(), id, body, version(ifMatch)));
    }

    private static Response tagged(Schema schema) {
        return Response.ok(schema).tag(new EntityTag(SchemaService.version(schema))).build();
    }

    /** The version in an If-Match header: {@code "abc"} or {@code W/"abc"}; none (or {@code *}) is null. */
    static String version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value;
    }
}
