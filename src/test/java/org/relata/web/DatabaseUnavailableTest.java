package org.relata.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Guards issue 17 finding 8 (database away): the failures the driver, the pool and Hibernate raise while
 * PostgreSQL cannot be reached answer 503 with Retry-After, and other failures stay 500.
 */
class DatabaseUnavailableTest {

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    @Test
    void connectionFailuresInAnyWrappingAreRecognised() {
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(new PSQLException(
                "Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused")))));
        assertTrue(DatabaseUnavailable.causedBy(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLTransientConnectionException("gone"))));
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
    }

    /**
     * PostgreSQL restarted while a transaction committed (seen in DatabaseFaultsIT): the transaction manager's
     * RollbackException carries the connection error only as the cause of a suppressed XAException.
     */
    @Test
    void aCommitCutOffByARestartIsRecognised() {
        javax.transaction.xa.XAException commit = new javax.transaction.xa.XAException("Error trying to commit");
        commit.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        jakarta.transaction.RollbackException rolledBack = new jakarta.transaction.RollbackException(
                "Could not commit transaction.");
        rolledBack.addSuppressed(commit);
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(rolledBack)));
        assertEquals(503, mappers.unexpected(new RuntimeException(rolledBack)).getStatus());

        jakarta.transaction.RollbackException constraint = new jakarta.transaction.RollbackException("deferred check");
        constraint.addSuppressed(new SQLException("duplicate", "23505"));
        assertFalse(DatabaseUnavailable.causedBy(new RuntimeException(constraint)));
    }

    @Test
    void otherDatabaseErrorsAreNotMistakenForAnOutage() {
        assertFalse(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("duplicate", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a bug")));
    }

    @Test
    void theMapperAnswers503WithRetryAfter() {
        Response away = mappers.unexpected(new PersistenceException(new JDBCConnectionException("no connection",
                new SQLException("refused", "08001"))));
        assertEquals(503, away.getStatus());
        assertEquals(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS), away.getHeaderString("Retry-After"));
        assertEquals(500, mappers.unexpected(new IllegalStateException("a bug")).getStatus());
    }
}
