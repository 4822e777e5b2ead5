package org.relata.exchange.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.ImportSink;
import org.relata.schema.SchemaLimits;
import org.relata.schema.SchemaRules;

/**
 * A project's schema during an import, read once and looked up per span. With createLabels it adds what a file
 * needs (in the import's transaction, so a failed import adds nothing).
 */
final class LabelCatalog {

    static final class RelType {
        final long id;
        final String name;
        boolean directed;
        /** Allowed (head type id, tail type id) pairs; empty means any pair. */
        final Set<List<Long>> pairs = new HashSet<>();
        /** Defined by this import (so its rules may still be set from the file's annotation.conf). */
        boolean definedHere;

        RelType(long id, String name, boolean directed) {
            this.id = id;
            this.name = name;
            this.directed = directed;
        }

        boolean allows(long head, long tail) {
            return SchemaRules.allows(directed, !pairs.isEmpty(), (h, t) -> pairs.contains(List.of(h, t)), head, tail);
        }
    }

    private final ImportEventTypes eventTypes;
    private final SchemaRows rows;
    private final long projectId;
    private final Map<String, Long> entityTypes = new HashMap<>();
    private final Map<Long, String> entityNames = new HashMap<>();
    private final Map<String, RelType> relationTypes = new HashMap<>();
    /**
     * The types by {@link SchemaRules#key} (NFC, case-folded): a file's 'Country' finds the project's 'COUNTRY'
     * rather than adding a second type (issue 19 finding 7, issue 20 item 3). Of a pair stored before names were
     * unique this way, the first (oldest) answers.
     */
    private final Map<String, Long> entityKeys = new HashMap<>();
    private final Map<String, RelType> relationKeys = new HashMap<>();
    private int entityPosition;
    private int relationPosition;
    private final ImportAttributes attributes;
    private final SchemaLimits limits;
    /** The request's labelMap: a file's label → the project label it stands for (issue 20 item 3). */
    private final Map<String, String> labelMap;
    /** Entity type ids this import defined. */
    private final Set<Long> definedHere = new HashSet<>();
    /** What each label of the file became, by kind and file label, for the answer (and the import page's preview). */
    private final Map<String, ImportedLabel> used = new java.util.TreeMap<>();

    LabelCatalog(Connection connection, long projectId, SchemaLimits limits, Map<String, String> labelMap)
            throws SQLException {
        this.rows = new SchemaRows(connection, projectId);
        this.projectId = projectId;
        this.limits = limits;
        this.labelMap = labelMap == null ? Map.of() : labelMap;
        entityPosition = rows.eachPositionedRow("select id, name, position from entity_types where project_id = ?"
                + " order by id", r -> {
                    entityTypes.put(r.getString(2), r.getLong(1));
                    entityKeys.putIfAbsent(SchemaRules.key(r.getString(2)), r.getLong(1));
                    entityNames.put(r.getLong(1), r.getString(2));
                });
        Map<Long, RelType> byId = new HashMap<>();
        relationPosition = rows.eachPositionedRow("select id, name, directed, position from relation_types"
                + " where project_id = ? order by id", r -> {
                    RelType type = new RelType(r.getLong(1), r.getString(2), r.getBoolean(3));
                    relationTypes.put(type.name, type);
                    relationKeys.putIfAbsent(SchemaRules.key(type.name), type);
                    byId.put(type.id, type);
                });
        rows.eachRow("select relation_type_id, head_type_id, tail_type_id from relation_type_pairs where project_id = ?",
                r -> byId.get(r.getLong(1)).pairs.add(List.of(r.getLong(2), r.getLong(3))));
        eventTypes = new ImportEventTypes(rows);
        attributes = new ImportAttributes(rows, limits);
    }

    /** The project label a file's label stands for: its labelMap entry, else itself. */
    String mapped(String fileLabel) {
        String to = fileLabel == null ? null : labelMap.get(fileLabel);
        return to == null ? fileLabel : to;
    }

    /** The labels of the file, sorted by kind and name: what each became and whether this import defined it. */
    List<ImportedLabel> used() {
        return List.copyOf(used.values());
    }

    private void use(String kind, String fileLabel, String label, boolean defined) {
        used.putIfAbsent(kind + "\t" + fileLabel, new ImportedLabel(kind, fileLabel, label, defined));
    }

