package org.relata.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.persistence.IdentityEntity;
import org.relata.project.Project;
import org.relata.schema.Schema.AttributeSpec;
import org.relata.schema.Schema.EntityTypeSpec;
import org.relata.schema.Schema.LabelSpec;
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
        List<EntityType> kept = matchAll(existing, t -> t.name, specs, EntityTypeSpec::id, EntityTypeSpec::name);
        Set<EntityType> removed = notKept(existing, kept);
        refuseInUse(removed, t -> labelUses.spansLabelled(t.id), "Entity type", "spans");
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
            label(type, spec, project, i, SchemaRules.entityColor(i));
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
        List<RelationType> kept = matchAll(existing, t -> t.name, specs, RelationTypeSpec::id, RelationTypeSpec::name);
        Set<RelationType> removed = notKept(existing, kept);
        refuseInUse(removed, t -> labelUses.relationsLabelled(t.id), "Relation type", "relations");
        removed.forEach(RelationType::delete);
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
            label(type, spec, project, i, SchemaRules.relationColor(i));
            type.directed = spec.directed() == null || spec.directed();
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
        // An attribute's name is unique per target (span or relation), so the target is part of its key.
        List<AttributeDef> kept = matchAll(existing, a -> a.target + "/" + a.name, specs, AttributeSpec::id,
                spec -> (spec.on() == null ? AttributeDef.ON_SPAN : spec.on()) + "/" + spec.name());
        notKept(existing, kept).forEach(AttributeDef::delete);
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
     * The existing row each spec keeps (null where the spec makes a new one), in the specs' order: matched by
     * {@link #match} on the spec's id and key, a row's key being {@code keyOf}.
     */
    private static <T extends IdentityEntity, S> List<T> matchAll(List<T> existing, Function<T, String> keyOf,
            List<S> specs, Function<S, Long> specId, Function<S, String> specKey) {
        Map<Long, T> byId = new HashMap<>();
        Map<String, T> byKey = new HashMap<>();
        for (T row : existing) {
            byId.put(row.id, row);
            byKey.put(keyOf.apply(row), row);
        }
        List<T> kept = new ArrayList<>();
        for (S spec : specs) {
            kept.add(match(specId.apply(spec), specKey.apply(spec), byId, byKey));
        }
        return kept;
    }

    /** 409 when a type to remove still labels annotations ({@code items}): they are relabelled or deleted first. */
    private static <T extends LabelType> void refuseInUse(Set<T> removed, ToLongFunction<T> uses, String kind,
            String items) {
        for (T type : removed) {
            long n = uses.applyAsLong(type);
            if (n > 0) {
                throw ApiException.conflict(kind + " '" + type.name + "' labels " + n + " " + items
                        + "; relabel or delete them before removing the type.");
            }
        }
    }

    /** The existing rows no spec keeps: they go. */
    private static <T> Set<T> notKept(List<T> existing, List<T> kept) {
        Set<T> removed = new HashSet<>(existing);
        kept.forEach(removed::remove);
        return removed;
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

    /**
     * Gives a type what its spec says of the label: name, colour (else the one it has, else {@code freshColor}),
     * display name (an absent one keeps the type's, an empty one clears it), hotkey and place in the list.
     */
    private static void label(LabelType type, LabelSpec spec, Project project, int position, String freshColor) {
        type.project = project;
        type.name = spec.name();
        type.color = colorOr(spec.color(), type.color, freshColor);
        type.displayName = spec.displayName() != null ? blankToNull(spec.displayName()) : type.displayName;
        type.hotkey = blankToNull(spec.hotkey());
        type.position = position;
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
