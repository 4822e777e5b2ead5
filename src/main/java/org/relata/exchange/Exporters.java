package org.relata.exchange;

import org.relata.exchange.codec.ExportFormat;
import org.relata.exchange.format.brat.BratExporter;
import org.relata.exchange.format.doccano.DoccanoExporter;
import org.relata.exchange.format.jsonl.JsonlExporter;
import org.relata.exchange.format.tokens.ConllExporter;
import org.relata.exchange.format.tokens.ProdigyExporter;
import org.relata.web.ApiException;

/** The export formats by name. */
final class Exporters {

    private Exporters() {
    }

    static ExportFormat byName(String name) {
        return withLeftOut(name, 0);
    }

    static ExportFormat withLeftOut(String name, long leftOut) {
        return switch (name) {
            case "jsonl" -> new JsonlExporter();
            case "doccano" -> new DoccanoExporter();
            case "brat" -> new BratExporter();
            case "prodigy" -> new ProdigyExporter();
            case "conll" -> new ConllExporter(leftOut);
            default -> throw ApiException.badField("Unknown export format '" + name
                    + "': use jsonl, doccano, brat, prodigy or conll.", "format");
        };
    }
}
