package org.relata.annotation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.relata.annotation.AgreementDoc.Marks;
import org.relata.annotation.AgreementDoc.RelationMark;
import org.relata.annotation.AgreementDoc.SpanMark;

/**
 * Reads, for comparing annotators with gold, the documents whose gold layer is marked done, with that gold layer and
 * the annotator layers marked done: plain JDBC in batches of documents, as {@link AgreementRows} does.
 */
public final class GoldRows {

    /** A document's gold marks and each annotator's (by username). */
    public record GoldDoc(long id, String externalId, Marks gold, Map<String, Marks> byAnnotator) {
    }

    private static final int BATCH = 500;
    private static final String LAYERS = "l.document_id = any(?) and l.status = 'DONE' and l.owner_kind in ('USER', 'GOLD')";

    private GoldRows() {
    }

    public static void read(Connection connection, long projectId, Consumer<GoldDoc> sink) throws SQLException {
        long after = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select l.document_id from annotation_layers l join documents d on d.id = l.document_id
                     where d.project_id = ? and l.owner_kind = 'GOLD' and l.status = 'DONE' and l.document_id > ?
                     order by l.document_id limit\s""" + BATCH)) {
                statement.setLong(1, projectId);
                statement.setLong(2, after);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            Array idArray = connection.createArrayOf("bigint", ids.toArray(Long[]::new));
            Map<Long, GoldDoc> docs = new TreeMap<>();
            Map<Long, Marks> layers = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select l.id, l.document_id, d.external_id, l.owner_kind, u.username
                      from annotation_layers l join documents d on d.id = l.document_id
                      left join users u on u.id = l.user_id where\s""" + LAYERS)) {
                statement.setArray(1, idArray);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long docId = rows.getLong(2);
                        Marks marks = new Marks(new ArrayList<>(), new ArrayList<>());
                        layers.put(rows.getLong(1), marks);
                        if ("GOLD".equals(rows.getString(4))) {
                            GoldDoc doc = docs.get(docId);
                            docs.put(docId, new GoldDoc(docId, rows.getString(3), marks,
                                    doc == null ? new TreeMap<>() : doc.byAnnotator()));
                        } else {
                            docs.computeIfAbsent(docId, id -> new GoldDoc(id, null, null, new TreeMap<>()))
                                    .byAnnotator().put(rows.getString(5), marks);
                        }
                    }
                }
            }
            Map<Long, SpanMark> spans = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select s.id, s.layer_id, s.start_offset, s.end_offset, t.name
                      from spans s join annotation_layers l on l.id = s.layer_id join entity_types t on t.id = s.entity_type_id
                     where\s""" + LAYERS + " order by s.layer_id, s.start_offset, s.end_offset, s.id")) {
                statement.setArray(1, idArray);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        SpanMark span = new SpanMark(rows.getInt(3), rows.getInt(4), rows.getString(5));
                        spans.put(rows.getLong(1), span);
                        layers.get(rows.getLong(2)).spans().add(span);
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    select r.layer_id, r.head_span_id, r.tail_span_id, t.name, t.directed
                      from relations r join annotation_layers l on l.id = r.layer_id
                      join relation_types t on t.id = r.relation_type_id
                     where\s""" + LAYERS + " order by r.layer_id, r.id")) {
                statement.setArray(1, idArray);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        layers.get(rows.getLong(1)).relations().add(new RelationMark(rows.getString(4),
                                spans.get(rows.getLong(2)), spans.get(rows.getLong(3)), rows.getBoolean(5)));
                    }
                }
            }
            docs.values().forEach(sink);
            after = ids.get(ids.size() - 1);
        }
    }
}
