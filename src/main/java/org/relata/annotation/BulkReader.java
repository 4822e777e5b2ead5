package org.relata.annotation;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads layers in bulk, for exports: the documents of a project with one kind of layer, and the spans and relations
 * of many layers at once — one indexed query each for a whole batch of layers, which costs the database far less
 * than a query per document. Rows come in the plan's order; the caller groups and sorts them.
 */
public final class BulkReader implements AutoCloseable {

    /**
     * Which documents and layers to read: layers of one owner kind (and user); {@code onlyDone} keeps finished layers
     * only, {@code everyAnnotator} every user's layer (one row each); without either, documents without such a layer
     * come too. {@code bucket}, when given, keeps the documents whose split bucket lies in it.
     */
    public record LayerQuery(long projectId, LayerOwner ownerKind, Long userId, boolean onlyDone, boolean everyAnnotator,
            Bucket bucket) {
    }

    /**
     * Documents whose bucket b satisfies from ≤ b &lt; to, where b is the first 32 bits of MD5("seed:externalId"),
     * computed here by PostgreSQL (the exchange's Splits computes the same in Java).
     */
    public record Bucket(long seed, long from, long to) {
    }

    public interface DocumentRow {
        /** {@code text} is the UTF-8 as the database sends it; {@code layerId} is 0 for a document without the layer. */
        void accept(String externalId, byte[] text, String meta, long layerId, String status, String username)
                throws IOException, InterruptedException;
    }

    public interface SpanRow {
        /**
         * {@code fragments} and {@code typedNotes} are JSON, null for a contiguous span and no typed notes;
         * {@code score} is a suggestion's, null when none was given.
         */
        void accept(long layerId, long spanId, int start, int end, long entityTypeId, String attributes, String note,
                String links, String fragments, String typedNotes, Double score) throws IOException;
    }

    public interface RelationRow {
        void accept(long layerId, long headSpanId, long tailSpanId, long relationTypeId, String attributes, String note,
                String typedNotes) throws IOException;
    }

    /** One member of an equivalence: rows come ordered by equivalence, then member position. */
    public interface EquivalenceRow {
        void accept(long layerId, long equivalenceId, String type, long spanId) throws IOException;
    }

    public interface EventRow {
        void accept(long layerId, long eventId, long triggerSpanId, String eventType, String attributes, String note,
                String typedNotes) throws IOException;
    }

    /** One argument of an event: rows come ordered by event, then position; exactly one of the ids is non-zero. */
    public interface ArgumentRow {
        void accept(long eventId, String role, long spanId, long argumentEventId) throws IOException;
    }

    private static final String BUCKET_SQL = "('x' || substr(md5(? || ':' || d.external_id), 1, 8))::bit(32)::bigint";

