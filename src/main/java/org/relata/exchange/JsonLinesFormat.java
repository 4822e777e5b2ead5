package org.relata.exchange;

/** Export formats that write one JSON document per line (native, doccano, Prodigy). */
interface JsonLinesFormat extends ExportFormat {

    @Override
    default String extension() {
        return "jsonl";
    }

    @Override
    default String mediaType() {
        return "application/x-ndjson";
    }
}
