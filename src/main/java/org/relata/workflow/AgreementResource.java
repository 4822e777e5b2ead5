package org.relata.workflow;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.relata.project.Role;
import org.relata.web.ApiException;

import io.quarkus.security.Authenticated;

/** Inter-annotator agreement of a project, for its curators and managers (docs/agreement.md). */
@Path("/api/projects/{id}/agreement")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Team annotation")
public class AgreementResource {

    @Inject
    ProjectAccess projectAccess;

    @Inject
    AgreementService agreement;

    @Inject
    GoldAgreement gold;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Inter-annotator agreement on spans, relations and token labels",
            description = "Over the documents that two or more annotators marked DONE: span and relation F1 per pair "
                    + "and label (exact and overlap matching), Cohen's kappa per pair, Fleiss' kappa and Krippendorff's "
                    + "alpha on token-level BIO tags. A figure with nothing to rest on is null. Curators and managers only.")
    public Response get(@PathParam("id") long projectId,
            @QueryParam("format") @Parameter(description = "`json` (default) or `csv`") String format) {
        projectAccess.requiring(projectId, Role.CURATOR);
        if (format == null || format.equals("json")) {
            return Response.ok(agreement.of(projectId), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (format.equals("csv")) {
            return Response.ok(AgreementCsv.write(agreement.of(projectId)), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"agreement-" + projectId + ".csv\"").build();
        }
        throw ApiException.badField("format is json or csv.", "format");
    }

    @GET
    @Path("/disagreements")
    @Operation(summary = "The documents where two annotators disagree most",
            description = "Over the documents both marked DONE: per document, their spans and relations without an "
                    + "exact match on the other side (fp + fn of the exact F1), most first. Documents where they agree "
                    + "entirely are left out. Curators and managers only.")
    public AgreementService.Disagreements disagreements(@PathParam("id") long projectId,
            @QueryParam("a") @Parameter(description = "an annotator's username") String a,
            @QueryParam("b") @Parameter(description = "another annotator's username") String b,
            @QueryParam("limit") @DefaultValue("20")
            @Min(value = 1, message = "limit is at least 1")
            @Max(value = 500, message = "limit is at most 500, to keep the answer short") int limit) {
        projectAccess.requiring(projectId, Role.CURATOR);
        if (a == null || a.isBlank()) {
            throw ApiException.badField("a names an annotator.", "a");
        }
        if (b == null || b.isBlank()) {
            throw ApiException.badField("b names another annotator.", "b");
        }
        return agreement.disagreements(projectId, a, b, limit);
    }

    @GET
    @Path("/gold")
    @Operation(summary = "Each annotator compared with gold",
            description = "Over the documents whose gold layer is marked DONE, each annotator's DONE layer against "
                    + "gold (the reference): span and relation precision, recall and F1, exact and overlap, per label. "
                    + "Each pair is {a: annotator, b: \"gold\"}; the project figure is the mean over annotators. "
                    + "Curators and managers only.")
    public GoldAgreement.VersusGold versusGold(@PathParam("id") long projectId) {
        projectAccess.requiring(projectId, Role.CURATOR);
        return gold.of(projectId);
    }
}
