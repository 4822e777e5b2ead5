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
 * Reads the documents that two or more annotators marked done, with those annotators' layers, in batches of
 * {@value #BATCH} documents: plain JDBC, four queries a batch, so a project of any size is read in a few hundred
 * round trips and only one batch is in memory at a time.
 */
public final class AgreementRows {

    static final int BATCH = 500;

    /** Annotator layers marked done, of documents with at least two of them. */
    private static final String DONE = """
            with done as (
                select l.id, l.document_id, l.user_id from annotation_layers l join documents d on d.id = l.document_id
                 where d.project_id = ? and l.owner_kind = 'USER' and l.status = 'DONE'),
            common as (select document_id from done group by document_id having count(*) >= 2)
            """;

    private AgreementRows() {
    }

    public static List<String> annotators(Connection connection, long projectId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DONE + """
                select distinct u.username from done join common c on c.document_id = done.document_id
                  join users u on u.id = done.user_id order by u.username""")) {
            statement.setLong(1, projectId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    /** Hands the documents to the sink one at a time, in id order. */
    public static void read(Connection connection, long projectId, Consumer<AgreementDoc> sink) throws SQLException {
        long after = 0;
        while (true) {
            Long[] ids = nextIds(connection, projectId, after);
            if (ids.length == 0) {
                return;
            }
            Array idArray = connection.createArrayOf("bigint", ids);
            Map<Long, AgreementDoc> docs = documents(connection, idArray);
            Map<Long, Marks> layers = layers(connection, idArray, docs);
            Map<Long, SpanMark> spans = spans(connection, idArray, layers);
            relations(connection, idArray, layers, spans);
            docs.values().forEach(sink);
            after = ids[ids.length - 1];
        }
    }

    private static Long[] nextIds(Connection connection, long projectId, long after) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DONE
                + "select document_id from common where document_id > ? order by document_id limit " + BATCH)) {
            statement.setLong(1, projectId);
            statement.setLong(2, after);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids.toArray(Long[]::new);
    }

    private static Map<Long, AgreementDoc> documents(Connection connection, Array ids) throws SQLException {
        Map<Long, AgreementDoc> docs = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, external_id, text from documents where id = any(?)")) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    docs.put(rows.getLong(1), new AgreementDoc(rows.getLong(1), rows.getString(2), rows.getString(3),
                            new TreeMap<>()));
                }
            }
        }
        return docs;
    }

    /** Layer id → the marks it will hold, already filed under its document and annotator. */
    private static Map<Long, Marks> layers(Connection connection, Array ids, Map<Long, AgreementDoc> docs)
            throws SQLException {
        Map<Long, Marks> layers = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select l.id, l.document_id, u.username from annotation_layers l join users u on u.id = l.user_id
                 where l.document_id = any(?) and l.owner_kind = 'USER' and l.status = 'DONE'""")) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Marks marks = new Marks(new ArrayList<>(), new ArrayList<>());
                    layers.put(rows.getLong(1), marks);
                    docs.get(rows.getLong(2)).byAnnotator().put(rows.getString(3), marks);
                }
            }
        }
        return layers;
    }

    /** Span id → span, for the relations to find their arguments. */
    private static Map<Long, SpanMark> spans(Connection connection, Array ids, Map<Long, Marks> layers)
            throws SQLException {
        Map<Long, SpanMark> spans = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select s.id, s.layer_id, s.start_offset, s.end_offset, t.name, s.fragments::text
                  from spans s join annotation_layers l on l.id = s.layer_id join entity_types t on t.id = s.entity_type_id
                 where l.document_id = any(?) and l.owner_kind = 'USER' and l.status = 'DONE'
                 order by s.layer_id, s.start_offset, s.end_offset, s.id""")) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<int[]> fragments = SpanFragments.parse(rows.getString(6));
                    if (fragments == null) {
                        SpanMark span = new SpanMark(rows.getInt(3), rows.getInt(4), rows.getString(5));
                        spans.put(rows.getLong(1), span);
                        layers.get(rows.getLong(2)).spans().add(span);
                        continue;
                    }
                    // A discontinuous span counts as its pieces (issue 13): each is matched, and tagged, on its own;
                    // its relations stand on the first piece.
                    for (int[] fragment : fragments) {
                        SpanMark piece = new SpanMark(fragment[0], fragment[1], rows.getString(5));
                        spans.putIfAbsent(rows.getLong(1), piece);
                        layers.get(rows.getLong(2)).spans().add(piece);
                    }
                }
            }
        }
        return spans;
    }

    private static void relations(Connection connection, Array ids, Map<Long, Marks> layers, Map<Long, SpanMark> spans)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select r.layer_id, r.head_span_id, r.tail_span_id, t.name, t.directed
                  from relations r join annotation_layers l on l.id = r.layer_id join relation_types t on t.id = r.relation_type_id
                 where l.document_id = any(?) and l.owner_kind = 'USER' and l.status = 'DONE'
                 order by r.layer_id, r.id""")) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    layers.get(rows.getLong(1)).relations().add(new RelationMark(rows.getString(4),
                            spans.get(rows.getLong(2)), spans.get(rows.getLong(3)), rows.getBoolean(5)));
                }
            }
        }
    }
}
