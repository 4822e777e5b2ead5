package org.relata.annotation;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.annotation.AnnotationViews.Created;
import org.relata.annotation.AnnotationViews.LayerView;
import org.relata.annotation.AnnotationViews.NewRelation;
import org.relata.annotation.AnnotationViews.NewSpan;
import org.relata.annotation.AnnotationViews.SpanDeleted;
import org.relata.annotation.AnnotationViews.StatusChange;
import org.relata.annotation.AnnotationViews.Written;
import org.relata.web.ApiException;

/**
 * One owner's annotations of one document. Every write answers the layer's new version; sending it back in
 * {@code If-Match} makes the next write fail with 412 instead of overwriting a change made meanwhile.
 */
@Path("/api/documents/{docId}/layers/{owner}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class LayerResource {

    private static final String OWNER_HELP = "`me`, a username, `gold` or `suggestions`";
    private static final String IF_MATCH_HELP = "The layer version the client last saw, as in the ETag: \"7\". "
            + "A different current version answers 412.";

    @Inject
    LayerTargets targets;

    @Inject
    AnnotationService annotations;

    @GET
    @Operation(summary = "A layer's spans, relations, equivalences and events",
            description = "A layer nobody has written yet answers status NEW, version 0 and no annotations. "
                    + "The ETag header carries the version. A span shows its fragments (null when contiguous) and "
                    + "entity links; equivalences and events come from brat imports.")
    public Response get(@PathParam("docId") long docId, @PathParam("owner") @Parameter(description = OWNER_HELP) String owner) {
        LayerView view = annotations.view(targets.readable(docId, owner));
        return tagged(Response.ok(view), view.version());
    }

    @POST
    @Path("/spans")
    @Operation(summary = "Add a span", description = "Offsets are code points, end-exclusive. fragments "
            + "[[start, end], ...] (in text order, not overlapping) makes a discontinuous span whose start and end are "
            + "the outer bounds; links [{resource, id, text?}] must use the schema's linkResources when it lists any.")
    public Response addSpan(@PathParam("docId") long docId, @PathParam("owner") String owner,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch, NewSpan body) {
        return created(annotations.createSpan(targets.writable(docId, owner), version(ifMatch), required(body)));
    }

    @PATCH
    @Path("/spans/{spanId}")
    @Operation(summary = "Change a span", description = "Any of label, start, end, attributes, note, fragments "
            + "(null or [] makes the span contiguous), links (replaces the list).")
    public Response changeSpan(@PathParam("docId") long docId, @PathParam("owner") String owner,
            @PathParam("spanId") long spanId, @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch,
            Map<String, Object> changes) {
        return written(annotations.updateSpan(targets.writable(docId, owner), version(ifMatch), spanId, required(changes)));
    }

    @DELETE
    @Path("/spans/{spanId}")
    @Operation(summary = "Delete a span and the relations attached to it")
    public Response deleteSpan(@PathParam("docId") long docId, @PathParam("owner") String owner,
            @PathParam("spanId") long spanId, @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch) {
        SpanDeleted deleted = annotations.deleteSpan(targets.writable(docId, owner), version(ifMatch), spanId);
        return tagged(Response.ok(deleted), deleted.version());
    }

    @POST
    @Path("/relations")
    @Operation(summary = "Add a relation",
            description = "head and tail are span ids of this layer; 400 when the relation type does not allow the pair.")
    public Response addRelation(@PathParam("docId") long docId, @PathParam("owner") String owner,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch, NewRelation body) {
        return created(annotations.createRelation(targets.writable(docId, owner), version(ifMatch), required(body)));
    }

    @PATCH
    @Path("/relations/{relId}")
    @Operation(summary = "Change a relation", description = "Any of label, head, tail, attributes, note.")
    public Response changeRelation(@PathParam("docId") long docId, @PathParam("owner") String owner,
            @PathParam("relId") long relationId, @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch,
            Map<String, Object> changes) {
        return written(annotations.updateRelation(targets.writable(docId, owner), version(ifMatch), relationId,
                required(changes)));
    }

    @DELETE
    @Path("/relations/{relId}")
    @Operation(summary = "Delete a relation")
    public Response deleteRelation(@PathParam("docId") long docId, @PathParam("owner") String owner,
            @PathParam("relId") long relationId, @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch) {
        return written(annotations.deleteRelation(targets.writable(docId, owner), version(ifMatch), relationId));
    }

    @PUT
    @Path("/status")
    @Operation(summary = "Mark the layer done, or reopen it", description = "status: IN_PROGRESS or DONE.")
    public Response setStatus(@PathParam("docId") long docId, @PathParam("owner") String owner,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch, StatusChange body) {
        return written(annotations.setStatus(targets.writable(docId, owner), version(ifMatch), required(body).status()));
    }

    private static Response created(Created created) {
        return tagged(Response.status(201).entity(created), created.version());
    }

    private static Response written(Written written) {
        return tagged(Response.ok(written), written.version());
    }

    /** Every answer about a layer carries its version as the ETag, for the next If-Match. */
    private static Response tagged(Response.ResponseBuilder response, long version) {
        return response.header("ETag", "\"" + version + "\"").build();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ApiException.badRequest("The request needs a JSON body.");
        }
        return body;
    }

    /** The version in an If-Match header: "7", W/"7" or 7; none or * means "whatever is current". */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badField("If-Match carries the layer version, for example \"7\".", "If-Match");
        }
    }
}
