package org.relata.exchange;

import org.relata.exchange.codec.ImportLimits;
import org.relata.exchange.codec.Importer;
import org.relata.exchange.format.brat.BratImporter;
import org.relata.exchange.format.doccano.DoccanoImporter;
import org.relata.exchange.format.jsonl.JsonlImporter;
import org.relata.exchange.format.text.TextImporter;
import org.relata.web.ApiError;
import org.relata.web.ApiException;

/** The import formats by name. */
final class Importers {

    private Importers() {
    }

    /** The importer of a format name, or 415. */
    static Importer byName(String format, ImportLimits limits) {
        long max = limits.maxDocumentSize();
        return switch (format == null ? "jsonl" : format) {
            case "jsonl" -> new JsonlImporter(max);
            case "doccano" -> new DoccanoImporter(max);
            case "brat" -> new BratImporter(limits);
            case "text" -> new TextImporter(limits);
            default -> throw new ApiException(415, new ApiError(
                    "Unknown import format '" + format + "': use jsonl, doccano, brat or text.", null, null, "format"));
        };
    }
}
