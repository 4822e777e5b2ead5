package org.relata.suggestion;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.document.DocumentAccess;
import org.relata.web.ApiException;

/**
 * The suggestions of a document as one annotator sees them: without the ones they rejected. Accepting a suggestion
 * is adding the span to one's own layer (the layer calls); rejecting is remembered per annotator.
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

    public record Suggestions(List<SuggestionView> spans, long rejected) {
    }

    public record Rejection(List<Long> ids) {
    }

    public record Rejected(int rejected) {
    }

    @Inject
    DocumentAccess documents;

    @Inject
    SuggestionService suggestions;

    @GET
    @Operation(summary = "The document's suggested spans I have not rejected",
            description = "From the suggestions layer (imported with target=suggestions), in reading order. minScore "
                    + "leaves out suggestions scoring below it; those without a score stay. rejected counts the ones "
                    + "I rejected.")
    public Suggestions list(@PathParam("docId") long docId,
            @QueryParam("minScore") @Parameter(description = "leave out scores below this") Double minScore) {
        DocumentAccess.Visible visible = documents.visible(docId);
        return suggestions.of(visible.document().id, visible.access().user().id, minScore);
    }

    @POST
    @Path("/rejections")
    @Transactional
    @Operation(summary = "Reject suggestions, for me only",
            description = "ids are suggested spans of this document. They stay rejected for me (not for others) until "
                    + "the rejection is taken back. Rejecting one twice is no error.")
    public Rejected reject(@PathParam("docId") long docId, Rejection body) {
        DocumentAccess.Visible visible = documents.visible(docId);
        if (body == null || body.ids() == null || body.ids().isEmpty()) {
            throw ApiException.badField("ids lists the suggestions to reject.", "ids");
        }
        if (body.ids().size() > 10_000) {
            throw ApiException.badField("At most 10000 ids at once, to keep one request short.", "ids");
        }
        return new Rejected(suggestions.reject(visible, body.ids()));
    }

    @DELETE
    @Path("/rejections/{spanId}")
    @Transactional
    @Operation(summary = "Take back my rejection of a suggestion", description = "The suggestion shows again.")
    public Rejected reconsider(@PathParam("docId") long docId, @PathParam("spanId") long spanId) {
        DocumentAccess.Visible visible = documents.visible(docId);
        return new Rejected(suggestions.reconsider(visible, spanId));
    }
}
