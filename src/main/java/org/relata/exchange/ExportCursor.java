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

import org.relata.exchange.ExDoc.ExRelation;
import org.relata.exchange.ExDoc.ExSpan;

import com.fasterxml.jackson.databind.JsonNode;

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

    /** Streams the documents of the project (of one split part, when given) to the sink. */
    static void read(Connection connection, long projectId, ExportSource source, Long seed, Splits.Part part, Sink sink)
            throws SQLException, IOException {
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
            for (JsonNode s : JsonFields.JSON.readTree(spansJson)) {
                ExSpan span = new ExSpan();
                span.dbId = s.get(0).longValue();
                span.start = s.get(1).intValue();
                span.end = s.get(2).intValue();
                span.label = s.get(3).textValue();
                span.text = text.slice(span.start, span.end);
                span.attributes = toMap(s.get(4));
                span.note = s.get(5).isNull() ? null : s.get(5).textValue();
                for (JsonNode link : s.get(6)) {
                    span.links.add(new ExDoc.Link(text(link, "resource"), text(link, "id"), text(link, "text")));
                }
                doc.spans.add(span);
                byDbId.put(span.dbId, span);
            }
            doc.spans.sort(SPAN_ORDER);
            for (int i = 0; i < doc.spans.size(); i++) {
                doc.spans.get(i).id = "T" + (i + 1);
                doc.spans.get(i).typeId = i;
            }
        }
        String relationsJson = row.getString(7);
        if (relationsJson != null) {
            for (JsonNode r : JsonFields.JSON.readTree(relationsJson)) {
                ExRelation relation = new ExRelation();
                ExSpan head = byDbId.get(r.get(0).longValue());
                ExSpan tail = byDbId.get(r.get(1).longValue());
                relation.head = head.id;
                relation.tail = tail.id;
                // typeId holds the head and tail positions for sorting
                relation.typeId = ((long) head.typeId << 32) | tail.typeId;
                relation.label = r.get(2).textValue();
                relation.attributes = toMap(r.get(3));
                relation.note = r.get(4).isNull() ? null : r.get(4).textValue();
                doc.relations.add(relation);
            }
            doc.relations.sort(Comparator.<ExRelation>comparingLong(r -> r.typeId).thenComparing(r -> r.label));
            for (int i = 0; i < doc.relations.size(); i++) {
                doc.relations.get(i).id = "R" + (i + 1);
            }
        }
        return doc;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, Object> readMap(String json) throws IOException {
        if (json == null || json.equals("{}")) {
            return new LinkedHashMap<>();
        }
        return JsonFields.toMap(JsonFields.JSON.readTree(json));
    }

    private static Map<String, Object> toMap(JsonNode node) {
        return node.isEmpty() ? new LinkedHashMap<>() : JsonFields.toMap(node);
    }
}
