package org.relata.exchange.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.relata.exchange.codec.ImportSink;

/**
 * A project's event types during an import (brat's [events]): read once, looked up by name, and defined with their
 * roles in the import's transaction (the label catalog checks the name and the limits first).
 */
final class ImportEventTypes {

    /** An event type; no roles: any role with any argument (a type made by createLabels, or [events] listing none). */
    record EventType(long id, String name, List<ImportSink.EventRole> roles) {
    }

    private final SchemaRows rows;
    private final Map<String, EventType> types = new HashMap<>();
    private int position;

    ImportEventTypes(SchemaRows rows) throws SQLException {
        this.rows = rows;
        position = rows.eachPositionedRow("select id, name, roles::text, position from event_types where project_id = ?",
                r -> types.put(r.getString(2), new EventType(r.getLong(1), r.getString(2),
                        SchemaRows.list(r.getString(3), ImportSink.EventRole[].class))));
    }

    /** The project's event type of exactly that name, or null. */
    EventType get(String name) {
        return types.get(name);
    }

    int size() {
        return types.size();
    }

    /** Defines a new event type with these roles (the caller knows the project has none of that name). */
    EventType define(String name, List<ImportSink.EventRole> roles) throws SQLException {
        long id = rows.insert("insert into event_types (project_id, name, roles, position) values (?, ?, ?::jsonb, ?) returning id",
                name, SchemaRows.json(roles), position++);
        EventType type = new EventType(id, name, new ArrayList<>(roles));
        types.put(name, type);
        return type;
    }
}
