package org.relata.exchange.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportSink;

/**
 * Validates the documents every importer produces ({@link ImportChecks}) and stores them in batches
 * ({@link ImportBatches}, COPY through the annotation package's BulkWriter), inside the caller's transaction, so an
 * error anywhere stores nothing.
 */
final class ImportWriter implements ImportSink {

    private static final int BATCH_DOCUMENTS = 500;
    /**
     * A batch is written once the documents it holds weigh this much (see {@link #weight}): what an import keeps in
     * memory is then bounded by bytes, whatever the number and size of the documents (issue 17, finding 9: 300
     * documents of 1 MiB of meta each were held at once, 634 MB of heap).
     */
    private static final long BATCH_BYTES = 8L << 20;

    private final LabelCatalog labels;
    private final ImportChecks checks;
    private final ImportBatches writes;
    private final List<ExDoc> batch = new ArrayList<>();
    private long batchBytes;

    ImportWriter(Connection connection, long projectId, LabelCatalog labels, ImportTarget target, boolean createLabels,
            int maxTextLength) throws SQLException {
        this.labels = labels;
        this.checks = new ImportChecks(labels, createLabels, maxTextLength);
        this.writes = new ImportBatches(connection, projectId, target);
    }

    @Override
    public ImportSink.Labels labels() {
        return new CatalogLabels(labels);
    }

    @Override
    public void add(ExDoc doc) {
        try {
            checks.validate(doc);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        batch.add(doc);
        batchBytes += weight(doc);
        if (batch.size() >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES) {
            flush();
        }
    }

    /**
     * Roughly the bytes a document holds until its batch is written: what it was read from (a JSON line becomes about
     * as many bytes of strings and maps), at least its text as UTF-16, and an object's overhead per annotation.
     */
    static long weight(ExDoc doc) {
        long annotations = doc.spans.size() + doc.relations.size() + doc.events.size() + doc.equivalences.size();
        return Math.max(doc.sourceBytes, 2L * doc.text.length()) + 200L * annotations;
    }

    ImportResult finish(List<String> skipped) {
        flush();
        return new ImportResult(writes.documents, writes.spans, writes.relations, writes.attributes, writes.notes,
                writes.events, writes.equivalences, skipped, labels.used(), List.copyOf(writes.firstDocuments), false);
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        try {
            writes.write(batch);
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed in the database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
        checks.batchWritten();
        batchBytes = 0;
    }
}
