package org.relata.exchange.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.JsonOut;
import org.relata.schema.SchemaRules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Stores schema.json in the new project and keeps what the documents are checked against: the types by name (with
 * their new ids) and the attributes with their allowed values. Every problem is a 400 naming the field of
 * schema.json.
 */
final class ArchiveCatalog {

    final Map<String, Long> entityTypes = new HashMap<>();
    final Map<String, Long> relationTypes = new HashMap<>();
    final Map<String, Long> eventTypes = new HashMap<>();
    /** "span:name" or "relation:name" → allowed values (null: a true/false attribute). */
    final Map<String, List<String>> attributes = new HashMap<>();

    private final Connection connection;
    private final long projectId;
    private final ArchiveFields fields = new ArchiveFields(ArchiveFormat.SCHEMA, null);

    private ArchiveCatalog(Connection connection, long projectId) {
        this.connection = connection;
        this.projectId = projectId;
    }

    static ArchiveCatalog store(Connection connection, long projectId, JsonNode schema) {
        ArchiveCatalog catalog = new ArchiveCatalog(connection, projectId);
        catalog.store(schema);
        return catalog;
    }

    private void store(JsonNode schema) {
        eachOf(schema, "entityTypes", (t, i, at) -> {
            String name = fields.string(t, at, "name");
            long id = insert(at, "insert into entity_types (project_id, name, color, hotkey, display_name, position)"
                    + " values (?, ?, ?, ?, ?, ?) returning id", name, fields.string(t, at, "color"),
                    fields.optionalString(t, at, "hotkey"), fields.optionalString(t, at, "displayName"),
                    (int) fields.optionalLong(t, at, "position", i));
            entityTypes.put(name, id);
        });
        eachOf(schema, "relationTypes", (t, i, at) -> {
            String name = fields.string(t, at, "name");
            long id = insert(at, "insert into relation_types (project_id, name, color, hotkey, directed, display_name,"
                    + " position) values (?, ?, ?, ?, ?, ?, ?) returning id", name, fields.string(t, at, "color"),
                    fields.optionalString(t, at, "hotkey"), fields.bool(t, at, "directed", true),
                    fields.optionalString(t, at, "displayName"), (int) fields.optionalLong(t, at, "position", i));
            relationTypes.put(name, id);
            JsonNode allowed = fields.array(t, at, "allowed");
            for (int p = 0; p < allowed.size(); p++) {
                String pairAt = at + ".allowed[" + p + "]";
                insert(pairAt, "insert into relation_type_pairs (project_id, relation_type_id, head_type_id, tail_type_id)"
                        + " values (?, ?, ?, ?) returning relation_type_id", id,
                        entityType(allowed.get(p), pairAt, "head"), entityType(allowed.get(p), pairAt, "tail"));
            }
        });
        eachOf(schema, "attributes", (a, i, at) -> {
            String name = fields.string(a, at, "name");
            String on = fields.string(a, at, "on");
            JsonNode values = a.get("values");
            List<String> allowed = null;
            if (values != null && !values.isNull()) {
                if (!values.isArray()) {
                    throw fields.error(at + ".values", "'values' must be an array of strings, or null for true/false.");
                }
                allowed = new ArrayList<>();
                for (JsonNode v : values) {
                    allowed.add(v.asText());
                }
            }
            insert(at, "insert into attribute_defs (project_id, name, target, allowed_values, position)"
                    + " values (?, ?, ?, cast(? as jsonb), ?) returning id", name, on,
                    values == null || values.isNull() ? null : values.toString(), (int) fields.optionalLong(a, at, "position", i));
            attributes.put(on + ":" + name, allowed);
        });
        eachOf(schema, "eventTypes", (t, i, at) -> {
            String name = fields.string(t, at, "name");
            long id = insert(at, "insert into event_types (project_id, name, roles, position) values (?, ?, cast(? as jsonb), ?)"
                    + " returning id", name, fields.array(t, at, "roles").toString(), (int) fields.optionalLong(t, at, "position", i));
            eventTypes.put(name, id);
        });
        JsonNode resources = fields.array(schema, "$", "linkResources");
        for (int i = 0; i < resources.size(); i++) {
            if (!resources.get(i).isTextual()) {
                throw fields.error("$.linkResources[" + i + "]", "A link resource is a name (a string).");
            }
        }
        insert("$.linkResources", "update projects set link_resources = cast(? as jsonb) where id = ? returning id",
                resources.toString(), projectId);
    }

    /** One element of a schema array, its index and its path for errors ("$.entityTypes[2]"). */
    private interface Element {
        void store(JsonNode element, int index, String at);
    }

    /** Stores every element of the schema's array {@code name} (which must be there), in order. */
    private void eachOf(JsonNode schema, String name, Element element) {
        JsonNode array = fields.array(schema, "$", name);
        for (int i = 0; i < array.size(); i++) {
            element.store(array.get(i), i, "$." + name + "[" + i + "]");
        }
    }

    private long entityType(JsonNode pair, String at, String side) {
        String name = fields.string(pair, at, side);
        Long id = entityTypes.get(name);
        if (id == null) {
            throw fields.error(at + "." + side, "'" + name + "' is no entity type of this schema.");
        }
        return id;
    }

    /** Runs one statement (the project id goes first unless the SQL starts with update); answers the returned id. */
    private long insert(String at, String sql, Object... values) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            int p = 1;
            if (!sql.startsWith("update")) {
                s.setLong(p++, projectId);
            }
            for (Object value : values) {
                s.setObject(p++, value);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw fields.error(at, "This entry does not fit a Relata schema: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Why these attributes do not fit the schema (null when they fit). */
    String attributeProblem(String on, JsonNode values) {
        if (values == null || values.isNull()) {
            return null;
        }
        if (!values.isObject()) {
            return "attributes must be a JSON object.";
        }
        for (var it = values.fields(); it.hasNext();) {
            var entry = it.next();
            String key = on + ":" + entry.getKey();
            if (!attributes.containsKey(key)) {
                return "the schema has no " + on + " attribute '" + entry.getKey() + "'.";
            }
            Object value = JsonOut.JSON.convertValue(entry.getValue(), Object.class);
            if (SchemaRules.fit(attributes.get(key), value) != SchemaRules.AttributeFit.FITS) {
                return "attribute '" + entry.getKey() + "' has a value its definition does not allow: " + entry.getValue();
            }
        }
        return null;
    }
}
