package org.relata.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.project.Project;
import org.relata.schema.Schema.AttributeSpec;
import org.relata.schema.Schema.EntityTypeSpec;
import org.relata.schema.Schema.Pair;
import org.relata.schema.Schema.RelationTypeSpec;
import org.relata.web.ApiException;

/**
 * Writes a checked schema over a project's stored one. Types are matched by id, else by name, so a rename keeps
 * every span and relation attached; a type still in use is not removed (409).
 */
@ApplicationScoped
class SchemaWriter {

    @Inject
    EntityManager em;

    @Inject
    LabelUses labelUses;

    /** Writes a schema already checked by {@link SchemaValidation#validate(Schema, Schema)}. */
    void write(Project project, Schema schema) {
        Map<String, EntityType> entityTypes = replaceEntityTypes(project, schema.entityTypesOrEmpty());
        replaceRelationTypes(project, schema.relationTypesOrEmpty(), entityTypes);
        replaceAttributes(project, schema.attributesOrEmpty());
        if (schema.linkResources() != null) {
            project.linkResources = schema.linkResources();
        }
        em.flush();
    }

    /**
     * A relation type's pairs may still name an entity type by the name it had before this very change
     * (the client renamed it by id): read such a name as the new one.
     */
    Schema followRenames(Project project, Schema schema) {
        Map<String, String> renamed = new HashMap<>();
        Set<String> newNames = new HashSet<>();
        Map<Long, String> oldNames = new HashMap<>();
        EntityType.inProject(project).forEach(t -> oldNames.put(t.id, t.name));
        for (EntityTypeSpec spec : schema.entityTypesOrEmpty()) {
            if (spec == null) {
                continue;
            }
            newNames.add(spec.name());
            String old = spec.id() == null ? null : oldNames.get(spec.id());
            if (old != null && !old.equals(spec.name())) {
                renamed.put(old, spec.name());
            }
        }
        if (renamed.isEmpty()) {
            return schema;
        }
        List<RelationTypeSpec> relations = schema.relationTypesOrEmpty().stream().map(r -> r == null ? null
                : new RelationTypeSpec(r.id(), r.name(), r.directed(), r.allowedOrEmpty().stream()
                        .map(p -> p == null ? null : new Pair(follow(p.head(), renamed, newNames),
                                follow(p.tail(), renamed, newNames)))
                        .toList(), r.color(), r.hotkey(), r.displayName()))
                .toList();
        return new Schema(schema.entityTypes(), relations, schema.attributes(), schema.linkResources());
    }

    private static String follow(String name, Map<String, String> renamed, Set<String> newNames) {
        return newNames.contains(name) ? name : renamed.getOrDefault(name, name);
    }

