package org.relata.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.relata.annotation.LayerOwner;
import org.relata.exchange.codec.ExportFormat;
import org.relata.exchange.store.ExportService;
import org.relata.exchange.store.ExportSource;
import org.relata.exchange.store.Splits;
import org.relata.project.Project;
import org.relata.project.ProjectMember;
import org.relata.schema.SchemaService;
import org.relata.user.User;
import org.relata.web.ApiException;

/** The export parameters (format, source, status, split, seed) as the export call and releases take them. */
@ApplicationScoped
public class ExportRequests {

    @Inject
    ExportService exports;

    @Inject
    SchemaService schemas;

    /** An export request, checked, and how many annotations its format leaves out (0 unless it reports them). */
    public record Resolved(ExportService.Request request, long leftOut) {
    }

    /** The export call's parameters, resolved as {@link #resolve(Project, String, String, String, String, String)}. */
    public Resolved resolve(Project project, ExportQuery query) {
        return resolve(project, query.format, query.source, query.status, query.split, query.seed);
    }

    /** The export call's parameters as a request, as {@link #request(Project, String, String, String, String, String)}. */
    public ExportService.Request request(Project project, ExportQuery query) {
        return request(project, query.format, query.source, query.status, query.split, query.seed);
    }

    /** Turns the export parameters (as the export call and releases take them) into a request; 400 naming the field. */
    public Resolved resolve(Project project, String format, String source, String status, String split, String seed) {
        ExportService.Request request = request(project, format, source, status, split, seed);
        if (!request.format().reportsLeftOut()) {
            return new Resolved(request, 0);
        }
        long leftOut = exports.countLeftOut(request);
        return new Resolved(new ExportService.Request(project.id, Formats.exporter(format, leftOut), request.source(),
                request.splits(), request.schema()), leftOut);
    }

    /** The request, checked, with the format as if it left nothing out. */
    public ExportService.Request request(Project project, String format, String source, String status, String split,
            String seed) {
        ExportFormat exportFormat = Formats.exporter(format, 0);
        boolean onlyDone = switch (status) {
            case "done" -> true;
            case "any" -> false;
            default -> throw ApiException.badField("status is done or any, not '" + status + "'.", "status");
        };
        ExportSource exportSource = source(project, source, onlyDone);
        Splits splits = Splits.parse(split, parseSeed(seed));
        return new ExportService.Request(project.id, exportFormat, exportSource, splits, schemas.read(project));
    }

    private static ExportSource source(Project project, String source, boolean onlyDone) {
        if (source.equals(LayerOwner.GOLD_NAME)) {
            return new ExportSource(LayerOwner.GOLD, null, LayerOwner.GOLD_NAME, onlyDone);
        }
        if (source.equals(LayerOwner.SUGGESTIONS_NAME)) {
            return new ExportSource(LayerOwner.SUGGESTIONS, null, LayerOwner.SUGGESTIONS_NAME, onlyDone);
        }
        if (source.equals("all")) {
            return new ExportSource(LayerOwner.USER, null, "all", onlyDone);
        }
        if (source.startsWith("user:")) {
            String username = source.substring(5);
            User user = User.byUsername(username).orElse(null);
            // A deleted user is no member any more, but the layers kept under their pseudonym still export.
            if (user == null || ProjectMember.of(project, user) == null && user.deletedAt == null) {
                throw ApiException.badField("'" + username + "' is not a member of this project.", "source");
            }
            return new ExportSource(LayerOwner.USER, user.id, username, onlyDone);
        }
        throw ApiException.badField("source is gold, suggestions, all or user:<username>, not '" + source + "'.", "source");
    }

    private static long parseSeed(String seed) {
        if (seed == null || seed.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badField("seed is a whole number, not '" + seed + "'.", "seed");
        }
    }
}
