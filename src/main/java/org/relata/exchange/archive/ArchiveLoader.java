package org.relata.exchange.archive;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.relata.annotation.BulkWriter;

/**
 * Stores the archive's documents in batches with COPY (the import's BulkWriter), inside the caller's transaction:
 * documents, then their layers, spans, relations, equivalences, events and rejections, ids drawn from the sequences
 * first so that rows can name each other within a batch.
 */
final class ArchiveLoader {

    private static final int BATCH_DOCUMENTS = 500;
    private static final long BATCH_CHARS = 4L << 20;

    private final Connection connection;
    private final BulkWriter bulk;
    private final long projectId;
    private final String now = OffsetDateTime.now().toString();
    private final List<ArchiveDocument> batch = new ArrayList<>();
    private long batchChars;
    final Map<String, Long> counts = new LinkedHashMap<>();

    ArchiveLoader(Connection connection, long projectId) throws SQLException {
        this.connection = connection;
        this.bulk = new BulkWriter(connection);
        this.projectId = projectId;
        for (String key : List.of("documents", "layers", "spans", "relations", "equivalences", "events", "assignments")) {
            counts.put(key, 0L);
        }
    }

    void add(ArchiveDocument doc) throws SQLException, IOException {
        batch.add(doc);
        batchChars += doc.text().length();
        for (ArchiveDocument.Layer layer : doc.layers()) {
            batchChars += 64L * layer.spans.size();
        }
        if (batch.size() >= BATCH_DOCUMENTS || batchChars >= BATCH_CHARS) {
            flush();
        }
    }

