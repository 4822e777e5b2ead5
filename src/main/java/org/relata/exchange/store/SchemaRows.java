package org.relata.exchange.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The label catalog's plain JDBC on the import's connection (its transaction): reads the rows of one project's schema
 * tables, inserts and updates them. JSON columns go through {@link #json}/{@link #list}.
 */
final class SchemaRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final long projectId;

    SchemaRows(Connection connection, long projectId) {
        this.connection = connection;
        this.projectId = projectId;
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Reads every row of this project's schema table that the query selects. */
    void eachRow(String sql, RowReader reader) throws SQLException {
        try (PreparedStatement s = prepare(sql, projectId); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                reader.read(r);
            }
        }
    }

    /**
     * Reads the rows as {@link #eachRow} does, from a table whose rows are ordered by a position, the query's last
     * column, and answers the position a new row takes: one past the highest.
     */
    int eachPositionedRow(String sql, RowReader reader) throws SQLException {
        int[] next = {0};
        eachRow(sql, r -> {
            reader.read(r);
            next[0] = Math.max(next[0], r.getInt(r.getMetaData().getColumnCount()) + 1);
        });
        return next[0];
    }

    /** Inserts one row of this project's schema table, the project's id its first parameter, and answers its id. */
    long insert(String sql, Object... parameters) throws SQLException {
        Object[] withProject = new Object[parameters.length + 1];
        withProject[0] = projectId;
        System.arraycopy(parameters, 0, withProject, 1, parameters.length);
        try (PreparedStatement s = prepare(sql, withProject); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepare(sql, parameters)) {
            s.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }

    /** A value as JSON text for a jsonb column. */
    static String json(Object value) throws SQLException {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }

    /** A jsonb array read back as a list that may grow. */
    static <T> List<T> list(String json, Class<T[]> type) throws SQLException {
        try {
            return new ArrayList<>(List.of(JSON.readValue(json, type)));
        } catch (JsonProcessingException e) {
            throw new SQLException(e);
        }
    }
}
