package org.relata.exchange.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.relata.annotation.BulkWriter;
import org.relata.annotation.SpanFragments;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ExDoc.ExRelation;
import org.relata.exchange.codec.ExDoc.ExSpan;
import org.relata.exchange.codec.ImportError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes checked batches of documents through the annotation package's BulkWriter (COPY): documents, their layers,
 * spans, relations, equivalences and events, ids drawn ahead so rows can point at each other. Counts what it wrote.
 */
final class ImportBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BulkWriter bulk;
    private final long projectId;
    private final ImportTarget target;

    int documents;
    int spans;
    int relations;
    int attributes;
    int notes;
    int events;
    int equivalences;
    final List<ImportResult.StoredDocument> firstDocuments = new ArrayList<>();

    ImportBatches(Connection connection, long projectId, ImportTarget target) throws SQLException {
        this.bulk = new BulkWriter(connection);
        this.projectId = projectId;
        this.target = target;
    }

    /** Writes one batch, or refuses it whole when a document of it is already in the project. */
    void write(List<ExDoc> batch) throws SQLException, IOException {
        refuseExisting(batch);
        int layerCount = 0;
        int spanCount = 0;
        int relationCount = 0;
        for (ExDoc doc : batch) {
            if (doc.hasLayer()) {
                layerCount++;
                spanCount += doc.spans.size();
                relationCount += doc.relations.size();
            }
        }
        long[] docIds = bulk.ids(BulkWriter.Table.DOCUMENTS, batch.size());
        long[] layerIds = bulk.ids(BulkWriter.Table.LAYERS, layerCount);
        PrimitiveIterator.OfLong spanIds = LongStream.of(bulk.ids(BulkWriter.Table.SPANS, spanCount)).iterator();
        PrimitiveIterator.OfLong relationIds = LongStream.of(bulk.ids(BulkWriter.Table.RELATIONS, relationCount))
                .iterator();
        int[] lengths = new int[batch.size()];
        try (BulkWriter.Rows out = bulk.rows(BulkWriter.Table.DOCUMENTS)) {
            for (int i = 0; i < batch.size(); i++) {
                ExDoc doc = batch.get(i);
                lengths[i] = doc.text.codePointCount(0, doc.text.length());
                out.row(docIds[i], projectId, doc.id, doc.text, json(doc.meta), lengths[i]);
                if (firstDocuments.size() < ImportResult.FIRST_DOCUMENTS) {
                    firstDocuments.add(new ImportResult.StoredDocument(docIds[i], doc.id));
                }
            }
        }
        if (layerCount > 0) {
            eachLayer(BulkWriter.Table.LAYERS, batch, layerIds, (out, i, doc, layerId) -> out.row(layerId, docIds[i],
                    lengths[i], target.ownerKind().name(), target.userId(),
                    doc.status == null ? target.defaultStatus() : doc.status));
        }
        if (spanCount > 0) {
            eachLayer(BulkWriter.Table.SPANS, batch, layerIds, (out, i, doc, layerId) -> {
                for (ExSpan span : doc.spans) {
                    span.dbId = spanIds.nextLong();
                    out.row(span.dbId, layerId, lengths[i], span.start, span.end, span.typeId, json(span.attributes),
                            span.note, json(span.links), SpanFragments.json(span.fragments), json(span.notes),
                            span.score);
                    count(span);
                }
            });
        }
        if (relationCount > 0) {
            eachLayer(BulkWriter.Table.RELATIONS, batch, layerIds, (out, i, doc, layerId) -> {
                Map<String, ExSpan> byId = spansById(doc);
                for (ExRelation relation : doc.relations) {
                    out.row(relationIds.nextLong(), layerId, byId.get(relation.head).dbId, byId.get(relation.tail).dbId,
                            relation.typeId, json(relation.attributes), relation.note, json(relation.notes),
                            relation.score);
                    count(relation);
                }
            });
        }
        writeEquivalences(batch, layerIds);
        writeEvents(batch, layerIds);
        documents += batch.size();
        spans += spanCount;
        relations += relationCount;
    }

    private void count(ExDoc.ExAnnotation annotation) {
        attributes += annotation.attributes.size();
        notes += annotation.notes.size() + (annotation.note != null ? 1 : 0);
    }

    /** Writes the rows of one document's layer: i is the document's place in the batch. */
    interface LayerRows {
        void write(BulkWriter.Rows out, int i, ExDoc doc, long layerId) throws SQLException, IOException;
    }

    /** Writes rows into one table for each document of the batch that has a layer, given that layer's id. */
    private void eachLayer(BulkWriter.Table table, List<ExDoc> batch, long[] layerIds, LayerRows rows)
            throws SQLException, IOException {
        try (BulkWriter.Rows out = bulk.rows(table)) {
            int l = 0;
            for (int i = 0; i < batch.size(); i++) {
                ExDoc doc = batch.get(i);
                if (doc.hasLayer()) {
                    rows.write(out, i, doc, layerIds[l++]);
                }
            }
        }
    }

    private void writeEquivalences(List<ExDoc> batch, long[] layerIds) throws SQLException, IOException {
        int count = total(batch, doc -> doc.equivalences);
        if (count == 0) {
            return;
        }
        long[] ids = bulk.ids(BulkWriter.Table.EQUIVALENCES, count);
        PrimitiveIterator.OfLong rowIds = LongStream.of(ids).iterator();
        eachLayer(BulkWriter.Table.EQUIVALENCES, batch, layerIds, (out, i, doc, layerId) -> {
            for (ExDoc.ExEquivalence equivalence : doc.equivalences) {
                out.row(rowIds.nextLong(), layerId, equivalence.type);
            }
        });
        PrimitiveIterator.OfLong memberIds = LongStream.of(ids).iterator();
        eachLayer(BulkWriter.Table.EQUIVALENCE_MEMBERS, batch, layerIds, (out, i, doc, layerId) -> {
            Map<String, ExSpan> byId = spansById(doc);
            for (ExDoc.ExEquivalence equivalence : doc.equivalences) {
                long id = memberIds.nextLong();
                for (int p = 0; p < equivalence.members.size(); p++) {
                    out.row(id, p, byId.get(equivalence.members.get(p)).dbId, layerId);
                }
            }
        });
        equivalences += count;
    }

    private void writeEvents(List<ExDoc> batch, long[] layerIds) throws SQLException, IOException {
        int count = total(batch, doc -> doc.events);
        if (count == 0) {
            return;
        }
        long[] ids = bulk.ids(BulkWriter.Table.EVENTS, count);
        int e = 0;
        for (ExDoc doc : batch) {
            for (ExDoc.ExEvent event : doc.events) {
                event.dbId = ids[e++];
            }
        }
        eachLayer(BulkWriter.Table.EVENTS, batch, layerIds, (out, i, doc, layerId) -> {
            Map<String, ExSpan> byId = spansById(doc);
            for (ExDoc.ExEvent event : doc.events) {
                out.row(event.dbId, layerId, byId.get(event.trigger).dbId, event.typeId, json(event.attributes),
                        event.note, json(event.notes));
                count(event);
            }
        });
        // Arguments after all events: an argument may name an event written later in the same document.
        eachLayer(BulkWriter.Table.EVENT_ARGUMENTS, batch, layerIds, (out, i, doc, layerId) -> {
            Map<String, ExSpan> byId = spansById(doc);
            Map<String, ExDoc.ExEvent> eventsById = new HashMap<>();
            doc.events.forEach(event -> eventsById.put(event.id, event));
            for (ExDoc.ExEvent event : doc.events) {
                for (int p = 0; p < event.arguments.size(); p++) {
                    ExDoc.Argument argument = event.arguments.get(p);
                    ExSpan span = byId.get(argument.ref());
                    out.row(event.dbId, layerId, p, argument.role(), span == null ? null : span.dbId,
                            span == null ? eventsById.get(argument.ref()).dbId : null);
                }
            }
        });
        events += count;
    }

    private static int total(List<ExDoc> batch, Function<ExDoc, List<?>> items) {
        return batch.stream().mapToInt(doc -> items.apply(doc).size()).sum();
    }

    private static Map<String, ExSpan> spansById(ExDoc doc) {
        Map<String, ExSpan> byId = new HashMap<>();
        doc.spans.forEach(span -> byId.put(span.id, span));
        return byId;
    }

    /** Documents already in the project are refused (409): an import adds documents, it never overwrites them. */
    private void refuseExisting(List<ExDoc> batch) throws SQLException {
        BulkWriter.ExistingDocument existing = bulk.firstExistingDocument(projectId,
                batch.stream().map(d -> d.id).toArray(String[]::new));
        if (existing != null) {
            String id = existing.externalId();
            ExDoc doc = batch.stream().filter(d -> d.id.equals(id)).findFirst().orElseThrow();
            if (existing.storedByThisTransaction()) {
                throw ImportError.at(doc.where, ".id", "Document id '" + id + "' appears twice in this import.");
            }
            throw ImportError.status(409, doc.where == null ? null : doc.where.field(".id"), existing.trashed()
                    ? "Document '" + id + "' is in the project's trash; restore it, or purge it from the trash to"
                            + " import it anew."
                    : "Document '" + id + "' is already in the project; an import only adds new documents.");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