    void flush() throws SQLException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        long[] docIds = bulk.ids(BulkWriter.Table.DOCUMENTS, batch.size());
        List<ArchiveDocument.Layer> layers = new ArrayList<>();
        List<Long> layerDocs = new ArrayList<>();
        List<Integer> layerLengths = new ArrayList<>();
        int spanCount = 0;
        int relationCount = 0;
        int eventCount = 0;
        int equivalenceCount = 0;
        for (int i = 0; i < batch.size(); i++) {
            for (ArchiveDocument.Layer layer : batch.get(i).layers()) {
                layers.add(layer);
                layerDocs.add(docIds[i]);
                layerLengths.add(batch.get(i).length());
                spanCount += layer.spans.size();
                relationCount += layer.relations.size();
                eventCount += layer.events.size();
                equivalenceCount += layer.equivalences.size();
            }
        }
        try (BulkWriter.Rows out = bulk.rows(BulkWriter.Table.ARCHIVED_DOCUMENTS)) {
            for (int i = 0; i < batch.size(); i++) {
                ArchiveDocument doc = batch.get(i);
                out.row(docIds[i], projectId, doc.externalId(), doc.text(), doc.meta(), doc.length(),
                        time(doc.createdAt()));
            }
        }
        long[] layerIds = bulk.ids(BulkWriter.Table.LAYERS, layers.size());
        if (!layers.isEmpty()) {
            try (BulkWriter.Rows out = bulk.rows(BulkWriter.Table.ARCHIVED_LAYERS)) {
                for (int l = 0; l < layers.size(); l++) {
                    ArchiveDocument.Layer layer = layers.get(l);
                    out.row(layerIds[l], layerDocs.get(l), layerLengths.get(l), layer.owner.name(), layer.userId,
                            layer.status, layer.version, time(layer.updatedAt));
                }
            }
        }
        writeSpans(layers, layerIds, layerLengths, spanCount);
        writeRelations(layers, layerIds, relationCount);
        writeEquivalences(layers, layerIds, equivalenceCount);
        writeEvents(layers, layerIds, eventCount);
        writeDocumentRows(docIds);
        counts.merge("documents", (long) batch.size(), Long::sum);
        counts.merge("layers", (long) layers.size(), Long::sum);
        counts.merge("spans", (long) spanCount, Long::sum);
        counts.merge("relations", (long) relationCount, Long::sum);
        counts.merge("equivalences", (long) equivalenceCount, Long::sum);
        counts.merge("events", (long) eventCount, Long::sum);
        batch.clear();
        batchChars = 0;
    }

    private String time(OffsetDateTime time) {
        return time == null ? now : time.toString();
    }

    /** Writes one row of a layer's annotation: its new id, the index of its layer in the batch and the annotation. */
    interface LayerRow<T> {
        void write(BulkWriter.Rows out, long id, int layer, T item) throws SQLException, IOException;
    }

    /** Writes every layer's annotations of one kind into their table, each with the next of count fresh ids. */
    private <T> long[] writeRows(BulkWriter.Table table, List<ArchiveDocument.Layer> layers, int count,
            Function<ArchiveDocument.Layer, List<T>> items, LayerRow<T> row) throws SQLException, IOException {
        long[] ids = bulk.ids(table, count);
        int next = 0;
        try (BulkWriter.Rows out = bulk.rows(table)) {
            for (int l = 0; l < layers.size(); l++) {
                for (T item : items.apply(layers.get(l))) {
                    row.write(out, ids[next++], l, item);
                }
            }
        }
        return ids;
    }

    private void writeSpans(List<ArchiveDocument.Layer> layers, long[] layerIds, List<Integer> lengths, int count)
            throws SQLException, IOException {
        if (count == 0) {
            return;
        }
        writeRows(BulkWriter.Table.SPANS, layers, count, layer -> layer.spans, (out, id, l, span) -> {
            span.dbId = id;
            out.row(span.dbId, layerIds[l], lengths.get(l), span.start, span.end, span.typeId, span.attributes,
                    span.note, span.links, span.fragments, span.notes, span.score);
        });
        if (layers.stream().anyMatch(layer -> layer.spans.stream().anyMatch(span -> !span.rejectedBy.isEmpty()))) {
            try (BulkWriter.Rows out = bulk.rows(BulkWriter.Table.SUGGESTION_REJECTIONS)) {
                for (ArchiveDocument.Layer layer : layers) {
                    for (ArchiveDocument.Span span : layer.spans) {
                        for (Long user : span.rejectedBy) {
                            out.row(span.dbId, user);
                        }
                    }
                }
            }
        }
    }

    private void writeRelations(List<ArchiveDocument.Layer> layers, long[] layerIds, int count)
            throws SQLException, IOException {
        if (count == 0) {
            return;
        }
        writeRows(BulkWriter.Table.RELATIONS, layers, count, layer -> layer.relations, (out, id, l, relation) -> {
            List<ArchiveDocument.Span> spans = layers.get(l).spans;
            out.row(id, layerIds[l], spans.get(relation.head()).dbId, spans.get(relation.tail()).dbId,
                    relation.typeId(), relation.attributes(), relation.note(), relation.notes(), relation.score());
        });
    }

    private void writeEquivalences(List<ArchiveDocument.Layer> layers, long[] layerIds, int count)
            throws SQLException, IOException {
        if (count == 0) {
            return;
        }
        long[] ids = writeRows(BulkWriter.Table.EQUIVALENCES, layers, count, layer -> layer.equivalences,
                (out, id, l, equivalence) -> out.row(id, layerIds[l], equivalence.type()));
        int e = 0;
        try (BulkWriter.Rows out = bulk.rows(BulkWriter.Table.EQUIVALENCE_MEMBERS)) {
            for (int l = 0; l < layers.size(); l++) {
                ArchiveDocument.Layer layer = layers.get(l);
                for (ArchiveDocument.Equivalence equivalence : layer.equivalences) {
                    for (int p = 0; p < equivalence.members().size(); p++) {
                        out.row(ids[e], p, layer.spans.get(equivalence.members().get(p)).dbId, layerIds[l]);
                    }
                    e++;
                }
            }
        }
    }

    private void writeEvents(List<ArchiveDocument.Layer> layers, long[] layerIds, int count)
            throws SQLException, IOException {
        if (count == 0) {
            return;
        }
        writeRows(BulkWriter.Table.EVENTS, layers, count, layer -> layer.events, (out, id, l, event) -> {
            event.dbId = id;
            out.row(event.dbId, layerIds[l], layers.get(l).spans.get(event.trigger).dbId, event.typeId,
                    event.attributes, event.note, event.notes);
        });
        // Arguments after all events: an argument may name an event written later in the same layer.
        try (BulkWriter.Rows out = bulk.rows(BulkWriter.Table.EVENT_ARGUMENTS)) {
            for (int l = 0; l < layers.size(); l++) {
                ArchiveDocument.Layer layer = layers.get(l);
                for (ArchiveDocument.Event event : layer.events) {
                    for (int p = 0; p < event.arguments.size(); p++) {
                        Object[] argument = event.arguments.get(p);
                        int ref = (Integer) argument[1];
                        out.row(event.dbId, layerIds[l], p, argument[0], ref >= 0 ? layer.spans.get(ref).dbId : null,
                                ref < 0 ? layer.events.get(-1 - ref).dbId : null);
                    }
                }
            }
        }
    }

    /** Assignments and curation rejections: few rows, batched inserts. */
    private void writeDocumentRows(long[] docIds) throws SQLException {
        try (PreparedStatement assign = connection.prepareStatement(
                "insert into assignments (document_id, user_id, project_id) values (?, ?, ?)");
                PreparedStatement reject = connection.prepareStatement("insert into curation_rejections"
                        + " (document_id, item_key, user_id, at) values (?, ?, ?, cast(? as timestamptz))")) {
            long assignments = 0;
            boolean rejections = false;
            for (int i = 0; i < batch.size(); i++) {
                for (Long user : batch.get(i).assignedTo()) {
                    assign.setLong(1, docIds[i]);
                    assign.setLong(2, user);
                    assign.setLong(3, projectId);
                    assign.addBatch();
                    assignments++;
                }
                for (ArchiveDocument.Rejection rejection : batch.get(i).curationRejections()) {
                    reject.setLong(1, docIds[i]);
                    reject.setString(2, rejection.key());
                    if (rejection.userId() == null) {
                        reject.setNull(3, java.sql.Types.BIGINT);
                    } else {
                        reject.setLong(3, rejection.userId());
                    }
                    reject.setString(4, time(rejection.at()));
                    reject.addBatch();
                    rejections = true;
                }
            }
            if (assignments > 0) {
                assign.executeBatch();
            }
            if (rejections) {
                reject.executeBatch();
            }
            counts.merge("assignments", assignments, Long::sum);
        }
    }
}
