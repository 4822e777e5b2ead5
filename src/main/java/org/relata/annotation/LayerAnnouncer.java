package org.relata.annotation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Announces a span write that was a transaction of its own after its commit, on the channel every instance's live
 * updates listen to. Announcing inside the writing transaction would make its commit take PostgreSQL's one
 * database-wide notify lock, which queued every writer behind every other (migration V21; issue 14, item 3). One
 * thread sends what has queued up, many announcements per statement, in the order the commits came. An instance that
 * stops between a commit and its announcement loses that announcement: open pages catch up with the next change or
 * reconnect, as after any lost stream.
 */
@ApplicationScoped
class LayerAnnouncer {

    private static final Logger LOG = Logger.getLogger(LayerAnnouncer.class);

    /** The channel of migration V12, which workflow.live's listener reads. */
    private static final String SEND = "select count(pg_notify('relata_layer', p)) from unnest(?) as p";

    private static final int BATCH = 500;

    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

    private volatile Thread sender;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AgroalDataSource database;

    /** Queues the announcement for when the current transaction commits; nothing when it rolls back. */
    void afterCommit(String payload) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    queue.add(payload);
                }
            }
        });
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::sendAsTheyCome, "relata-layer-announcer");
        thread.setDaemon(true);
        sender = thread;
        thread.start();
    }

    /** Sends what is still queued before the connections close. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        Thread thread = sender;
        if (thread != null) {
            thread.interrupt();
            thread.join(2_000);
        }
        List<String> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            send(left);
        }
    }

    private void sendAsTheyCome() {
        List<String> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            send(batch);
            batch.clear();
        }
    }

    private void send(List<String> payloads) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(SEND)) {
            statement.setArray(1, connection.createArrayOf("text", payloads.toArray()));
            statement.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("%d live-update announcements were not sent (open pages catch up with the next change): %s",
                    payloads.size(), e.getMessage());
        }
    }
}
