package org.relata.exchange.archive;

import java.util.List;

/**
 * The layout of a project archive (docs/administration.md, "Archives"): a zip of these entries, written in this
 * order, the manifest last because it holds the checksums of the others. A change of the layout that an older
 * Relata could not read raises {@link #VERSION}.
 */
final class ArchiveFormat {

    static final String FORMAT = "relata-project-archive";
    static final int VERSION = 1;

    static final String PROJECT = "project.json";
    static final String GUIDELINES = "guidelines.md";
    static final String SCHEMA = "schema.json";
    static final String MEMBERS = "members.json";
    static final String DOCUMENTS = "documents.jsonl";
    static final String MANIFEST = "manifest.json";

    /** Every entry but the manifest, in the order they are written and read. */
    static final List<String> ENTRIES = List.of(PROJECT, GUIDELINES, SCHEMA, MEMBERS, DOCUMENTS);

    private ArchiveFormat() {
    }
}
