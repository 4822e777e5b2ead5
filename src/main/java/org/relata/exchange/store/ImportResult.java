package org.relata.exchange.store;

import java.util.List;

/**
 * What an import stored (or, with {@code dryRun}, would store: the same counts, nothing kept). {@code skipped} names
 * files of a zip that are not part of any document; {@code labels} says what each label of the file became;
 * {@code firstDocuments} are the first documents stored (at most 20, so that a page can link to them; none in a dry
 * run, whose ids were rolled back).
 */
public record ImportResult(int documents, int spans, int relations, int attributes, int notes, int events,
        int equivalences, List<String> skipped, List<ImportedLabel> labels, List<StoredDocument> firstDocuments,
        boolean dryRun) {

    /** A stored document: the server's id and the file's id. */
    public record StoredDocument(long id, String externalId) {
    }

    static final int FIRST_DOCUMENTS = 20;

    ImportResult asDryRun() {
        return new ImportResult(documents, spans, relations, attributes, notes, events, equivalences, skipped, labels,
                List.of(), true);
    }
}
