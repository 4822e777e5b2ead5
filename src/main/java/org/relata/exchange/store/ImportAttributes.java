package org.relata.exchange.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportError;
import org.relata.schema.SchemaLimits;
import org.relata.schema.SchemaRules;

/**
 * A project's span and relation attributes during an import: each value checked against the schema and, with
 * createLabels, attributes and listed values added (never past the limits).
 */
final class ImportAttributes {

    static final class AttrDef {
        final long id;
        /** null: boolean. */
        List<String> values;

        AttrDef(long id, List<String> values) {
            this.id = id;
            this.values = values;
        }
    }

    private final SchemaRows rows;
    private final SchemaLimits limits;
    private final Map<String, AttrDef> attributes = new HashMap<>();
    private int attributePosition;

    ImportAttributes(SchemaRows rows, SchemaLimits limits) throws SQLException {
        this.rows = rows;
        this.limits = limits;
        attributePosition = rows.eachPositionedRow("select id, target, name, allowed_values::text, position"
                + " from attribute_defs where project_id = ?", r -> attributes.put(r.getString(2) + "/" + r.getString(3),
                        new AttrDef(r.getLong(1), values(r.getString(4)))));
    }

    /** Checks every attribute of a span ("span") or relation ("relation") against the schema. */
    void check(String target, Map<String, Object> values, boolean create, ExDoc.Where where) throws SQLException {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            AttrDef def = attributes.get(target + "/" + name);
            if (def == null) {
                if (!create) {
                    throw ImportError.at(where, "." + name, "Unknown " + target + " attribute '" + name
                            + "'; add it to the schema or import with createLabels=true.");
                }
                def = define(target, name, value instanceof String s ? List.of(s) : null, where);
            }
            SchemaRules.AttributeFit fit = SchemaRules.fit(def.values, value);
            if (fit == SchemaRules.AttributeFit.WRONG_KIND) {
                throw ImportError.at(where, "." + name, def.values == null
                        ? "Attribute '" + name + "' is yes/no: give true or false, not " + value + "."
                        : "Attribute '" + name + "' takes one of " + def.values + ", not " + value + ".");
            }
            if (fit == SchemaRules.AttributeFit.UNLISTED) {
                String s = (String) value;
                if (!create) {
                    throw ImportError.at(where, "." + name, "Attribute '" + name + "' takes one of " + def.values + ", not '" + s
                            + "'; import with createLabels=true to add the value.");
                }
                if (!SchemaLimits.fits(s, limits.maxTextLength())) {
                    throw ImportError.at(where, "." + name, SchemaLimits.tooLong("An attribute value", limits.maxTextLength()));
                }
                def.values.add(s);
                saveValues(def);
            }
        }
    }

    AttrDef define(String target, String name, List<String> values, ExDoc.Where where) throws SQLException {
        AttrDef existing = attributes.get(target + "/" + name);
        if (existing != null) {
            if (existing.values != null && values != null && !existing.values.containsAll(values)) {
                values.stream().filter(v -> !existing.values.contains(v)).forEach(existing.values::add);
                saveValues(existing);
            }
            return existing;
        }
        LabelCatalog.checkName(name, where);
        LabelCatalog.checkRoom(attributes.size(), limits.maxAttributes(), "attributes", "max-attributes", where);
        long id = rows.insert("insert into attribute_defs (project_id, name, target, allowed_values, position)"
                + " values (?, ?, ?, ?::jsonb, ?) returning id", name, target, values == null ? null : SchemaRows.json(values),
                attributePosition++);
        AttrDef def = new AttrDef(id, values == null ? null : new ArrayList<>(values));
        attributes.put(target + "/" + name, def);
        return def;
    }

    private void saveValues(AttrDef def) throws SQLException {
        rows.update("update attribute_defs set allowed_values = ?::jsonb where id = ?",
                def.values == null ? null : SchemaRows.json(def.values), def.id);
    }

    private static List<String> values(String json) throws SQLException {
        return json == null ? null : SchemaRows.list(json, String[].class);
    }
}
