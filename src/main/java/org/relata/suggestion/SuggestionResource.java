package org.relata.suggestion;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.annotation.LayerResource;
import org.relata.document.DocumentAccess;
import org.relata.web.ApiException;

/**
 * The suggestions of a document as one annotator sees them: without the ones they rejected. Accepting a suggested
 * span is adding it to one's own layer (the layer calls); accepting a suggested relation is one call here, which
 * copies it with its argument spans. Rejecting is remembered per annotator.
 */
@Path("/api/documents/{docId}/suggestions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Suggestions")
public class SuggestionResource {

    /** A suggested span; score is null when whoever suggested it did not say. */
    public record SuggestionView(long id, int start, int end, String label, Double score) {
    }

    /** A suggested relation between two suggested spans; score is null when whoever suggested it did not say. */
    public record RelationView(long id, SpanRef head, SpanRef tail, String label, Double score) {
    }

    /** A relation's argument: a span of the suggestions layer (it may be one the caller rejected). */
    public record SpanRef(long id, int start, int end, String label) {
    }

    public record Suggestions(List<SuggestionView> spans, List<RelationView> relations, long rejected,
            long rejectedRelations) {
    }

    /** ids: suggested spans; relations: suggested relations. */
    public record Rejection(List<Long> ids, List<Long> relations) {
    }

    /** The caller's layer after accepting: its version, the relation and its argument spans there. */
    public record AcceptedRelation(long version, long head, long tail, long relation, boolean added) {
    }

    public record Rejected(int rejected) {
    }

    @Inject
    DocumentAccess documents;

    @Inject
    SuggestionService suggestions;

    @GET
    @Operation(summary = "The document's suggested spans and relations I have not rejected",
            description = "From the suggestions layer (imported with target=suggestions), in reading order. minScore "
                    + "leaves out suggestions scoring below it; those without a score stay. A relation names its "
                    + "argument spans (id, start, end, label), also when I rejected those. rejected and "
                    + "rejectedRelations count the ones I rejected.")
    public Suggestions list(@PathParam("docId") long docId,
            @QueryParam("minScore") @Parameter(description = "leave out scores below this") Double minScore) {
        DocumentAccess.Visible visible = documents.visible(docId);
        return suggestions.of(visible.document().id, visible.access().user().id, minScore);
    }

    @POST
    @Path("/rejections")
    @Operation(summary = "Reject suggestions, for me only",
            description = "ids are suggested spans, relations suggested relations of this document (either may be "
                    + "left out). They stay rejected for me (not for others) until the rejection is taken back. "
                    + "Rejecting one twice is no error.")
    public Rejected reject(@PathParam("docId") long docId, Rejection body) {
        DocumentAccess.Visible visible = documents.visible(docId);
        int spans = body == null || body.ids() == null ? 0 : body.ids().size();
        int relations = body == null || body.relations() == null ? 0 : body.relations().size();
        if (spans + relations == 0) {
            throw ApiException.badField("ids lists the suggestions to reject.", "ids");
        }
        if (spans + relations > 10_000) {
            throw ApiException.badField("At most 10000 ids at once, to keep one request short.",
                    spans > 10_000 || relations == 0 ? "ids" : "relations");
        }
        return new Rejected(suggestions.reject(visible, body.ids(), body.relations()));
    }

    @DELETE
    @Path("/rejections/{spanId}")
    @Operation(summary = "Take back my rejection of a suggestion", description = "The suggestion shows again.")
    public Rejected reconsider(@PathParam("docId") long docId, @PathParam("spanId") long spanId) {
        return new Rejected(suggestions.reconsider(documents.visible(docId), spanId));
    }

    @DELETE
    @Path("/relation-rejections/{relationId}")
    @Operation(summary = "Take back my rejection of a suggested relation", description = "The suggestion shows again.")
    public Rejected reconsiderRelation(@PathParam("docId") long docId, @PathParam("relationId") long relationId) {
        return new Rejected(suggestions.reconsiderRelation(documents.visible(docId), relationId));
    }

    @POST
    @Path("/relations/{relationId}/accept")
    @Operation(summary = "Accept a suggested relation into my layer",
            description = "Copies the relation into my own layer with its argument spans, unless my layer has an equal "
                    + "span already (same start, end and label), as one transaction. Accepting what my layer already "
                    + "has adds nothing (added: false). If-Match: my layer's version (412 when it changed).")
    public Response acceptRelation(@PathParam("docId") long docId, @PathParam("relationId") long relationId,
            @HeaderParam("If-Match") @Parameter(description = "My layer's version as in its ETag: \"7\"") String ifMatch) {
        DocumentAccess.Visible visible = documents.visible(docId);
        AcceptedRelation accepted = suggestions.acceptRelation(visible, LayerResource.version(ifMatch), relationId);
        return Response.ok(accepted).header("ETag", "\"" + accepted.version() + "\"").build();
    }
}
