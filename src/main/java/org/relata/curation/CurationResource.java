package org.relata.curation;

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
import org.relata.curation.CurationViews.CurationView;
import org.relata.curation.CurationViews.GoldChanged;
import org.relata.curation.CurationViews.ItemRef;
import org.relata.document.DocumentAccess;
import org.relata.web.ApiException;

/**
 * Curation of one document into gold, for curators and managers; annotators get 404, as for the gold layer.
 * Editing gold freely goes through the layer calls ({@code /api/documents/{docId}/layers/gold}); its status too.
 */
@Path("/api/documents/{docId}/curation")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Curation")
public class CurationResource {

    private static final String IF_MATCH_HELP = "The gold layer's version the client last saw, as in the ETag: \"7\". "
            + "A different current version answers 412.";

    @Inject
    DocumentAccess documents;

    @Inject
    CurationService curation;

    @GET
    @Operation(summary = "The merged view of a document (curator)",
            description = "Every distinct span and relation of the annotators' layers with who proposed it, how many "
                    + "agree, whether it is in gold or rejected, and whether it is still a disagreement. Gold-only "
                    + "annotations (a curator's own) have no proposers. The ETag is the gold layer's version.")
    public Response view(@PathParam("docId") long docId) {
        CurationView view = curation.view(curatable(docId));
        return tagged(view, view.gold().version());
    }

    @POST
    @Path("/start")
    @Operation(summary = "Start curating: pre-accept what enough annotators agree on (curator)",
            description = "Copies into gold every annotation that at least the project's pre-accept share of the "
                    + "document's annotators made exactly alike, unless it is in gold already or was rejected. "
                    + "Idempotent: running it again copies nothing twice.")
    public Response start(@PathParam("docId") long docId) {
        return changed(curation.start(curatable(docId)));
    }

    @POST
    @Path("/accept")
    @Operation(summary = "Accept an annotation into gold (curator)",
            description = "key is an item's key from the merged view. A relation brings its argument spans. Already "
                    + "in gold: nothing changes.")
    public Response accept(@PathParam("docId") long docId,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch, ItemRef body) {
        return changed(curation.accept(curatable(docId), version(ifMatch), key(body)));
    }

    @POST
    @Path("/reject")
    @Operation(summary = "Reject an annotation (curator)",
            description = "It is no longer a disagreement; if it was in gold it leaves gold (a span with its relations).")
    public Response reject(@PathParam("docId") long docId,
            @HeaderParam("If-Match") @Parameter(description = IF_MATCH_HELP) String ifMatch, ItemRef body) {
        return changed(curation.reject(curatable(docId), version(ifMatch), key(body)));
    }

    @DELETE
    @Path("/rejections")
    @Operation(summary = "Take a rejection back (curator)", description = "The annotation is a disagreement again.")
    public Response reconsider(@PathParam("docId") long docId, @QueryParam("key") String key) {
        return changed(curation.reconsider(curatable(docId), key(new ItemRef(key))));
    }

    private static Response changed(GoldChanged answer) {
        return tagged(answer, answer.version());
    }

    /** Every answer carries gold's version as its ETag, for the next If-Match. */
    private static Response tagged(Object body, long goldVersion) {
        return Response.ok(body).header("ETag", "\"" + goldVersion + "\"").build();
    }

    /** Curators and managers only; annotators get 404, as for the gold layer. */
    private DocumentAccess.Visible curatable(long docId) {
        return CurationService.curatable(documents, docId);
    }

    private static String key(ItemRef body) {
        if (body == null || body.key() == null || body.key().isBlank()) {
            throw ApiException.badField("key is required: an item's key from the merged view.", "key");
        }
        return body.key();
    }

    /** "7", W/"7" or 7; none or * means whatever is current. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badField("If-Match carries the gold layer's version, for example \"7\".", "If-Match");
        }
    }
}
