package org.relata.exchange.store;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.ExDoc.ExRelation;
import org.relata.exchange.codec.ExDoc.ExSpan;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.JsonMaps;
import org.relata.exchange.codec.Utf8Offsets;

/**
 * Fills a batch of export documents with their spans and relations: one indexed query each for all the batch's
 * layers, which costs the database far less than a subquery per document. Spans are sorted by (start, end, label)
 * and relations by (head, tail, label), then numbered T1.., R1.. in that order, so the same data always gives the
 * same output.
 */
final class AnnotationRows implements AutoCloseable {

    private static final int FETCH_SIZE = 10_000;
    // The database id breaks ties between otherwise identical spans, so that their order does not depend on the plan.
    private static final Comparator<ExSpan> SPAN_ORDER = Comparator.<ExSpan>comparingInt(s -> s.start)
            .thenComparingInt(s -> s.end).thenComparing(s -> s.label).thenComparingLong(s -> s.dbId);
    private static final Comparator<ExRelation> RELATION_ORDER = Comparator.<ExRelation>comparingLong(r -> r.order)
            .thenComparing(r -> r.label);

    private final Connection connection;
    private final Map<Long, String> entityTypes;
    private final Map<Long, String> relationTypes;
    private final PreparedStatement spans;
    private final PreparedStatement relations;

    AnnotationRows(Connection connection, long projectId) throws SQLException {
        this.connection = connection;
        this.entityTypes = names(connection, "entity_types", projectId);
        this.relationTypes = names(connection, "relation_types", projectId);
        // Empty JSON goes out as NULL; the row order is left to the plan (no sort), the Java side groups and sorts.
        this.spans = connection.prepareStatement("select s.layer_id, s.id, s.start_offset, s.end_offset,"
                + " s.entity_type_id, nullif(s.attributes, '{}')::text, s.note, nullif(s.links, '[]')::text"
                + " from spans s where s.layer_id = any(?)");
        this.relations = connection.prepareStatement("select r.layer_id, r.head_span_id, r.tail_span_id,"
                + " r.relation_type_id, nullif(r.attributes, '{}')::text, r.note"
                + " from relations r where r.layer_id = any(?)");
        spans.setFetchSize(FETCH_SIZE);
        relations.setFetchSize(FETCH_SIZE);
    }

    void fill(ExportBatch batch) throws SQLException, IOException {
        if (batch.byLayer.isEmpty()) {
            return;
        }
        Array layers = connection.createArrayOf("bigint", batch.byLayer.keySet().toArray());
        Map<Long, ExSpan> byDbId = readSpans(layers, batch.byLayer);
        readRelations(layers, batch.byLayer, byDbId);
        layers.free();
    }

    private Map<Long, ExSpan> readSpans(Array layers, Map<Long, ExDoc> byLayer) throws SQLException, IOException {
        Map<Long, ExSpan> byDbId = new HashMap<>();
        // Rows usually come grouped by layer, but the plan does not promise it.
        Map<ExDoc, Utf8Offsets> texts = new HashMap<>();
        spans.setArray(1, layers);
        try (ResultSet rows = spans.executeQuery()) {
            ExDoc doc = null;
            long current = -1;
            Utf8Offsets text = null;
            while (rows.next()) {
                long layer = rows.getLong(1);
                if (layer != current) {
                    current = layer;
                    doc = byLayer.get(layer);
                    text = texts.computeIfAbsent(doc, d -> new Utf8Offsets(d.utf8));
                }
                ExSpan span = new ExSpan();
                span.dbId = rows.getLong(2);
                span.start = rows.getInt(3);
                span.end = rows.getInt(4);
                span.label = entityTypes.get(rows.getLong(5));
                span.utf8Start = text.byteOffset(span.start);
                span.utf8End = text.byteOffset(span.end);
                String attributes = rows.getString(6);
                if (attributes != null) {
                    span.attributes = JsonMaps.read(attributes);
                }
                span.note = rows.getString(7);
                JsonMaps.readLinks(rows.getString(8), span.links);
                doc.spans.add(span);
                byDbId.put(span.dbId, span);
            }
        }
        for (ExDoc doc : byLayer.values()) {
            List<ExSpan> list = doc.spans;
            list.sort(SPAN_ORDER);
            for (int i = 0; i < list.size(); i++) {
                list.get(i).id = "T" + (i + 1);
                list.get(i).position = i;
            }
        }
        return byDbId;
    }

    private void readRelations(Array layers, Map<Long, ExDoc> byLayer, Map<Long, ExSpan> byDbId) throws SQLException, IOException {
        relations.setArray(1, layers);
        try (ResultSet rows = relations.executeQuery()) {
            while (rows.next()) {
                ExDoc doc = byLayer.get(rows.getLong(1));
                ExRelation relation = new ExRelation();
                ExSpan head = byDbId.get(rows.getLong(2));
                ExSpan tail = byDbId.get(rows.getLong(3));
                relation.head = head.id;
                relation.tail = tail.id;
                relation.order = ((long) head.position << 32) | tail.position;
                relation.label = relationTypes.get(rows.getLong(4));
                String attributes = rows.getString(5);
                if (attributes != null) {
                    relation.attributes = JsonMaps.read(attributes);
                }
                relation.note = rows.getString(6);
                doc.relations.add(relation);
            }
        }
        for (ExDoc doc : byLayer.values()) {
            List<ExRelation> list = doc.relations;
            list.sort(RELATION_ORDER);
            for (int i = 0; i < list.size(); i++) {
                list.get(i).id = "R" + (i + 1);
            }
        }
    }

    private static Map<Long, String> names(Connection connection, String table, long projectId) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("select id, name from " + table + " where project_id = ?")) {
            s.setLong(1, projectId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.put(r.getLong(1), r.getString(2));
                }
            }
        }
        return names;
    }

    @Override
    public void close() throws SQLException {
        try {
            spans.close();
        } finally {
            relations.close();
        }
    }
}
