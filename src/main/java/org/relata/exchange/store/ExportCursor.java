package org.relata.exchange.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.sql.DataSource;

import org.relata.exchange.codec.ExDoc;

/**
 * The shared streaming reader of every export, as a pipeline: one thread reads the documents in batches
 * ({@link DocumentRows}), {@value #WORKERS} workers fill alternate batches with their annotations
 * ({@link AnnotationRows}), each on a connection of its own, and the caller's thread writes the batches in their
 * original order. The database computes the next batches while Java formats the current one, instead of the two
 * taking turns. The workers' transactions import the snapshot of the caller's, so every thread sees the same data.
 * Bounded queues between the stages keep memory flat whatever the size of the project.
 */
final class ExportCursor {

    static final int WORKERS = 2;
    private static final Object END = new Object();

    interface Sink {
        void accept(ExDoc doc) throws IOException;
    }

    private ExportCursor() {
    }

    /**
     * Streams the documents of the project (of one split part, when given) to the sink. {@code connection} must be in
     * a repeatable-read transaction; {@code pool} lends the workers their connections.
     */
    static void read(Connection connection, DataSource pool, long projectId, ExportSource source, Long seed,
            Splits.Part part, Sink sink) throws SQLException, IOException {
        String snapshot = exportSnapshot(connection);
        List<BlockingQueue<Object>> inboxes = new ArrayList<>();
        List<BlockingQueue<Object>> outboxes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            // One batch waiting on each side of a worker: enough to keep it busy, little enough for a 128 MB heap.
            BlockingQueue<Object> inbox = new ArrayBlockingQueue<>(1);
            BlockingQueue<Object> outbox = new ArrayBlockingQueue<>(1);
            inboxes.add(inbox);
            outboxes.add(outbox);
            threads.add(start("relata-export-annotations-" + w, () -> annotate(pool, snapshot, projectId, inbox, outbox)));
        }
        threads.add(start("relata-export-documents", () -> {
            int[] next = {0};
            try {
                DocumentRows.read(connection, projectId, source, seed, part,
                        batch -> inboxes.get(next[0]++ % WORKERS).put(batch));
                for (int w = 0; w < WORKERS; w++) {
                    inboxes.get((next[0] + w) % WORKERS).put(END);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                // In the place of the batch that failed, so that the writer meets it in order.
                pass(inboxes.get(next[0] % WORKERS), e);
            }
        }));
        try {
            for (int next = 0;; next++) {
                Object item = outboxes.get(next % WORKERS).take();
                if (item == END) {
                    break;
                }
                rethrow(item);
                for (ExDoc doc : ((ExportBatch) item).documents) {
                    sink.accept(doc);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        } finally {
            for (Thread thread : threads) {
                thread.interrupt();
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A worker: takes batches from its inbox, fills them, passes them (or what went wrong, or the end) on. */
    private static void annotate(DataSource pool, String snapshot, long projectId, BlockingQueue<Object> inbox,
            BlockingQueue<Object> outbox) {
        try {
            try (Connection connection = pool.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (Statement settings = connection.createStatement()) {
                    settings.execute("set transaction snapshot '" + snapshot + "'");
                }
                plannerSettings(connection);
                try (AnnotationRows annotations = new AnnotationRows(connection, projectId)) {
                    while (true) {
                        Object item = inbox.take();
                        if (item instanceof ExportBatch batch) {
                            annotations.fill(batch);
                        }
                        outbox.put(item);
                        if (!(item instanceof ExportBatch)) {
                            return;
                        }
                    }
                } finally {
                    connection.rollback();
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            pass(outbox, e);
        }
    }

    private static void pass(BlockingQueue<Object> queue, Throwable failure) {
        try {
            queue.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * For the export's transactions. Its queries fetch a batch's rows by layer id through an index; without fresh
     * statistics (right after a bulk load, or where autovacuum is off) the planner chose a full scan of the spans per
     * batch, 1,000 times slower. No parallel workers or JIT either: their start-up costs more than these short
     * queries take.
     */
    static void plannerSettings(Connection connection) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("set local enable_seqscan = off");
            settings.execute("set local max_parallel_workers_per_gather = 0");
            settings.execute("set local jit = off");
        }
    }

    /** The id of the caller's snapshot, which the workers' transactions import. */
    private static String exportSnapshot(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_export_snapshot()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static Thread start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void rethrow(Object item) throws SQLException, IOException {
        if (item instanceof SQLException e) {
            throw e;
        }
        if (item instanceof IOException e) {
            throw e;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        if (item instanceof Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
