package org.relata.exchange.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.JsonMaps;

/**
 * Reads the documents of an export (one row per document and layer, sorted by document id in byte order, then by
 * annotator) through a server-side cursor — autocommit off and a fixed fetch size, since the driver's default fetches
 * the whole result and ran out of a 128 MB heap — and hands them on in batches.
 */
final class DocumentRows {

    private static final int FETCH_SIZE = 100;
    /**
     * A batch ends at this many documents or this much text (UTF-8 bytes), whichever comes first. Several batches are in flight
     * at once (see ExportCursor): small ones keep them young enough to die before a 128 MB heap promotes them.
     */
    private static final int BATCH_DOCUMENTS = 32;
    private static final long BATCH_BYTES = 1L << 20;

    interface BatchSink {
        void accept(ExportBatch batch) throws InterruptedException;
    }

    private DocumentRows() {
    }

    static void read(Connection connection, long projectId, ExportSource source, Long seed, Splits.Part part,
            BatchSink sink) throws SQLException, IOException, InterruptedException {
        String layerJoin = (source.onlyDone() || source.all() ? " join" : " left join")
                + " annotation_layers l on l.document_id = d.id and l.owner_kind = ?"
                + (source.userId() != null ? " and l.user_id = ?" : "");
        String sql = "select d.external_id, d.text, nullif(d.meta, '{}')::text, l.id, l.status, u.username"
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
            String defaultAnnotator = source.ownerKind().equals("SUGGESTIONS") ? "suggestions" : "gold";
            ExportBatch batch = new ExportBatch();
            long batchBytes = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ExDoc doc = new ExDoc();
                    doc.id = rows.getString(1);
                    // The driver's raw UTF-8 bytes: decoding them only to encode them again was a large share of the work.
                    doc.utf8 = rows.getBytes(2);
                    doc.meta = JsonMaps.read(rows.getString(3));
                    long layer = rows.getLong(4);
                    String status = rows.getString(5);
                    doc.status = status == null ? "new" : status.toLowerCase(Locale.ROOT);
                    String username = rows.getString(6);
                    doc.annotator = username != null ? username : defaultAnnotator;
                    batch.add(doc, layer);
                    batchBytes += doc.utf8.length;
                    if (batch.size() >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES) {
                        sink.accept(batch);
                        batch = new ExportBatch();
                        batchBytes = 0;
                    }
                }
            }
            if (batch.size() > 0) {
                sink.accept(batch);
            }
        }
    }
}
