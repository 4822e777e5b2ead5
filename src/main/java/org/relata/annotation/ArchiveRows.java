package org.relata.annotation;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;

/**
 * The reads a project archive needs beyond {@link BulkReader}: every layer of a batch of documents (whoever owns
 * it) with its version and last change, relations with their ids and scores, and the suggestions annotators turned
 * down. The writes are {@link BulkWriter}'s (archivedLayers, relations, suggestionRejections).
 */
public final class ArchiveRows {

    public interface LayerRow {
        /** {@code username} is null for gold and suggestions. */
        void accept(long layerId, long documentId, LayerOwner owner, String username, String status, long version,
                OffsetDateTime updatedAt) throws IOException;
    }

    public interface RelationRow {
        void accept(long layerId, long relationId, long headSpanId, long tailSpanId, long relationTypeId,
                String attributes, String note, String typedNotes, Double score) throws IOException;
    }

    public interface RejectionRow {
        void accept(long spanId, String username) throws IOException;
    }

    private ArchiveRows() {
    }

    /** The layers of these documents, by document, owner kind and username. */
    public static void layers(Connection connection, Collection<Long> documentIds, LayerRow row)
            throws SQLException, IOException {
        query(connection, "select l.id, l.document_id, l.owner_kind, u.username, l.status, l.version, l.updated_at"
                + " from annotation_layers l left join users u on u.id = l.user_id where l.document_id = any(?)"
                + " order by l.document_id, l.owner_kind, u.username collate \"C\"", documentIds, rows ->
                row.accept(rows.getLong(1), rows.getLong(2), LayerOwner.valueOf(rows.getString(3)), rows.getString(4),
                        rows.getString(5), rows.getLong(6), rows.getObject(7, OffsetDateTime.class)));
    }

    /** The relations of these layers with ids and scores; attributes and typed notes as JSON, null when empty. */
    public static void relations(Connection connection, Collection<Long> layerIds, RelationRow row)
            throws SQLException, IOException {
        query(connection, "select r.layer_id, r.id, r.head_span_id, r.tail_span_id, r.relation_type_id,"
                + " nullif(r.attributes, '{}')::text, r.note, nullif(r.typed_notes, '[]')::text, r.score"
                + " from relations r where r.layer_id = any(?) order by r.id", layerIds, rows ->
                row.accept(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                        rows.getString(6), rows.getString(7), rows.getString(8), (Double) rows.getObject(9)));
    }

    /** Who turned down which span of these layers (suggestions). */
    public static void suggestionRejections(Connection connection, Collection<Long> layerIds, RejectionRow row)
            throws SQLException, IOException {
        query(connection, "select r.span_id, u.username from suggestion_rejections r join spans s on s.id = r.span_id"
                + " join users u on u.id = r.user_id where s.layer_id = any(?) order by r.span_id, u.username collate \"C\"",
                layerIds, rows -> row.accept(rows.getLong(1), rows.getString(2)));
    }

    private interface Rows {
        void read(ResultSet rows) throws SQLException, IOException;
    }

    private static void query(Connection connection, String sql, Collection<Long> ids, Rows reader)
            throws SQLException, IOException {
        Array array = connection.createArrayOf("bigint", ids.toArray());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
        array.free();
    }
}
