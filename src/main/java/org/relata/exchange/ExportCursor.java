package org.relata.exchange;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
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

    static final int FETCH_SIZE = 200;

    interface Sink {
        void accept(ExDoc doc) throws IOException;
    }

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
        String layerJoin = (source.onlyDone() || source.all() ? " join" : " left join")
                + " annotation_layers l on l.document_id = d.id and l.owner_kind = ?"
                + (source.userId() != null ? " and l.user_id = ?" : "");
        String sql = "select d.external_id, d.text, d.meta::text, l.status, u.username,"
                + " (select json_agg(json_build_array(s.id, s.start_offset, s.end_offset, t.name, s.attributes, s.note, s.links)"
                + "    order by s.id) from spans s join entity_types t on t.id = s.entity_type_id where s.layer_id = l.id),"
                + " (select json_agg(json_build_array(r.head_span_id, r.tail_span_id, rt.name, r.attributes, r.note) order by r.id)"
                + "    from relations r join relation_types rt on rt.id = r.relation_type_id where r.layer_id = l.id)"
                + " from documents d" + layerJoin
                + " left join users u on u.id = l.user_id"
                + " where d.project_id = ?"
                + (source.onlyDone() ? " and l.status = 'DONE'" : "")
                + (part != null ? " and " + Splits.BUCKET_SQL + " >= ? and " + Splits.BUCKET_SQL + " < ?" : "")
                + " order by d.external_id collate \"C\", u.username collate \"C\"";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(toDocument(rows, source));
                }
            }
        }
    }

    private static ExDoc toDocument(ResultSet row, ExportSource source) throws SQLException, IOException {
        ExDoc doc = new ExDoc();
        doc.id = row.getString(1);
        doc.text = row.getString(2);
        doc.meta = readMap(row.getString(3));
        String status = row.getString(4);
        doc.status = status == null ? "new" : status.toLowerCase(Locale.ROOT);
        String username = row.getString(5);
        doc.annotator = username != null ? username : source.ownerKind().equals("SUGGESTIONS") ? "suggestions" : "gold";
        String spansJson = row.getString(6);
        Map<Long, ExSpan> byDbId = new HashMap<>();
        if (spansJson != null) {
            CodePoints text = new CodePoints(doc.text);
            // A streaming parse: building trees for a million spans costs more than the database's own work.
            try (JsonParser p = JsonFields.JSON.getFactory().createParser(spansJson)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    ExSpan span = new ExSpan();
                    p.nextToken();
                    span.dbId = p.getLongValue();
                    p.nextToken();
                    span.start = p.getIntValue();
                    p.nextToken();
                    span.end = p.getIntValue();
                    p.nextToken();
                    span.label = p.getText();
                    span.text = text.slice(span.start, span.end);
                    p.nextToken();
                    span.attributes = readObject(p);
                    p.nextToken();
                    span.note = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, Object> link = readObject(p);
                        span.links.add(new ExDoc.Link(string(link.get("resource")), string(link.get("id")), string(link.get("text"))));
                    }
                    p.nextToken();
                    doc.spans.add(span);
                    byDbId.put(span.dbId, span);
                }
            }
            doc.spans.sort(SPAN_ORDER);
            for (int i = 0; i < doc.spans.size(); i++) {
                doc.spans.get(i).id = "T" + (i + 1);
                doc.spans.get(i).typeId = i;
            }
        }
        String relationsJson = row.getString(7);
        if (relationsJson != null) {
            try (JsonParser p = JsonFields.JSON.getFactory().createParser(relationsJson)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    ExRelation relation = new ExRelation();
                    p.nextToken();
                    ExSpan head = byDbId.get(p.getLongValue());
                    p.nextToken();
                    ExSpan tail = byDbId.get(p.getLongValue());
                    relation.head = head.id;
                    relation.tail = tail.id;
                    // typeId holds the head and tail positions for sorting
                    relation.typeId = ((long) head.typeId << 32) | tail.typeId;
                    p.nextToken();
                    relation.label = p.getText();
                    p.nextToken();
                    relation.attributes = readObject(p);
                    p.nextToken();
                    relation.note = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                    p.nextToken();
                    doc.relations.add(relation);
                }
            }
            doc.relations.sort(Comparator.<ExRelation>comparingLong(r -> r.typeId).thenComparing(r -> r.label));
            for (int i = 0; i < doc.relations.size(); i++) {
                doc.relations.get(i).id = "R" + (i + 1);
            }
        }
        return doc;
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
