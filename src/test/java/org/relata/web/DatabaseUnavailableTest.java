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
