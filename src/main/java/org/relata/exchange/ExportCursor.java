package org.relata.exchange;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;

import org.relata.exchange.ExDoc.ExRelation;
import org.relata.exchange.ExDoc.ExSpan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The shared streaming reader of every export: one query over a server-side cursor (autocommit off and a fixed
 * fetch size — the driver's default fetches the whole result and ran out of a 128 MB heap), one row per document and
 * layer with its spans and relations aggregated as JSON by PostgreSQL. Documents come sorted by id (byte order),
 * spans by (start, end, label) and relations by (head, tail, label); span and relation ids are numbered T1.., R1..
 * in that order, so the same data always gives the same output.
 */
final class ExportCursor {

    static final int FETCH_SIZE = 100;

    interface Sink {
        void accept(ExDoc doc) throws IOException;
    }

    private static final long BATCH_CHARS = 4L << 20;
    private static final Comparator<ExRelation> RELATION_ORDER = Comparator.<ExRelation>comparingLong(r -> r.typeId)
            .thenComparing(r -> r.label);
    private static final Comparator<ExSpan> SPAN_ORDER = Comparator.<ExSpan>comparingInt(s -> s.start)
            .thenComparingInt(s -> s.end).thenComparing(s -> s.label);

    private ExportCursor() {
    }

    private static final Object END = new Object();

    /**
     * Streams the documents of the project (of one split part, when given) to the sink. A reader thread fetches and
     * parses rows while the caller's thread formats and writes them (a bounded queue between them keeps memory flat),
     * so the database, the parsing and the writing overlap instead of taking turns.
     */
    static void read(Connection connection, long projectId, ExportSource source, Long seed, Splits.Part part, Sink sink)
            throws SQLException, IOException {
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
        Thread reader = new Thread(() -> {
            try {
                readDirect(connection, projectId, source, seed, part, queue::put);
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                queue.offer(e);
            }
        }, "relata-export-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    break;
                }
                if (item instanceof SQLException e) {
                    throw e;
                }
                if (item instanceof IOException e) {
                    throw e;
                }
                if (item instanceof RuntimeException e) {
                    throw e;
                }
                if (item instanceof Throwable e) {
                    throw new IllegalStateException(e);
                }
                sink.accept((ExDoc) item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        } finally {
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    interface Put {
        void accept(ExDoc doc) throws InterruptedException;
    }

    private static void readDirect(Connection connection, long projectId, ExportSource source, Long seed, Splits.Part part,
            Put sink) throws SQLException, IOException, InterruptedException {
        Map<Long, String> entityTypes = names(connection, "entity_types", projectId);
        Map<Long, String> relationTypes = names(connection, "relation_types", projectId);
        String layerJoin = (source.onlyDone() || source.all() ? " join" : " left join")
                + " annotation_layers l on l.document_id = d.id and l.owner_kind = ?"
                + (source.userId() != null ? " and l.user_id = ?" : "");
        String sql = "select d.external_id, d.text, d.meta::text, l.id, l.status, u.username"
                + " from documents d" + layerJoin
                + " left join users u on u.id = l.user_id"
                + " where d.project_id = ?"
                + (source.onlyDone() ? " and l.status = 'DONE'" : "")
                + (part != null ? " and " + Splits.BUCKET_SQL + " >= ? and " + Splits.BUCKET_SQL + " < ?" : "")
                + " order by d.external_id collate \"C\", u.username collate \"C\"";
        try (PreparedStatement statement = connection.prepareStatement(sql);
                PreparedStatement spans = connection.prepareStatement("select s.layer_id, s.id, s.start_offset, s.end_offset,"
                        + " s.entity_type_id, nullif(s.attributes, '{}')::text, s.note, nullif(s.links, '[]')::text from spans s"
                        + " where s.layer_id = any(?) order by s.layer_id, s.id");
                PreparedStatement relations = connection.prepareStatement("select r.layer_id, r.head_span_id, r.tail_span_id,"
                        + " r.relation_type_id, nullif(r.attributes, '{}')::text, r.note from relations r"
                        + " where r.layer_id = any(?) order by r.layer_id, r.id")) {
            statement.setFetchSize(FETCH_SIZE);
            int p = 1;
            statement.setString(p++, source.ownerKind());
            if (source.userId() != null) {
                statement.setLong(p++, source.userId());
            }
            statement.setLong(p++, projectId);
            if (part != null) {
                statement.setString(p++, Long.toString(seed));
                statement.setLong(p++, part.from());
                statement.setString(p++, Long.toString(seed));
                statement.setLong(p++, part.to());
            }
            // Documents come from the cursor in batches; the spans and relations of a batch's layers are fetched with
            // one indexed query each, which costs the database far less than a subquery per document.
            List<ExDoc> batch = new ArrayList<>();
            Map<Long, ExDoc> byLayer = new HashMap<>();
            long batchChars = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ExDoc doc = new ExDoc();
                    doc.id = rows.getString(1);
                    doc.text = rows.getString(2);
                    doc.meta = readMap(rows.getString(3));
                    long layer = rows.getLong(4);
                    String status = rows.getString(5);
                    doc.status = status == null ? "new" : status.toLowerCase(Locale.ROOT);
                    String username = rows.getString(6);
                    doc.annotator = username != null ? username
                            : source.ownerKind().equals("SUGGESTIONS") ? "suggestions" : "gold";
                    batch.add(doc);
                    if (layer != 0) {
                        byLayer.put(layer, doc);
                    }
                    batchChars += doc.text.length();
                    if (batch.size() >= FETCH_SIZE || batchChars >= BATCH_CHARS) {
                        flush(connection, batch, byLayer, spans, relations, entityTypes, relationTypes, sink);
                        batchChars = 0;
                    }
                }
            }
            flush(connection, batch, byLayer, spans, relations, entityTypes, relationTypes, sink);
        }
    }

    private static void flush(Connection connection, List<ExDoc> batch, Map<Long, ExDoc> byLayer, PreparedStatement spans,
            PreparedStatement relations, Map<Long, String> entityTypes, Map<Long, String> relationTypes, Put sink)
            throws SQLException, IOException, InterruptedException {
        if (!byLayer.isEmpty()) {
            Array layers = connection.createArrayOf("bigint", byLayer.keySet().toArray());
            Map<Long, ExSpan> byDbId = new HashMap<>();
            spans.setArray(1, layers);
            spans.setFetchSize(10_000);
            try (ResultSet rows = spans.executeQuery()) {
                ExDoc doc = null;
                long current = -1;
                CodePoints text = null;
                while (rows.next()) {
                    long layer = rows.getLong(1);
                    if (layer != current) {
                        current = layer;
                        doc = byLayer.get(layer);
                        text = new CodePoints(doc.text);
                    }
                    ExSpan span = new ExSpan();
                    span.dbId = rows.getLong(2);
                    span.start = rows.getInt(3);
                    span.end = rows.getInt(4);
                    span.label = entityTypes.get(rows.getLong(5));
                    span.text = text.slice(span.start, span.end);
                    span.attributes = readMap(rows.getString(6));
                    span.note = rows.getString(7);
                    String links = rows.getString(8);
                    if (links != null && !links.equals("[]")) {
                        try (JsonParser p = JsonFields.JSON.getFactory().createParser(links)) {
                            p.nextToken();
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                Map<String, Object> link = readObject(p);
                                span.links.add(new ExDoc.Link(string(link.get("resource")), string(link.get("id")),
                                        string(link.get("text"))));
                            }
                        }
                    }
                    doc.spans.add(span);
                    byDbId.put(span.dbId, span);
                }
            }
            for (ExDoc doc : byLayer.values()) {
                doc.spans.sort(SPAN_ORDER);
                for (int i = 0; i < doc.spans.size(); i++) {
                    doc.spans.get(i).id = "T" + (i + 1);
                    doc.spans.get(i).typeId = i;
                }
            }
            relations.setArray(1, layers);
            relations.setFetchSize(10_000);
            try (ResultSet rows = relations.executeQuery()) {
                while (rows.next()) {
                    ExDoc doc = byLayer.get(rows.getLong(1));
                    ExRelation relation = new ExRelation();
                    ExSpan head = byDbId.get(rows.getLong(2));
                    ExSpan tail = byDbId.get(rows.getLong(3));
                    relation.head = head.id;
                    relation.tail = tail.id;
                    // typeId holds the head and tail positions, for sorting
                    relation.typeId = ((long) head.typeId << 32) | tail.typeId;
                    relation.label = relationTypes.get(rows.getLong(4));
                    relation.attributes = readMap(rows.getString(5));
                    relation.note = rows.getString(6);
                    doc.relations.add(relation);
                }
            }
            for (ExDoc doc : byLayer.values()) {
                doc.relations.sort(RELATION_ORDER);
                for (int i = 0; i < doc.relations.size(); i++) {
                    doc.relations.get(i).id = "R" + (i + 1);
                }
            }
        }
        for (ExDoc doc : batch) {
            sink.accept(doc);
        }
        batch.clear();
        byLayer.clear();
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

    /** The object at the parser's START_OBJECT, read to its END_OBJECT; the common empty one without a deserializer. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        if (p.nextToken() == JsonToken.END_OBJECT) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.currentToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            map.put(name, JsonFields.JSON.readValue(p, Object.class));
            p.nextToken();
        }
        return map;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, Object> readMap(String json) throws IOException {
        if (json == null || json.equals("{}")) {
            return new LinkedHashMap<>();
        }
        try (JsonParser p = JsonFields.JSON.getFactory().createParser(json)) {
            p.nextToken();
            return readObject(p);
        }
    }
}
