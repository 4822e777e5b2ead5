package org.relata.exchange.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relata.annotation.ArchiveRows;
import org.relata.annotation.BulkReader;
import org.relata.exchange.archive.ArchiveLine.ArgumentOut;
import org.relata.exchange.archive.ArchiveLine.DocOut;
import org.relata.exchange.archive.ArchiveLine.EquivalenceOut;
import org.relata.exchange.archive.ArchiveLine.EventOut;
import org.relata.exchange.archive.ArchiveLine.Extras;
import org.relata.exchange.archive.ArchiveLine.LayerOut;
import org.relata.exchange.archive.ArchiveLine.RejectionOut;
import org.relata.exchange.archive.ArchiveLine.RelationOut;
import org.relata.exchange.archive.ArchiveLine.SpanOut;
import org.relata.exchange.archive.ArchiveLine.SpanRow;
import org.relata.exchange.codec.JsonOut;
import org.relata.exchange.store.TypeNames;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * documents.jsonl: one line per document (those in the trash stay out) with its metadata, assignments, curation
 * rejections and every layer — gold, suggestions, each annotator's — with status, version, last change and all
 * annotations. Documents are read through a server-side cursor in batches; each batch's layers and annotations
 * with one query per table (the export's BulkReader), so memory holds one batch whatever the project's size.
 */
final class ArchiveDocumentWriter {

    private static final int FETCH_SIZE = 100;
    private static final int BATCH_DOCUMENTS = 32;
    private static final long BATCH_BYTES = 1L << 20;
    /** Spans in text order; the database id breaks ties, so that the same data gives the same lines. */
    private static final Comparator<SpanOut> SPAN_ORDER = Comparator.<SpanOut>comparingInt(s -> s.row.start())
            .thenComparingInt(s -> s.row.end()).thenComparing(s -> s.row.label()).thenComparingLong(s -> s.row.dbId());

    private final Connection connection;
    private final long projectId;
    private final Map<Long, String> entityTypes;
    private final Map<Long, String> relationTypes;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    ArchiveDocumentWriter(Connection connection, long projectId) throws SQLException {
        this.connection = connection;
        this.projectId = projectId;
        this.entityTypes = TypeNames.of(connection, "entity_types", projectId);
        this.relationTypes = TypeNames.of(connection, "relation_types", projectId);
        for (String key : List.of("documents", "layers", "spans", "relations", "equivalences", "events", "assignments")) {
            counts.put(key, 0L);
        }
    }

    Map<String, Long> counts() {
        return counts;
    }

    void write(OutputStream out) throws IOException {
        JsonGenerator json = JsonOut.generator(out);
        try (PreparedStatement s = connection.prepareStatement("select id, external_id, text, meta::text, created_at"
                + " from documents where project_id = ? order by id");
                BulkReader reader = new BulkReader(connection, 10_000)) {
            s.setFetchSize(FETCH_SIZE);
            s.setLong(1, projectId);
            List<DocOut> batch = new ArrayList<>();
            long bytes = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    DocOut doc = new DocOut(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getObject(5, OffsetDateTime.class));
                    batch.add(doc);
                    bytes += doc.text().length();
                    if (batch.size() >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES) {
                        writeBatch(batch, reader, json, out);
                        batch.clear();
                        bytes = 0;
                    }
                }
            }
            writeBatch(batch, reader, json, out);
        } catch (SQLException e) {
            throw new IOException(new IllegalStateException("Reading the documents failed: " + e.getMessage(), e));
        }
        json.flush();
    }

    private void writeBatch(List<DocOut> batch, BulkReader reader, JsonGenerator json, OutputStream out)
            throws SQLException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        fill(batch, reader);
        for (DocOut doc : batch) {
            doc.write(json);
            json.flush();
            out.write('\n');
            add("documents", 1);
            add("layers", doc.layers().size());
            add("assignments", doc.assigned().size());
            for (LayerOut layer : doc.layers()) {
                add("spans", layer.spans().size());
                add("relations", layer.relations().size());
                add("equivalences", layer.equivalences().size());
                add("events", layer.events().size());
            }
        }
    }

    private void add(String key, long n) {
        counts.merge(key, n, Long::sum);
    }

    private void fill(List<DocOut> batch, BulkReader reader) throws SQLException, IOException {
        Map<Long, DocOut> byId = new HashMap<>();
        batch.forEach(doc -> byId.put(doc.dbId(), doc));
        Map<Long, LayerOut> layers = new LinkedHashMap<>();
        ArchiveRows.layers(connection, byId.keySet(), (layerId, documentId, owner, username, status, version, updatedAt) -> {
            LayerOut layer = new LayerOut(owner.nameFor(username), status, version, updatedAt);
            layers.put(layerId, layer);
            byId.get(documentId).layers().add(layer);
        });
        documentRows(byId);
        if (layers.isEmpty()) {
            return;
        }
        Map<Long, SpanOut> spans = new HashMap<>();
        reader.spans(layers.keySet(), (layer, spanId, start, end, typeId, attributes, note, links, fragments, notes, score) -> {
            SpanOut span = new SpanOut(new SpanRow(spanId, start, end, entityTypes.get(typeId), links, fragments,
                    new Extras(attributes, note, notes, score)));
            spans.put(spanId, span);
            layers.get(layer).spans().add(span);
        });
        for (LayerOut layer : layers.values()) {
            layer.spans().sort(SPAN_ORDER);
            for (int i = 0; i < layer.spans().size(); i++) {
                layer.spans().get(i).id = "T" + (i + 1);
                layer.spans().get(i).position = i;
            }
        }
        ArchiveRows.suggestionRejections(connection, layers.keySet(), (spanId, username) ->
                spans.get(spanId).rejectedBy.add(username));
        ArchiveRows.relations(connection, layers.keySet(),
                (layer, id, head, tail, typeId, attributes, note, notes, score) -> layers.get(layer).relations().add(
                        new RelationOut(id, spans.get(head), spans.get(tail), relationTypes.get(typeId),
                                new Extras(attributes, note, notes, score))));
        for (LayerOut layer : layers.values()) {
            layer.relations().sort(Comparator.<RelationOut>comparingInt(r -> r.head().position)
                    .thenComparingInt(r -> r.tail().position).thenComparing(RelationOut::label)
                    .thenComparingLong(RelationOut::dbId));
        }
        Map<Long, EquivalenceOut> equivalences = new LinkedHashMap<>();
        reader.equivalences(layers.keySet(), (layer, id, type, spanId) -> {
            EquivalenceOut equivalence = equivalences.computeIfAbsent(id, k -> {
                EquivalenceOut created = new EquivalenceOut(type, new ArrayList<>());
                layers.get(layer).equivalences().add(created);
                return created;
            });
            equivalence.members().add(spans.get(spanId).id);
        });
        Map<Long, EventOut> events = new LinkedHashMap<>();
        reader.events(layers.keySet(), (layer, id, trigger, type, attributes, note, notes) -> {
            LayerOut owner = layers.get(layer);
            EventOut event = new EventOut("E" + (owner.events().size() + 1), type, spans.get(trigger).id,
                    new Extras(attributes, note, notes, null), new ArrayList<>());
            owner.events().add(event);
            events.put(id, event);
        });
        if (!events.isEmpty()) {
            reader.eventArguments(layers.keySet(), (eventId, role, spanId, argumentEventId) ->
                    events.get(eventId).arguments().add(new ArgumentOut(role,
                            spanId != 0 ? spans.get(spanId).id : events.get(argumentEventId).id())));
        }
    }

    /** Assignments and curation rejections of the batch's documents. */
    private void documentRows(Map<Long, DocOut> byId) throws SQLException {
        Array ids = connection.createArrayOf("bigint", byId.keySet().toArray());
        try (PreparedStatement s = connection.prepareStatement("select a.document_id, u.username from assignments a"
                + " join users u on u.id = a.user_id where a.document_id = any(?) order by u.username collate \"C\"")) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byId.get(r.getLong(1)).assigned().add(r.getString(2));
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("select c.document_id, c.item_key, u.username, c.at"
                + " from curation_rejections c left join users u on u.id = c.user_id where c.document_id = any(?)"
                + " order by c.item_key collate \"C\"")) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byId.get(r.getLong(1)).rejections().add(new RejectionOut(r.getString(2), r.getString(3),
                            r.getObject(4, OffsetDateTime.class).toString()));
                }
            }
        }
        ids.free();
    }
}
