package org.relata.exchange;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.annotation.BulkReader;
import org.relata.exchange.codec.ExportFormat;
import org.relata.exchange.codec.Importer;
import org.relata.exchange.store.ExportService;
import org.relata.exchange.store.ImportResult;
import org.relata.exchange.store.ImportService;
import org.relata.exchange.store.ImportTarget;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;

import io.quarkus.security.Authenticated;

/**
 * Import (managers) and export (curators and managers: an export holds every annotator's work, which annotators may
 * not see). Formats are described in docs/formats.md.
 */
@Path("/api/projects/{id}")
@Authenticated
@Tag(name = "Import and export")
public class ExchangeResource {

    /** Spans an export wrote only approximately: doccano's discontinuous spans, written as their outer bounds. */
    static final String APPROXIMATED_HEADER = "X-Relata-Approximated";

    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    @Inject
    ProjectAccess access;

    @Inject
    ImportService imports;

    @Inject
    ExportService exports;

    @Inject
    ExportRequests exportRequests;


    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import documents and annotations (managers): jsonl (optionally gzip), doccano, brat (zip), text;"
            + " all or nothing",
            description = "dryRun=true runs the same import and rolls it back: the same counts and errors, nothing"
                    + " stored. labelMap is a JSON object from the file's labels to the project's labels"
                    + " ({\"Country\":\"COUNTRY\"}); a label it does not name is matched as it is (ignoring case)."
                    + " The answer's labels say what each label of the file became. createLabels adds missing labels"
                    + " but never widens a relation type's allowed pairs: a relation the rules forbid is an error"
                    + " naming the pair.")
    public ImportResult importFile(@PathParam("id") long id, @QueryParam("format") @DefaultValue("jsonl") String format,
            @QueryParam("target") String target, @QueryParam("createLabels") boolean createLabels,
            @QueryParam("dryRun") boolean dryRun,
            @QueryParam("labelMap") @Parameter(description = "JSON object: file label → project label") String labelMap,
            @HeaderParam("Content-Encoding") String encoding, @HeaderParam("Content-Disposition") String disposition,
            InputStream body) {
        Project project = access.requiring(id, Role.MANAGER).project();
        Importer importer = Formats.importer(format.toLowerCase(Locale.ROOT), imports.limits());
        ImportTarget layer = ImportTarget.parse(target, project);
        boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
        ImportService.Options options = new ImportService.Options(layer, createLabels, LabelMap.parse(labelMap), dryRun);
        return imports.run(id, importer, options, body, fileName(disposition), gzip);
    }

    @GET
    @Path("export")
    @Operation(summary = "Export annotations (curators and managers) as jsonl, doccano, brat, prodigy or conll; with"
            + " split, a zip of one file per split. The body streams.",
            description = "prodigy and conll answer X-Relata-Left-Out: the spans they could not hold (off token edges,"
                    + " discontinuous; conll: overlapped by a longer span). doccano answers X-Relata-Approximated: the"
                    + " discontinuous spans it wrote as their outer bounds.")
    public Response export(@PathParam("id") long id, @BeanParam ExportQuery query) {
        Project project = access.requiring(id, Role.CURATOR).project();
        ExportRequests.Resolved resolved = exportRequests.resolve(project, query);
        ExportService.Request request = resolved.request();
        Response.ResponseBuilder response = request.format().reportsLeftOut()
                ? Response.ok().header("X-Relata-Left-Out", resolved.leftOut())
                : Response.ok();
        if (request.format().discontinuousSpans() == ExportFormat.DiscontinuousSpans.OUTER_BOUNDS) {
            // doccano has no pieces: say how many spans were widened, counted by the query the export reads with.
            response.header(APPROXIMATED_HEADER, exports.count(id, request.source()).selected().discontinuousSpans());
        }
        StreamingOutput body = out -> exports.write(request, out);
        boolean zip = request.splits() != null || request.format().zipped();
        String name = ExportFileName.of(project.name, LocalDate.now(ZoneOffset.UTC), request.splits() != null,
                zip ? "zip" : request.format().extension());
        return response.entity(body).type(zip ? "application/zip" : request.format().mediaType())
                .header("Content-Disposition", ExportFileName.disposition(name)).build();
    }

    /**
     * What an export would write: counted by the same query that reads it. discontinuousSpans: how many of the spans
     * are discontinuous, and what the chosen format does with them (KEPT, OUTER_BOUNDS or LEFT_OUT).
     */
    public record ExportCount(long documents, long spans, long relations, long discontinuousSpans,
            ExportFormat.DiscontinuousSpans discontinuous, FinishedLayers finished) {
    }

    /** Finished layers per owner, so that a client can say why an export would be empty. */
    public record FinishedLayers(long gold, long suggestions, Map<String, Long> annotators) {
    }

    @GET
    @Path("export/count")
    @Operation(summary = "Count what an export would write (curators and managers)",
            description = "Takes the export's parameters and checks them as the export does (400 naming the field)."
                    + " documents: the entries the export writes (one per document; with source=all one per document"
                    + " and annotator); spans and relations: the annotations in them. finished: the finished layers of"
                    + " gold, suggestions and each annotator (by username), whatever the source.")
    public ExportCount count(@PathParam("id") long id, @BeanParam ExportQuery query) {
        Project project = access.requiring(id, Role.CURATOR).project();
        ExportService.Request request = exportRequests.request(project, query);
        ExportService.Count count = exports.count(id, request.source());
        long gold = 0;
        long suggestions = 0;
        Map<String, Long> annotators = new TreeMap<>();
        for (BulkReader.Finished f : count.finished()) {
            switch (f.owner()) {
                case GOLD -> gold = f.layers();
                case SUGGESTIONS -> suggestions = f.layers();
                case USER -> annotators.put(f.username(), f.layers());
            }
        }
        return new ExportCount(count.selected().entries(), count.selected().spans(), count.selected().relations(),
                count.selected().discontinuousSpans(), request.format().discontinuousSpans(),
                new FinishedLayers(gold, suggestions, annotators));
    }

    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher m = FILENAME.matcher(disposition);
        return m.find() ? m.group(1) : null;
    }
}
