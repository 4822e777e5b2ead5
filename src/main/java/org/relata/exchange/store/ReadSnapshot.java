package org.relata.exchange.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One consistent read of many tables for an export or an archive: a repeatable-read transaction that is always rolled
 * back, after which the pooled connection gets its usual settings back.
 */
public final class ReadSnapshot {

    private ReadSnapshot() {
    }

    public interface Reading {
        void read(Connection connection) throws SQLException, IOException;
    }

    /** Runs the reading in the snapshot; readOnly also marks the transaction read-only for the time of it. */
    public static void run(Connection connection, boolean readOnly, Reading reading) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            if (readOnly) {
                connection.setReadOnly(true);
            }
            reading.read(connection);
        } finally {
            connection.rollback();
            if (readOnly) {
                connection.setReadOnly(false);
            }
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(autoCommit);
        }
    }
}
