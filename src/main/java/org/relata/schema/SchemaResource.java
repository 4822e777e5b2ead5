package org.relata.schema;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;
import org.relata.user.CurrentUser;
import org.relata.user.User;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

/** A project's label schema, read by its members and replaced whole by its managers. */
@Path("/api/projects/{id}/schema")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class SchemaResource {

    @Inject CurrentUser currentUser;
    @Inject ProjectAccess access;
    @Inject SchemaService schemas;
    @Inject TypeMerge merges;

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

    /** Which type the merged one goes into. */
    public record MergeRequest(Long into) {
    }

    @POST
    @Path("entity-types/{typeId}/merge")
    @Operation(summary = "Merge an entity type into another (manager): its spans take the other type, it is removed",
            description = "Allowed pairs and event types' roles naming the merged type name the other type. One audit"
                    + " event.")
    public Response mergeEntityType(@BeanParam MergedType type, MergeRequest body) {
        return merged(type, body, merges::mergeEntityType);
    }

    @POST
    @Path("relation-types/{typeId}/merge")
    @Operation(summary = "Merge a relation type into another (manager): its relations take the other type, it is removed",
            description = "A relation that would repeat one of the other type between the same spans is removed"
                    + " (duplicatesRemoved). The other type's allowed pairs are not widened: if they forbid a pair the"
                    + " merged relations connect, 409 names the pairs and nothing changes. One audit event.")
    public Response mergeRelationType(@BeanParam MergedType type, MergeRequest body) {
        return merged(type, body, merges::mergeRelationType);
    }

    /** One of TypeMerge's merges: by the user who sends it, with the schema version the request is based on. */
    private interface Merge {
        TypeMerge.MergeResult run(User actor, long projectId, long typeId, Long into, String expectedVersion);
    }

    /** A manager's merge; the answer carries the schema's new version as its ETag. */
    private Response merged(MergedType type, MergeRequest body, Merge merge) {
        access.requiring(type.projectId, Role.MANAGER);
        TypeMerge.MergeResult result = merge.run(currentUser.get(), type.projectId, type.typeId,
                body == null ? null : body.into(), version(type.ifMatch));
        return Response.ok(result).tag(new EntityTag(schemas.currentVersion(type.projectId))).build();
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