    boolean hasRelationType(String fileLabel) {
        return findRelationType(mapped(fileLabel)) != null;
    }

    /** The relation type a file's label stands for, which the catalog must hold. */
    RelType relationTypeByName(String fileLabel) {
        return findRelationType(mapped(fileLabel));
    }

    /** The entity type of that name: exactly, else in NFC case-folded; null when there is none. */
    private Long findEntityType(String name) {
        Long exact = entityTypes.get(name);
        return exact != null || name == null ? exact : entityKeys.get(SchemaRules.key(name));
    }

    private RelType findRelationType(String name) {
        RelType exact = relationTypes.get(name);
        return exact != null || name == null ? exact : relationKeys.get(SchemaRules.key(name));
    }

    String entityName(long id) {
        return entityNames.get(id);
    }

    /** The entity type a file's label stands for; with create, defined when the project has none. */
    long entityType(String fileLabel, boolean create, ExDoc.Where where) throws SQLException {
        String name = mapped(fileLabel);
        requireKnown(findEntityType(name) != null || create, "entity type", fileLabel, name, where);
        return defineEntityType(fileLabel, where);
    }

    /** createLabels may not grow the schema past its limits (issue 19, finding 2). */
    static void checkRoom(int count, int max, String what, String key, ExDoc.Where where) {
        if (count >= max) {
            throw ImportError.at(where, "The project has the most " + what + " allowed (" + max + ", relata.limits."
                    + key + "); this import would add more.");
        }
    }

    /** The entity type a file's label stands for, defined first when the project has none. */
    long defineEntityType(String fileLabel, ExDoc.Where where) throws SQLException {
        String name = mapped(fileLabel);
        Long existing = findEntityType(name);
        if (existing == null) {
            name = SchemaRules.normalize(name);
            checkName(name, where);
            checkRoom(entityTypes.size(), limits.maxEntityTypes(), "entity types", "max-entity-types", where);
            existing = rows.insert("insert into entity_types (project_id, name, color, position) values (?, ?, ?, ?) returning id",
                    name, SchemaRules.entityColor(entityPosition), entityPosition++);
            entityTypes.put(name, existing);
            entityKeys.putIfAbsent(SchemaRules.key(name), existing);
            entityNames.put(existing, name);
            definedHere.add(existing);
        }
        use("entity", fileLabel, entityNames.get(existing), definedHere.contains(existing));
        return existing;
    }

    RelType relationType(String fileLabel, boolean create, ExDoc.Where where) throws SQLException {
        String name = mapped(fileLabel);
        requireKnown(findRelationType(name) != null || create, "relation type", fileLabel, name, where);
        return defineRelationType(fileLabel, true, where);
    }

    private static void requireKnown(boolean known, String kind, String fileLabel, String name, ExDoc.Where where) {
        if (!known) {
            throw ImportError.at(where, "Unknown " + kind + " '" + name + "'"
                    + (name.equals(fileLabel) ? "" : " (labelMap's choice for '" + fileLabel + "')")
                    + "; add it to the schema, map it to a label the project has, or import with createLabels=true.");
        }
    }

    /** The relation type a file's label stands for, defined first when the project has none (kept as it is). */
    RelType defineRelationType(String fileLabel, boolean directed, ExDoc.Where where) throws SQLException {
        String name = mapped(fileLabel);
        RelType found = findRelationType(name);
        if (found != null) {
            use("relation", fileLabel, found.name, found.definedHere);
            return found;
        }
        name = SchemaRules.normalize(name);
        checkName(name, where);
        checkRoom(relationTypes.size(), limits.maxRelationTypes(), "relation types", "max-relation-types", where);
        long id = rows.insert("insert into relation_types (project_id, name, color, directed, position) values (?, ?, ?, ?, ?)"
                + " returning id", name, SchemaRules.relationColor(relationPosition), directed, relationPosition++);
        RelType type = new RelType(id, name, directed);
        type.definedHere = true;
        relationTypes.put(name, type);
        relationKeys.putIfAbsent(SchemaRules.key(name), type);
        use("relation", fileLabel, name, true);
        return type;
    }

