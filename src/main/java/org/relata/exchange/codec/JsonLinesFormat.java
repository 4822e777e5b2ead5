package org.relata.exchange.codec;

/** Export formats that write one JSON document per line (native, doccano, Prodigy). */
public interface JsonLinesFormat extends ExportFormat {

    @Override
    default String extension() {
        return "jsonl";
    }

    @Override
    default String mediaType() {
        return "application/x-ndjson";
    }
}
