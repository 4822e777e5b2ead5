package org.relata.exchange;

import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.exchange.codec.ExportFormat;
import org.relata.exchange.codec.Importer;
import org.relata.exchange.store.ExportService;
import org.relata.exchange.store.ImportResult;
import org.relata.exchange.store.ImportService;
import org.relata.exchange.store.ImportTarget;
import org.relata.exchange.store.Splits;
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
            + " all or nothing")
    public ImportResult importFile(@PathParam("id") long id, @QueryParam("format") @DefaultValue("jsonl") String format,
            @QueryParam("target") String target, @QueryParam("createLabels") boolean createLabels,
            @HeaderParam("Content-Encoding") String encoding, @HeaderParam("Content-Disposition") String disposition,
            InputStream body) {
        Project project = access.requiring(id, Role.MANAGER).project();
        Importer importer = Formats.importer(format.toLowerCase(Locale.ROOT), imports.limits());
        ImportTarget layer = ImportTarget.parse(target, project);
        boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
        return imports.run(id, importer, layer, createLabels, body, fileName(disposition), gzip);
    }

    @GET
    @Path("export")
    @Operation(summary = "Export annotations (curators and managers) as jsonl, doccano, brat, prodigy or conll; with"
            + " split, a zip of one file per split. The body streams.")
    public Response export(@PathParam("id") long id, @QueryParam("format") @DefaultValue("jsonl") String format,
            @QueryParam("source") @DefaultValue("gold") String source, @QueryParam("status") @DefaultValue("done") String status,
            @QueryParam("split") String split, @QueryParam("seed") String seed) {
        Project project = access.requiring(id, Role.CURATOR).project();
        ExportRequests.Resolved resolved = exportRequests.resolve(project, format, source, status, split, seed);
        ExportService.Request request = resolved.request();
        ExportFormat exportFormat = request.format();
        Splits splits = request.splits();
        Response.ResponseBuilder response = Response.ok();
        if (exportFormat.reportsLeftOut()) {
            response.header("X-Relata-Left-Out", resolved.leftOut());
        }
        ExportService.Request ready = request;
        StreamingOutput body = out -> exports.write(ready, out);
        boolean zip = splits != null || exportFormat.zipped();
        String name = "project-" + id + (splits != null ? "-splits" : "") + "." + (zip ? "zip" : exportFormat.extension());
        return response.entity(body).type(zip ? "application/zip" : exportFormat.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher m = FILENAME.matcher(disposition);
        return m.find() ? m.group(1) : null;
    }
}
