package org.relata.exchange.archive;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.JsonOut;

/**
 * The whole schema of a project as the archive's schema.json holds it: entity types, relation types with their
 * allowed pairs, attributes, event types with their roles, and the link resources; display names and positions
 * included. Types are named, never numbered: ids belong to one database.
 */
final class ArchiveSchema {

    private ArchiveSchema() {
    }

    static Map<String, Object> read(Connection connection, long projectId) throws SQLException, IOException {
        Map<String, Object> schema = new LinkedHashMap<>();
        Map<Long, String> entityNames = new LinkedHashMap<>();
        schema.put("entityTypes", rows(connection, "select id, name, color, hotkey, display_name, position"
                + " from entity_types where project_id = ? order by position, id", projectId, r -> {
                    entityNames.put(r.getLong(1), r.getString(2));
                    return columns(r, 2, "name", "color", "hotkey", "displayName", "position");
                }));
        Map<Long, List<Map<String, Object>>> pairs = new LinkedHashMap<>();
        rows(connection, "select relation_type_id, head_type_id, tail_type_id from relation_type_pairs"
                + " where project_id = ? order by relation_type_id, head_type_id, tail_type_id", projectId, r -> {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("head", entityNames.get(r.getLong(2)));
                    pair.put("tail", entityNames.get(r.getLong(3)));
                    pairs.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(pair);
                    return pair;
                });
        schema.put("relationTypes", rows(connection, "select id, name, color, hotkey, directed, display_name, position"
                + " from relation_types where project_id = ? order by position, id", projectId, r -> {
                    Map<String, Object> type = columns(r, 2, "name", "color", "hotkey", "directed", "displayName",
                            "position");
                    List<Map<String, Object>> allowed = new ArrayList<>(pairs.getOrDefault(r.getLong(1), List.of()));
                    allowed.sort(java.util.Comparator.comparing((Map<String, Object> p) -> (String) p.get("head"))
                            .thenComparing(p -> (String) p.get("tail")));
                    type.put("allowed", allowed);
                    return type;
                }));
        schema.put("attributes", rows(connection, "select name, target, allowed_values::text, position"
                + " from attribute_defs where project_id = ? order by position, id", projectId, r -> {
                    Map<String, Object> attribute = columns(r, 1, "name", "on");
                    attribute.put("values", r.getString(3) == null ? null : json(r.getString(3)));
                    attribute.put("position", r.getInt(4));
                    return attribute;
                }));
        schema.put("eventTypes", rows(connection, "select name, roles::text, position from event_types"
                + " where project_id = ? order by position, id", projectId, r -> {
                    Map<String, Object> type = new LinkedHashMap<>();
                    type.put("name", r.getString(1));
                    type.put("roles", json(r.getString(2)));
                    type.put("position", r.getInt(3));
                    return type;
                }));
        List<Object> resources = rows(connection, "select link_resources::text from projects where id = ?", projectId,
                r -> json(r.getString(1)));
        schema.put("linkResources", resources.get(0));
        return schema;
    }

    private static Object json(String text) throws SQLException {
        try {
            return JsonOut.JSON.readTree(text);
        } catch (IOException e) {
            throw new SQLException("Unreadable JSON in the schema: " + e.getMessage(), e);
        }
    }

    /**
     * The row's columns, from the first given on, as a map under these names in that order. getObject reads them as the
     * typed getters would for the text, numeric, and never-null int and boolean columns read this way.
     */
    static Map<String, Object> columns(ResultSet r, int first, String... names) throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i], r.getObject(first + i));
        }
        return columns;
    }

    interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    static <T> List<T> rows(Connection connection, String sql, long projectId, Row<T> row) throws SQLException {
        List<T> result = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, projectId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(row.read(r));
                }
            }
        }
        return result;
    }
}