    boolean hasEventType(String fileLabel) {
        return eventTypes.get(mapped(fileLabel)) != null;
    }

    /** The event type a file's label stands for; with create, defined (allowing any role) when the project has none. */
    ImportEventTypes.EventType eventType(String fileLabel, boolean create, ExDoc.Where where) throws SQLException {
        String name = mapped(fileLabel);
        requireKnown(eventTypes.get(name) != null || create, "event type", fileLabel, name, where);
        return defineEventType(fileLabel, List.of(), where);
    }

    /** Defines an event type with these roles; an existing type keeps its roles. */
    ImportEventTypes.EventType defineEventType(String fileLabel, List<ImportSink.EventRole> roles, ExDoc.Where where)
            throws SQLException {
        String name = mapped(fileLabel);
        ImportEventTypes.EventType existing = eventTypes.get(name);
        if (existing != null) {
            use("event", fileLabel, name, false);
            return existing;
        }
        checkName(name, where);
        checkRoom(eventTypes.size(), limits.maxEntityTypes(), "event types", "max-entity-types", where);
        ImportEventTypes.EventType type = eventTypes.define(name, roles);
        use("event", fileLabel, name, true);
        return type;
    }

    /** tools.conf's [normalization]: the resource joins the project's linkResources (kept once). */
    void allowLinkResource(String name, ExDoc.Where where) throws SQLException {
        if (!name.matches("[^\\s:]{1,100}")) {
            throw ImportError.at(where, "'" + name + "' cannot be a link resource: 1 to 100 characters without spaces or ':'.");
        }
        rows.update("update projects set link_resources = link_resources || jsonb_build_array(?::text)"
                + " where id = ? and not link_resources @> jsonb_build_array(?::text)", name, projectId, name);
    }

    /** visual.conf: a display name and colour for the type of that name (entity and relation types; absent: nothing). */
    void describe(String fileLabel, String displayName, String color) throws SQLException {
        String name = mapped(fileLabel);
        for (String table : List.of("entity_types", "relation_types")) {
            rows.update("update " + table + " set display_name = coalesce(?, display_name), color = coalesce(?, color)"
                    + " where project_id = ? and name = ?", displayName, color, projectId, name);
        }
    }


    /**
     * Checks that the relation type allows the pair. createLabels adds labels but never widens a type's argument
     * rules (issue 20 item 3): a forbidden pair is an error naming it, whether the type is the project's or was
     * just defined by the file's annotation.conf.
     */
    void checkPair(RelType type, long head, long tail, ExDoc.Where where) {
        if (!type.allows(head, tail)) {
            throw ImportError.at(where, "Relation type '" + type.name + "' does not allow " + entityNames.get(head)
                    + " → " + entityNames.get(tail) + "; allow that pair in the schema, or map the label to another"
                    + " relation type.");
        }
    }

    /**
     * Adds an allowed pair to a relation type this import defined (annotation.conf's [relations]). A type the
     * project had before keeps its rules as they are: an import never widens them.
     */
    void allowPair(RelType type, long head, long tail) throws SQLException {
        if (!type.definedHere || type.pairs.contains(List.of(head, tail))) {
            return;
        }
        rows.update("insert into relation_type_pairs (relation_type_id, project_id, head_type_id, tail_type_id) values (?, ?, ?, ?)",
                type.id, projectId, head, tail);
        type.pairs.add(List.of(head, tail));
    }

    /** Checks every attribute of a span ("span") or relation ("relation") against the schema. */
    void checkAttributes(String target, Map<String, Object> values, boolean create, ExDoc.Where where) throws SQLException {
        attributes.check(target, values, create, where);
    }

    ImportAttributes.AttrDef defineAttribute(String target, String name, List<String> values, ExDoc.Where where)
            throws SQLException {
        return attributes.define(target, name, values, where);
    }

    static void checkName(String name, ExDoc.Where where) {
        String problem = SchemaRules.nameProblem(SchemaRules.normalize(name), false, SchemaRules.NAME_MAX);
        if (problem != null) {
            throw ImportError.at(where, "'" + name + "' cannot be a label: " + problem
                    + " A label name has 1 to " + SchemaRules.NAME_MAX + " characters without spaces.");
        }
    }
}
