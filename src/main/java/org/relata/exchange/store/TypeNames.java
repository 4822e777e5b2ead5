package org.relata.exchange.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A project's entity or relation type names by id, read once so the rows of an export carry names, not ids. */
public final class TypeNames {

    private TypeNames() {
    }

    /** {@code table} is entity_types or relation_types: a constant of the caller, never user input. */
    public static Map<Long, String> of(Connection connection, String table, long projectId) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("select id, name from " + table + " where project_id = ?")) {
            s.setLong(1, projectId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.put(r.getLong(1), r.getString(2));
                }
            }
        }
        return names;
    }
}
