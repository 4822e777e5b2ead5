package org.relata.exchange.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.relata.annotation.BulkReader;
import org.relata.annotation.LayerOwner;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.JsonMaps;

/**
 * Reads the documents of an export (one row per document and layer, sorted by document id in byte order, then by
 * annotator) through a server-side cursor — autocommit off and a fixed fetch size, since the driver's default fetches
 * the whole result and ran out of a 128 MB heap — and hands them on in batches.
 */
final class DocumentRows implements BulkReader.DocumentRow {

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

    private final String defaultAnnotator;
    private final BatchSink sink;
    private ExportBatch batch = new ExportBatch();
    private long batchBytes;

    private DocumentRows(ExportSource source, BatchSink sink) {
        this.defaultAnnotator = source.ownerKind() == LayerOwner.SUGGESTIONS ? LayerOwner.SUGGESTIONS_NAME : LayerOwner.GOLD_NAME;
        this.sink = sink;
    }

    static void read(Connection connection, long projectId, ExportSource source, Long seed, Splits.Part part,
            BatchSink sink) throws SQLException, IOException, InterruptedException {
        BulkReader.LayerQuery query = new BulkReader.LayerQuery(projectId, source.ownerKind(), source.userId(),
                source.onlyDone(), source.all(), part == null ? null : new BulkReader.Bucket(seed, part.from(), part.to()));
        DocumentRows rows = new DocumentRows(source, sink);
        BulkReader.documents(connection, query, FETCH_SIZE, rows);
        if (rows.batch.size() > 0) {
            sink.accept(rows.batch);
        }
    }

    @Override
    public void accept(String externalId, byte[] text, String meta, long layerId, String status, String username)
            throws IOException, InterruptedException {
        ExDoc doc = new ExDoc();
        doc.id = externalId;
        // The driver's raw UTF-8 bytes: decoding them only to encode them again was a large share of the work.
        doc.utf8 = text;
        doc.meta = JsonMaps.read(meta);
        doc.status = status == null ? "new" : status.toLowerCase(Locale.ROOT);
        doc.annotator = username != null ? username : defaultAnnotator;
        batch.add(doc, layerId);
        batchBytes += doc.utf8.length;
        if (batch.size() >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES) {
            sink.accept(batch);
            batch = new ExportBatch();
            batchBytes = 0;
        }
    }
}
