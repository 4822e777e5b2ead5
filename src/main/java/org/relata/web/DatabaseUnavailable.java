package org.relata.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

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

    /**
     * Searches the causes and the suppressed exceptions: a commit that fails because PostgreSQL went away arrives as
     * the transaction manager's RollbackException, whose connection error is a suppressed XAException's cause.
     */
    public static boolean causedBy(Throwable error) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> open = new ArrayDeque<>();
        if (error != null) {
            open.push(error);
        }
        while (!open.isEmpty()) {
            Throwable t = open.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (unreachable(t)) {
                return true;
            }
            if (t.getCause() != null) {
                open.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                open.push(suppressed);
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable t) {
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
        return t instanceof SQLException && String.valueOf(t.getMessage()).contains("Acquisition timeout");
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