    /**
     * The documents with their layer, one row per document and layer, sorted by document id in byte order, then by
     * annotator. Through a server-side cursor when the caller's connection has autocommit off, {@code fetchSize}
     * rows at a time.
     */
    public static void documents(Connection connection, LayerQuery query, int fetchSize, DocumentRow row)
            throws SQLException, IOException, InterruptedException {
        String sql = "select d.external_id, d.text, nullif(d.meta, '{}')::text, l.id, l.status, u.username"
                + selection(query) + " order by d.external_id collate \"C\", u.username collate \"C\"";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(fetchSize);
            bind(statement, query);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows.getString(1), rows.getBytes(2), rows.getString(3), rows.getLong(4), rows.getString(5),
                            rows.getString(6));
                }
            }
        }
    }

    /**
     * What {@link #documents} would read: entries (one per document and layer), spans and relations, and how many of
     * the spans are discontinuous (formats without pieces approximate or leave those out, and say so).
     */
    public record Counted(long entries, long spans, long relations, long discontinuousSpans) {
    }

    public static Counted count(Connection connection, LayerQuery query) throws SQLException {
        String sql = "select count(*),"
                + " coalesce(sum((select count(*) from spans s where s.layer_id = l.id)), 0),"
                + " coalesce(sum((select count(*) from relations r where r.layer_id = l.id)), 0),"
                + " coalesce(sum((select count(*) from spans s where s.layer_id = l.id and s.fragments is not null)), 0)"
                + selection(query);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, query);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Counted(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
            }
        }
    }

    /** How many layers of one owner (a username for USER) are finished. */
    public record Finished(LayerOwner owner, String username, long layers) {
    }

    /** The finished layers of a project, by owner. */
    public static List<Finished> finishedLayers(Connection connection, long projectId) throws SQLException {
        String sql = "select l.owner_kind, u.username, count(*) from annotation_layers l"
                + " join documents d on d.id = l.document_id left join users u on u.id = l.user_id"
                + " where d.project_id = ? and l.status = 'DONE' group by 1, 2";
        List<Finished> finished = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, projectId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    finished.add(new Finished(LayerOwner.valueOf(rows.getString(1)), rows.getString(2), rows.getLong(3)));
                }
            }
        }
        return finished;
    }

    /** From and where of the documents a query selects, with their layer. */
    private static String selection(LayerQuery query) {
        String layerJoin = (query.onlyDone() || query.everyAnnotator() ? " join" : " left join")
                + " annotation_layers l on l.document_id = d.id and l.owner_kind = ?"
                + (query.userId() != null ? " and l.user_id = ?" : "");
        return " from documents d" + layerJoin
                + " left join users u on u.id = l.user_id"
                + " where d.project_id = ?"
                + (query.onlyDone() ? " and l.status = 'DONE'" : "")
                + (query.bucket() != null ? " and " + BUCKET_SQL + " >= ? and " + BUCKET_SQL + " < ?" : "");
    }

    private static void bind(PreparedStatement statement, LayerQuery query) throws SQLException {
        int p = 1;
        statement.setString(p++, query.ownerKind().name());
        if (query.userId() != null) {
            statement.setLong(p++, query.userId());
        }
        statement.setLong(p++, query.projectId());
        Bucket bucket = query.bucket();
        if (bucket != null) {
            statement.setString(p++, Long.toString(bucket.seed()));
            statement.setLong(p++, bucket.from());
            statement.setString(p++, Long.toString(bucket.seed()));
            statement.setLong(p++, bucket.to());
        }
    }

    private final Connection connection;
    private final PreparedStatement spans;
    private final PreparedStatement relations;

    /** Prepares the span and relation queries once, for many batches of layers. */
    public BulkReader(Connection connection, int fetchSize) throws SQLException {
        this.connection = connection;
        // Empty JSON goes out as NULL; the row order is left to the plan (no sort).
        this.spans = connection.prepareStatement("select s.layer_id, s.id, s.start_offset, s.end_offset,"
                + " s.entity_type_id, nullif(s.attributes, '{}')::text, s.note, nullif(s.links, '[]')::text,"
                + " s.fragments::text, nullif(s.typed_notes, '[]')::text, s.score"
                + " from spans s where s.layer_id = any(?)");
        this.relations = connection.prepareStatement("select r.layer_id, r.head_span_id, r.tail_span_id,"
                + " r.relation_type_id, nullif(r.attributes, '{}')::text, r.note, nullif(r.typed_notes, '[]')::text"
                + " from relations r where r.layer_id = any(?)");
        spans.setFetchSize(fetchSize);
        relations.setFetchSize(fetchSize);
    }

    /** The spans of these layers; attributes and links as JSON text, null when empty. */
    public void spans(Collection<Long> layerIds, SpanRow row) throws SQLException, IOException {
        read(spans, layerIds, rows -> row.accept(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getInt(4),
                rows.getLong(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), (Double) rows.getObject(11)));
    }

    /** The relations of these layers; attributes as JSON text, null when empty. */
    public void relations(Collection<Long> layerIds, RelationRow row) throws SQLException, IOException {
        read(relations, layerIds, rows -> row.accept(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                rows.getString(5), rows.getString(6), rows.getString(7)));
    }

    /** The equivalences of these layers, one row per member. Few rows: prepared per call. */
    public void equivalences(Collection<Long> layerIds, EquivalenceRow row) throws SQLException, IOException {
        query("select e.layer_id, e.id, e.type, m.span_id from equivalences e join equivalence_members m"
                + " on m.equivalence_id = e.id where e.layer_id = any(?) order by e.id, m.position", layerIds,
                rows -> row.accept(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getLong(4)));
    }

    /** The events of these layers (type by name), in id order. */
    public void events(Collection<Long> layerIds, EventRow row) throws SQLException, IOException {
        query("select e.layer_id, e.id, e.trigger_span_id, t.name, nullif(e.attributes, '{}')::text, e.note,"
                + " nullif(e.typed_notes, '[]')::text from events e join event_types t on t.id = e.event_type_id"
                + " where e.layer_id = any(?) order by e.id", layerIds,
                rows -> row.accept(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(7)));
    }

    /** The arguments of the events of these layers. */
    public void eventArguments(Collection<Long> layerIds, ArgumentRow row) throws SQLException, IOException {
        query("select a.event_id, a.role, coalesce(a.span_id, 0), coalesce(a.argument_event_id, 0) from event_arguments a"
                + " where a.layer_id = any(?) order by a.event_id, a.position", layerIds,
                rows -> row.accept(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getLong(4)));
    }

    private interface Rows {
        void read(ResultSet rows) throws SQLException, IOException;
    }

    private void query(String sql, Collection<Long> layerIds, Rows reader) throws SQLException, IOException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            read(statement, layerIds, reader);
        }
    }

    /** Runs a statement whose one parameter is the array of layer ids, handing each row to the reader. */
    private void read(PreparedStatement statement, Collection<Long> layerIds, Rows reader)
            throws SQLException, IOException {
        Array layers = connection.createArrayOf("bigint", layerIds.toArray());
        statement.setArray(1, layers);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
        layers.free();
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