    private Map<String, EntityType> replaceEntityTypes(Project project, List<EntityTypeSpec> specs) {
        List<EntityType> existing = EntityType.inProject(project);
        Map<Long, EntityType> byId = new HashMap<>();
        Map<String, EntityType> byName = new HashMap<>();
        existing.forEach(t -> {
            byId.put(t.id, t);
            byName.put(t.name, t);
        });
        List<EntityType> kept = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            EntityTypeSpec spec = specs.get(i);
            EntityType type = match(spec.id(), spec.name(), byId, byName);
            kept.add(type);
        }
        Set<EntityType> removed = new HashSet<>(existing);
        kept.forEach(removed::remove);
        for (EntityType type : removed) {
            long uses = labelUses.spansLabelled(type.id);
            if (uses > 0) {
                throw ApiException.conflict("Entity type '" + type.name + "' labels " + uses
                        + " spans; relabel or delete them before removing the type.");
            }
        }
        if (!removed.isEmpty()) {
            // Pairs naming a removed type go with it, through the loaded relation types (orphan removal), so that no
            // loaded pair still points at a deleted type when the session flushes.
            for (RelationType relation : RelationType.inProject(project)) {
                relation.allowed.removeIf(p -> removed.contains(p.headType) || removed.contains(p.tailType));
            }
            em.flush();
            removed.forEach(EntityType::delete);
        }
        // Free names and hotkeys first so that swapping two of them does not trip the unique constraints.
        for (EntityType type : kept) {
            if (type != null && type.id != null) {
                type.name = "~" + type.id;
                type.hotkey = null;
            }
        }
        em.flush();
        Map<String, EntityType> result = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            EntityTypeSpec spec = specs.get(i);
            EntityType type = kept.get(i) == null ? new EntityType() : kept.get(i);
            type.project = project;
            type.name = spec.name();
            type.color = colorOr(spec.color(), type.color, SchemaRules.entityColor(i));
            type.displayName = spec.displayName() != null ? blankToNull(spec.displayName()) : type.displayName;
            type.hotkey = blankToNull(spec.hotkey());
            type.position = i;
            if (type.id == null) {
                type.persist();
            }
            result.put(type.name, type);
        }
        em.flush();
        return result;
    }

    private void replaceRelationTypes(Project project, List<RelationTypeSpec> specs, Map<String, EntityType> entityTypes) {
        List<RelationType> existing = RelationType.inProject(project);
        Map<Long, RelationType> byId = new HashMap<>();
        Map<String, RelationType> byName = new HashMap<>();
        existing.forEach(t -> {
            byId.put(t.id, t);
            byName.put(t.name, t);
        });
        List<RelationType> kept = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            kept.add(match(specs.get(i).id(), specs.get(i).name(), byId, byName));
        }
        Set<RelationType> removed = new HashSet<>(existing);
        kept.forEach(removed::remove);
        for (RelationType type : removed) {
            long uses = labelUses.relationsLabelled(type.id);
            if (uses > 0) {
                throw ApiException.conflict("Relation type '" + type.name + "' labels " + uses
                        + " relations; relabel or delete them before removing the type.");
            }
            type.delete();
        }
        for (RelationType type : kept) {
            if (type != null) {
                type.name = "~" + type.id;
                type.hotkey = null;
                type.allowed.clear();
            }
        }
        em.flush();
        for (int i = 0; i < specs.size(); i++) {
            RelationTypeSpec spec = specs.get(i);
            RelationType type = kept.get(i) == null ? new RelationType() : kept.get(i);
            type.project = project;
            type.name = spec.name();
            type.color = colorOr(spec.color(), type.color, SchemaRules.relationColor(i));
            type.displayName = spec.displayName() != null ? blankToNull(spec.displayName()) : type.displayName;
            type.hotkey = blankToNull(spec.hotkey());
            type.directed = spec.directed() == null || spec.directed();
            type.position = i;
            if (type.id == null) {
                type.persist();
            }
            Set<String> seen = new HashSet<>();
            for (Pair pair : spec.allowedOrEmpty()) {
                if (!seen.add(pair.head() + "\u0000" + pair.tail())) {
                    continue;
                }
                RelationTypePair allowed = new RelationTypePair();
                allowed.relationType = type;
                allowed.headType = entityTypes.get(pair.head());
                allowed.tailType = entityTypes.get(pair.tail());
                allowed.projectId = project.id;
                type.allowed.add(allowed);
            }
        }
        em.flush();
    }

    private void replaceAttributes(Project project, List<AttributeSpec> specs) {
        List<AttributeDef> existing = AttributeDef.inProject(project);
        Map<Long, AttributeDef> byId = new HashMap<>();
        Map<String, AttributeDef> byKey = new HashMap<>();
        existing.forEach(a -> {
            byId.put(a.id, a);
            byKey.put(a.target + "/" + a.name, a);
        });
        List<AttributeDef> kept = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            AttributeSpec spec = specs.get(i);
            String on = spec.on() == null ? AttributeDef.ON_SPAN : spec.on();
            kept.add(match(spec.id(), on + "/" + spec.name(), byId, byKey));
        }
        Set<AttributeDef> removed = new HashSet<>(existing);
        kept.forEach(removed::remove);
        removed.forEach(AttributeDef::delete);
        Map<AttributeDef, String> oldNames = new HashMap<>();
        for (AttributeDef def : kept) {
            if (def != null) {
                oldNames.put(def, def.name);
                def.name = "~" + def.id;
            }
        }
        em.flush();
        for (int i = 0; i < specs.size(); i++) {
            AttributeSpec spec = specs.get(i);
            AttributeDef def = kept.get(i) == null ? new AttributeDef() : kept.get(i);
            def.project = project;
            def.name = spec.name();
            def.target = spec.on() == null ? AttributeDef.ON_SPAN : spec.on();
            def.allowedValues = spec.values() == null ? null : List.copyOf(spec.values());
            def.position = i;
            if (def.id == null) {
                def.persist();
            } else if (!def.name.equals(oldNames.get(def))) {
                labelUses.renameAttribute(project.id, def.target, oldNames.get(def), def.name);
            }
        }
    }

    /**
     * By id when the id is one of this project's types (so a rename stays a rename), else by name. An id of
     * another project's type (a schema downloaded there and uploaded here) is ignored, not refused.
     */
    private static <T> T match(Long id, String key, Map<Long, T> byId, Map<String, T> byKey) {
        if (id != null) {
            T found = byId.get(id);
            if (found != null) {
                return found;
            }
        }
        return byKey.get(key);
    }

    private static String colorOr(String wanted, String current, String fresh) {
        if (wanted != null) {
            return wanted.toLowerCase(Locale.ROOT);
        }
        return current != null ? current : fresh;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
