package org.relata.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises "the database cannot be reached" in whatever wrapping it arrives (Hibernate, Agroal's pool, the
 * PostgreSQL driver), so that it is answered 503 with Retry-After (try again shortly) instead of 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait: about what a PostgreSQL restart or fail-over takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            // SQLSTATE class 08 is "connection exception"; 57P01-57P03 are the server shutting down or starting.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            // Agroal's pool when no connection could be had in time.
            if (t instanceof SQLException && String.valueOf(t.getMessage()).contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Whether an SQLException with this SQLSTATE is somewhere in the chain of causes. */
    public static boolean sqlState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static Response response() {
        return Response.fromResponse(ApiExceptionMappers.respond(503,
                ApiError.of("The database cannot be reached at the moment; try again in a few seconds.")))
                .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).build();
    }
}
