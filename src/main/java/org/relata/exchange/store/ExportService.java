package org.relata.exchange.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.relata.annotation.BulkReader;
import org.relata.exchange.codec.DocWriter;
import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ExportFormat;
import org.relata.exchange.codec.ImportSink;
import org.relata.exchange.codec.JsonOut;
import org.relata.schema.Schema;

import io.agroal.api.AgroalDataSource;

/**
 * Writes an export to a stream as the cursor reads it. Runs outside the request's transaction (the body is written
 * after the resource method returns) on its own read-only, repeatable-read transaction, so that the passes of a
 * split (or the counting pass of CoNLL) all see the same data.
 */
@ApplicationScoped
public class ExportService {

    @Inject
    AgroalDataSource dataSource;

    /** Turns to read the database; fair, so that waiting exports start in the order they came. */
    private final Semaphore running;

    @Inject
    ExportService(ExchangeConfig config) {
        this.running = new Semaphore(Math.max(1, config.maxConcurrentExports()), true);
    }

    /** Everything one export needs, resolved (and access-checked) before the body starts. */
    public record Request(long projectId, ExportFormat format, ExportSource source, Splits splits, Schema schema) {
    }

    /** What an export from this source would write, and every owner's finished layers (to say why it would be empty). */
    public record Count(BulkReader.Counted selected, List<BulkReader.Finished> finished) {
    }

    public Count count(long projectId, ExportSource source) {
        try (Connection connection = dataSource.getConnection()) {
            BulkReader.LayerQuery query = new BulkReader.LayerQuery(projectId, source.ownerKind(), source.userId(),
                    source.onlyDone(), source.all(), null);
            return new Count(BulkReader.count(connection, query), BulkReader.finishedLayers(connection, projectId));
        } catch (SQLException e) {
            throw new IllegalStateException("Counting the export failed in the database: " + e.getMessage(), e);
        }
    }

    /** Sees every document an export writes, before the format does, with its split part (null without a split). */
    public interface Observer {
        void seen(Splits.Part part, ExDoc doc) throws IOException;
    }

    /** Runs the export into nothing and counts the annotations the format leaves out. */
    public long countLeftOut(Request request) {
        long[] leftOut = new long[1];
        write(request, OutputStream.nullOutputStream(), leftOut, null);
        return leftOut[0];
    }

    /**
     * Writes the export to a stream of the server's own (a release's file) and shows each document to the observer
     * on the way, so that whatever else needs the same data (counts, a second format) takes no second pass.
     */
    public void write(Request request, OutputStream out, Observer observer) {
        write(request, out, null, observer);
    }

    /** Writes the export to a response body; a client that goes away mid-way ends it, logged without a trace. */
    public void write(Request request, OutputStream out) {
        try {
            write(request, new ClientStream(out), null, null);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof ClientStream.ClientGone)) {
                throw e;
            }
            LOG.infof("Export of project %d stopped: the client closed the connection", request.projectId());
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ExportService.class);

    private void write(Request request, OutputStream out, long[] leftOut, Observer observer) {
        try {
            running.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Export interrupted while waiting for its turn", e);
        }
        try {
            read(request, out, leftOut, observer);
        } finally {
            running.release();
        }
    }

    private void read(Request request, OutputStream out, long[] leftOut, Observer observer) {
        try (Connection connection = dataSource.getConnection()) {
            ReadSnapshot.run(connection, false, snapshot -> {
                ExportCursor.plannerSettings(snapshot);
                BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
                write(snapshot, request, buffered, leftOut, observer);
                buffered.flush();
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Export failed in the database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Connection connection, Request request, OutputStream out, long[] leftOut,
            Observer observer) throws SQLException, IOException {
        ExportFormat format = request.format();
        Splits splits = request.splits();
        if (splits == null && !format.zipped()) {
            DocWriter writer = format.open(out);
            ExportCursor.read(connection, dataSource, request.projectId(), request.source(), null, null,
                    sink(null, writer, observer));
            writer.finish();
            count(writer, leftOut);
            return;
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        if (format.zipped()) {
            format.startZip(zip, request.schema(), eventTypes(connection, request.projectId()));
        }
        if (splits == null) {
            DocWriter writer = format.openZip(zip, "", request.schema());
            ExportCursor.read(connection, dataSource, request.projectId(), request.source(), null, null,
                    sink(null, writer, observer));
            writer.finish();
            count(writer, leftOut);
        } else {
            for (Splits.Part part : splits.parts()) {
                DocWriter writer;
                if (format.zipped()) {
                    writer = format.openZip(zip, part.name() + "/", request.schema());
                } else {
                    zip.putNextEntry(new ZipEntry(part.name() + "." + format.extension()));
                    writer = format.open(zip);
                }
                ExportCursor.read(connection, dataSource, request.projectId(), request.source(), splits.seed(), part,
                        sink(part, writer, observer));
                writer.finish();
                if (!format.zipped()) {
                    zip.closeEntry();
                }
                count(writer, leftOut);
            }
        }
        zip.finish();
    }

    private static ExportCursor.Sink sink(Splits.Part part, DocWriter writer, Observer observer) {
        if (observer == null) {
            return writer::write;
        }
        return doc -> {
            observer.seen(part, doc);
            writer.write(doc);
        };
    }

    /** The project's event types with their roles, in schema order. */
    private static List<ExportFormat.EventTypeSpec> eventTypes(Connection connection, long projectId)
            throws SQLException, IOException {
        List<ExportFormat.EventTypeSpec> types = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select name, roles::text from event_types where project_id = ? order by position, id")) {
            s.setLong(1, projectId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    types.add(new ExportFormat.EventTypeSpec(r.getString(1),
                            List.of(JsonOut.JSON.readValue(r.getString(2), ImportSink.EventRole[].class))));
                }
            }
        }
        return types;
    }

    private static void count(DocWriter writer, long[] leftOut) {
        if (leftOut != null) {
            leftOut[0] += writer.leftOut();
        }
    }
}
