package org.relata.exchange;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

import org.relata.exchange.codec.ExportFormat;
import org.relata.exchange.codec.ImportLimits;
import org.relata.exchange.codec.Importer;
import org.relata.exchange.format.brat.BratExporter;
import org.relata.exchange.format.brat.BratImporter;
import org.relata.exchange.format.doccano.DoccanoExporter;
import org.relata.exchange.format.doccano.DoccanoImporter;
import org.relata.exchange.format.jsonl.JsonlExporter;
import org.relata.exchange.format.jsonl.JsonlImporter;
import org.relata.exchange.format.text.TextImporter;
import org.relata.exchange.format.tokens.ConllExporter;
import org.relata.exchange.format.tokens.ProdigyExporter;
import org.relata.web.ApiError;
import org.relata.web.ApiException;

/**
 * The one list of import and export formats. The API, the import and export pages and the tests read it, and a
 * test checks that the table in docs/formats.md lists the same formats.
 */
public final class Formats {

    /**
     * One format: its name in the API ({@code format=}), its labels on the import and export pages, the media type
     * the import page uploads it as, and whether a file ending in .zip is sent as a zip instead. A format that goes
     * only one way has no importer (and no import label) or no exporter (and no export label).
     */
    public record Format(String name, String importLabel, String exportLabel, String uploadType, boolean zipUpload,
            Function<ImportLimits, Importer> importer, LongFunction<ExportFormat> exporter) {

        public boolean imports() {
            return importer != null;
        }

        public boolean exports() {
            return exporter != null;
        }
    }

    private static final List<Format> ALL = List.of(
            new Format("jsonl", "Relata JSONL (.jsonl, .jsonl.gz)", "Relata JSONL", "application/x-ndjson", false,
                    limits -> new JsonlImporter(limits.maxDocumentSize()), leftOut -> new JsonlExporter()),
            new Format("doccano", "doccano JSONL", "doccano JSONL", "application/x-ndjson", false,
                    limits -> new DoccanoImporter(limits.maxDocumentSize()), leftOut -> new DoccanoExporter()),
            new Format("brat", "brat standoff (.zip)", "brat standoff (zip)", "application/zip", true,
                    BratImporter::new, leftOut -> new BratExporter()),
            new Format("text", "Plain text (.txt or .zip of .txt)", null, "text/plain", true, TextImporter::new, null),
            // CoNLL and Prodigy may leave annotations out; the count reaches the exporter (CoNLL writes it at the top).
            new Format("prodigy", null, "Prodigy / spaCy JSONL", null, false, null, leftOut -> new ProdigyExporter()),
            new Format("conll", null, "CoNLL BIO", null, false, null, ConllExporter::new));

    private Formats() {
    }

    public static List<Format> all() {
        return ALL;
    }

    public static List<Format> importable() {
        return ALL.stream().filter(Format::imports).toList();
    }

    public static List<Format> exportable() {
        return ALL.stream().filter(Format::exports).toList();
    }

    /** The importer of a format name, or 415. */
    static Importer importer(String name, ImportLimits limits) {
        String wanted = name == null ? "jsonl" : name;
        return importable().stream().filter(f -> f.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new ApiException(415, new ApiError("Unknown import format '" + name + "': use "
                        + names(importable()) + ".", null, null, "format")))
                .importer().apply(limits);
    }

    /** The exporter of a format name, told how many annotations a counting pass found it leaves out; or 400. */
    static ExportFormat exporter(String name, long leftOut) {
        return exportable().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.badField("Unknown export format '" + name + "': use "
                        + names(exportable()) + ".", "format"))
                .exporter().apply(leftOut);
    }

    /** "a, b or c". */
    private static String names(List<Format> formats) {
        List<String> names = formats.stream().map(Format::name).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
