package org.relata.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.audit.AuditLog;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectMember;
import org.relata.project.ProjectSchemas;
import org.relata.project.Role;
import org.relata.schema.Schema.AttributeSpec;
import org.relata.schema.Schema.EntityTypeSpec;
import org.relata.schema.Schema.Pair;
import org.relata.schema.Schema.RelationTypeSpec;
import org.relata.user.User;
import org.relata.web.ApiException;

/**
 * Reads and replaces a project's schema. A replacement is checked whole before anything is written, and
 * types are matched by id (else by name) so that a rename keeps every span and relation attached.
 */
@ApplicationScoped
public class SchemaService implements ProjectSchemas {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    LabelUses labelUses;

    @Inject
    SchemaLimits limits;

    @Override
    public Schema read(Project project) {
        List<EntityTypeSpec> entities = EntityType.inProject(project).stream()
                .map(t -> new EntityTypeSpec(t.id, t.name, t.color, t.hotkey, t.displayName)).toList();
        List<RelationTypeSpec> relations = RelationType.inProject(project).stream()
                .map(t -> new RelationTypeSpec(t.id, t.name, t.directed,
                        t.allowed.stream()
                                .sorted(java.util.Comparator.<RelationTypePair>comparingInt(p -> p.headType.position)
                                        .thenComparingInt(p -> p.tailType.position))
                                .map(p -> new Pair(p.headType.name, p.tailType.name)).toList(),
                        t.color, t.hotkey, t.displayName))
                .toList();
        List<AttributeSpec> attributes = AttributeDef.inProject(project).stream()
                .map(a -> new AttributeSpec(a.id, a.name, a.target, a.allowedValues)).toList();
        return new Schema(entities, relations, attributes, project.linkResources);
    }

    @Override
    public SchemaView view(Project project) {
        return SchemaView.of(read(project));
    }

    /**
     * The version of a schema, as its ETag carries it: a digest of everything the API shows, ids included, so
     * that any change (and a type deleted and added again under its old name) gives another version.
     */
    public static String version(Schema schema) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(schema.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the schema and records who did it, with the schema before and after. */
    @Transactional
    public Schema replace(User actor, long projectId, Schema schema, String expectedVersion) {
        return edit(actor, projectId, expectedVersion, current -> schema);
    }

    /**
     * One change of the schema, made under the project row's lock so that concurrent changes of one project's
     * schema run one after the other (no lost update, and one lock order: no deadlock). The change sees the
     * schema as it is now. With {@code expectedVersion} (If-Match, or the version a page was rendered with) a
     * schema changed meanwhile answers 412; without it, a change may add and change types but not remove any
     * (409 naming them), since the caller cannot have seen what it would remove.
     */
    @Transactional
    public Schema edit(User actor, long projectId, String expectedVersion, java.util.function.UnaryOperator<Schema> change) {
        LockedSchema locked = lockForChange(actor, projectId, expectedVersion);
        Project project = locked.project();
        Schema before = locked.before();
        Schema schema = followRenames(project, normalized(change.apply(before)));
        validate(schema, before);
        if (expectedVersion == null) {
            List<String> removed = removedTypes(before, schema);
            if (!removed.isEmpty()) {
                throw ApiException.conflict("This would remove " + String.join(", ", removed)
                        + "; a change that removes types needs the version it is based on (If-Match with the ETag"
                        + " of GET .../schema).");
            }
        }
        Schema after = write(project, schema);
        audit.record(actor.id, project.id, "replace", "schema", project.id, before, after);
        return after;
    }

    /** What a merge did: the type merged (now gone), the type it went into, the annotations moved. */
    public record MergeResult(String merged, String into, long spans, long relations, long duplicatesRemoved) {
    }

    /** The project locked for one schema change, and its schema as it was before. */
    private record LockedSchema(Project project, Schema before) {
    }

    /**
     * Merges entity type {@code typeId} into {@code intoId}: its spans take the other type, the allowed pairs that
     * name it name the other type, and the type is removed; one audit event records the schema before and after.
     */
    @Transactional
    public MergeResult mergeEntityType(User actor, long projectId, long typeId, Long intoId, String expectedVersion) {
        LockedSchema plan = lockForChange(actor, projectId, expectedVersion);
        EntityType from = EntityType.findById(typeId);
        if (from == null || !from.project.id.equals(projectId)) {
            throw ApiException.notFound("No entity type " + typeId + " in this project.");
        }
        EntityType into = intoId == null ? null : EntityType.findById(intoId);
        checkInto(into == null || !into.project.id.equals(projectId) ? null : into.id, typeId, "entity type");
        String fromName = from.name;
        String intoName = into.name;
        em.flush();
        em.clear();
        long spans = labelUses.relabelSpans(typeId, into.id);
        em.createNativeQuery("insert into relation_type_pairs (relation_type_id, project_id, head_type_id, tail_type_id)"
                + " select relation_type_id, project_id, case when head_type_id = ?1 then ?2 else head_type_id end,"
                + " case when tail_type_id = ?1 then ?2 else tail_type_id end from relation_type_pairs"
                + " where project_id = ?3 and (head_type_id = ?1 or tail_type_id = ?1) on conflict do nothing")
                .setParameter(1, typeId).setParameter(2, into.id).setParameter(3, projectId).executeUpdate();
        em.createNativeQuery("delete from entity_types where id = ?1").setParameter(1, typeId).executeUpdate();
        MergeResult result = new MergeResult(fromName, intoName, spans, 0, 0);
        recordMerge(actor, plan, "entity_type", typeId, result);
        return result;
    }

    /**
     * Merges relation type {@code typeId} into {@code intoId}: its relations take the other type (one that would
     * repeat a relation of the other type between the same spans is removed), and the type is removed. The other
     * type's allowed pairs are not widened: when they forbid a pair the merged relations use, nothing changes (409
     * naming the pairs).
     */
    @Transactional
    public MergeResult mergeRelationType(User actor, long projectId, long typeId, Long intoId, String expectedVersion) {
        LockedSchema plan = lockForChange(actor, projectId, expectedVersion);
        RelationType from = RelationType.findById(typeId);
        if (from == null || !from.project.id.equals(projectId)) {
            throw ApiException.notFound("No relation type " + typeId + " in this project.");
        }
        RelationType into = intoId == null ? null : RelationType.findById(intoId);
        checkInto(into == null || !into.project.id.equals(projectId) ? null : into.id, typeId, "relation type");
        if (!into.allowed.isEmpty()) {
            Set<List<Long>> pairs = new HashSet<>();
            Map<Long, String> names = new HashMap<>();
            into.allowed.forEach(p -> pairs.add(List.of(p.headType.id, p.tailType.id)));
            EntityType.inProject(plan.project()).forEach(t -> names.put(t.id, t.name));
            List<String> forbidden = new ArrayList<>();
            for (long[] pair : labelUses.relationPairs(typeId)) {
                if (!SchemaRules.allows(into.directed, true, (h, t) -> pairs.contains(List.of(h, t)), pair[0], pair[1])) {
                    forbidden.add(names.get(pair[0]) + " → " + names.get(pair[1]));
                }
            }
            if (!forbidden.isEmpty()) {
                throw ApiException.conflictOn("Relation type '" + into.name + "' does not allow " + String.join(", ",
                        forbidden) + ", which relations of '" + from.name + "' connect; allow the pairs first. Nothing"
                        + " was merged.", "into");
            }
        }
        String fromName = from.name;
        String intoName = into.name;
        boolean directed = into.directed;
        em.flush();
        em.clear();
        long[] moved = labelUses.relabelRelations(typeId, into.id, directed);
        em.createNativeQuery("delete from relation_types where id = ?1").setParameter(1, typeId).executeUpdate();
        MergeResult result = new MergeResult(fromName, intoName, 0, moved[0], moved[1]);
        recordMerge(actor, plan, "relation_type", typeId, result);
        return result;
    }

    private static void checkInto(Long into, long typeId, String kind) {
        if (into == null) {
            throw ApiException.badField("Give the id of the " + kind + " of this project to merge into.", "into");
        }
        if (into == typeId) {
            throw ApiException.badField("A type cannot be merged into itself.", "into");
        }
    }

    /** The project row locked for a schema change, after the role and the version (If-Match) are checked. */
    private LockedSchema lockForChange(User actor, long projectId, String expectedVersion) {
        Project project = em.find(Project.class, projectId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw ProjectAccess.notFound();
        }
        requireManager(actor, project);
        Schema before = read(project);
        String current = version(before);
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw new ApiException(412, org.relata.web.ApiError.of("The schema changed since you read it (you had version "
                    + expectedVersion + ", now " + current + "); nothing was saved. Read it again and repeat your change."));
        }
        return new LockedSchema(project, before);
    }

    /** One audit event for the whole merge: the schema before and after, and what moved. */
    private void recordMerge(User actor, LockedSchema plan, String entity, long typeId, MergeResult result) {
        Schema after = read(em.find(Project.class, plan.project().id));
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("merge", result);
        change.put("schema", after);
        audit.record(actor.id, plan.project().id, "merge", entity, typeId, plan.before(), change);
    }

    /** The schema's version now, for the answer's ETag. */
    public String currentVersion(long projectId) {
        return version(read(em.find(Project.class, projectId)));
    }

    /**
     * Checked again here, not only at the door: a resource that asked for the wrong role (or none) must not let an
     * annotator change the labels everyone works with.
     */
    private static void requireManager(User actor, Project project) {
        ProjectMember member = ProjectMember.of(project, actor);
        boolean manager = member != null && member.role == Role.MANAGER;
        if (!actor.admin && !manager) {
            throw member == null ? ProjectAccess.notFound()
                    : ApiException.forbidden("Only a manager of the project changes its labels.");
        }
    }

    /**
     * The types and attributes of {@code before} that {@code after} does not keep, matched as the replacement
     * matches them: by id, else by name.
     */
    static List<String> removedTypes(Schema before, Schema after) {
        List<String> removed = new ArrayList<>();
        removed.addAll(notKept("entity type", before.entityTypesOrEmpty(), after.entityTypesOrEmpty(),
                EntityTypeSpec::id, EntityTypeSpec::name, EntityTypeSpec::name));
        removed.addAll(notKept("relation type", before.relationTypesOrEmpty(), after.relationTypesOrEmpty(),
                RelationTypeSpec::id, RelationTypeSpec::name, RelationTypeSpec::name));
        java.util.function.Function<AttributeSpec, String> key =
                a -> (a.on() == null ? AttributeDef.ON_SPAN : a.on()) + "/" + a.name();
        removed.addAll(notKept("attribute", before.attributesOrEmpty(), after.attributesOrEmpty(),
                AttributeSpec::id, key, AttributeSpec::name));
        return removed;
    }

    private static <T> List<String> notKept(String kind, List<T> before, List<T> after,
            java.util.function.Function<T, Long> id, java.util.function.Function<T, String> key,
            java.util.function.Function<T, String> name) {
        Map<String, Long> idByKey = new HashMap<>();
        before.forEach(t -> idByKey.put(key.apply(t), id.apply(t)));
        Set<Long> known = new HashSet<>(idByKey.values());
        Set<Long> kept = new HashSet<>();
        for (T t : after) {
            if (t != null) {
                // An id of another project's type (an uploaded schema) is ignored, as the replacement ignores it.
                Long own = id.apply(t);
                kept.add(own != null && known.contains(own) ? own : idByKey.get(key.apply(t)));
            }
        }
        return before.stream().filter(t -> !kept.contains(id.apply(t)))
                .map(t -> kind + " '" + name.apply(t) + "'").toList();
    }

    @Override
    @Transactional
    public Schema replace(Project project, Schema schema) {
        schema = followRenames(project, normalized(schema));
        validate(schema, read(project));
        return write(project, schema);
    }

    /** Writes a schema already checked by {@link #validate(Schema)}. */
    private Schema write(Project project, Schema schema) {
        Map<String, EntityType> entityTypes = replaceEntityTypes(project, schema.entityTypesOrEmpty());
        replaceRelationTypes(project, schema.relationTypesOrEmpty(), entityTypes);
        replaceAttributes(project, schema.attributesOrEmpty());
        if (schema.linkResources() != null) {
            project.linkResources = schema.linkResources();
        }
        em.flush();
        return read(project);
    }

    /**
     * A relation type's pairs may still name an entity type by the name it had before this very change
     * (the client renamed it by id): read such a name as the new one.
     */
    private Schema followRenames(Project project, Schema schema) {
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

    /** The schema with every name (types, pairs, attributes) in Unicode normal form C, as names are stored. */
    static Schema normalized(Schema schema) {
        if (schema == null) {
            return null;
        }
        return new Schema(
                schema.entityTypes() == null ? null : schema.entityTypes().stream().map(t -> t == null ? null
                        : new EntityTypeSpec(t.id(), SchemaRules.normalize(t.name()), t.color(), t.hotkey(),
                                t.displayName())).toList(),
                schema.relationTypes() == null ? null : schema.relationTypes().stream().map(r -> r == null ? null
                        : new RelationTypeSpec(r.id(), SchemaRules.normalize(r.name()), r.directed(),
                                r.allowed() == null ? null : r.allowed().stream().map(p -> p == null ? null
                                        : new Pair(SchemaRules.normalize(p.head()), SchemaRules.normalize(p.tail())))
                                        .toList(), r.color(), r.hotkey(), r.displayName())).toList(),
                schema.attributes() == null ? null : schema.attributes().stream().map(a -> a == null ? null
                        : new AttributeSpec(a.id(), SchemaRules.normalize(a.name()), a.on(), a.values())).toList(),
                schema.linkResources() == null ? null : schema.linkResources().stream()
                        .map(r -> r == null ? null : r.strip()).distinct().toList());
    }

    /**
     * Two types of one kind may not share a name compared case-insensitively in normal form C
     * ({@link SchemaRules#key}). A pair that exists already (both names stored as they are) is let through until
     * a manager merges it, so that a project holding one can still change its schema.
     */
    private static void checkUnique(Map<String, String> seen, Set<String> stored, String name, String kind, String at) {
        String first = seen.putIfAbsent(SchemaRules.key(name), name);
        if (first != null && !first.equals(name) && !(stored.contains(first) && stored.contains(name))) {
            throw ApiException.conflictOn(kind + " '" + name + "' differs from '" + first
                    + "' only in case or Unicode form; names are unique regardless of both.", at + ".name");
        }
    }

    /** Checks the whole schema before anything is written: names, colours, hotkeys, pairs. */
    void validate(Schema schema) {
        validate(schema, new Schema(null, null, null));
    }

    /** As {@link #validate(Schema)}, {@code stored} being the schema as it is now. */
    void validate(Schema schema, Schema stored) {
        Set<String> storedEntities = new HashSet<>();
        stored.entityTypesOrEmpty().forEach(t -> storedEntities.add(t.name()));
        Set<String> storedRelations = new HashSet<>();
        stored.relationTypesOrEmpty().forEach(t -> storedRelations.add(t.name()));
        Map<String, String> entityKeys = new HashMap<>();
        Map<String, String> relationKeys = new HashMap<>();
        checkCount(schema.entityTypesOrEmpty().size(), limits.maxEntityTypes(), "entity types", "max-entity-types",
                "$.entityTypes");
        checkCount(schema.relationTypesOrEmpty().size(), limits.maxRelationTypes(), "relation types",
                "max-relation-types", "$.relationTypes");
        checkCount(schema.attributesOrEmpty().size(), limits.maxAttributes(), "attributes", "max-attributes",
                "$.attributes");
        List<String> resources = schema.linkResources() == null ? List.of() : schema.linkResources();
        checkCount(resources.size(), limits.maxEntityTypes(), "link resources", "max-entity-types", "$.linkResources");
        for (int i = 0; i < resources.size(); i++) {
            String resource = resources.get(i);
            if (resource == null || !resource.matches("[^\\s:]{1,100}")) {
                throw ApiException.badField("A link resource is a name of 1 to 100 characters without spaces or ':'"
                        + " (Wikidata, UniProt).", "$.linkResources[" + i + "]");
            }
        }
        List<EntityTypeSpec> entities = schema.entityTypesOrEmpty();
        Set<String> entityNames = new HashSet<>();
        Set<String> hotkeys = new HashSet<>();
        for (int i = 0; i < entities.size(); i++) {
            EntityTypeSpec spec = entities.get(i);
            String at = "$.entityTypes[" + i + "]";
            checkName(spec == null ? null : spec.name(), at);
            if (!entityNames.add(spec.name())) {
                throw ApiException.conflictOn("Entity type '" + spec.name() + "' is listed twice.", at + ".name");
            }
            checkUnique(entityKeys, storedEntities, spec.name(), "Entity type", at);
            checkColor(spec.color(), at);
            if (spec.hotkey() != null && !spec.hotkey().isEmpty()) {
                checkHotkey(spec.hotkey(), at);
                if (!hotkeys.add(spec.hotkey().toLowerCase(Locale.ROOT))) {
                    throw ApiException.conflictOn("Hotkey '" + spec.hotkey() + "' is used twice.", at + ".hotkey");
                }
            }
        }
        List<RelationTypeSpec> relations = schema.relationTypesOrEmpty();
        Set<String> relationNames = new HashSet<>();
        Set<String> relationHotkeys = new HashSet<>();
        for (int i = 0; i < relations.size(); i++) {
            RelationTypeSpec spec = relations.get(i);
            String at = "$.relationTypes[" + i + "]";
            checkName(spec == null ? null : spec.name(), at);
            if (!relationNames.add(spec.name())) {
                throw ApiException.conflictOn("Relation type '" + spec.name() + "' is listed twice.", at + ".name");
            }
            checkUnique(relationKeys, storedRelations, spec.name(), "Relation type", at);
            checkColor(spec.color(), at);
            if (spec.hotkey() != null && !spec.hotkey().isEmpty()) {
                checkHotkey(spec.hotkey(), at);
                if (!relationHotkeys.add(spec.hotkey().toLowerCase(Locale.ROOT))) {
                    throw ApiException.conflictOn("Hotkey '" + spec.hotkey() + "' is used twice.", at + ".hotkey");
                }
            }
            List<Pair> pairs = spec.allowedOrEmpty();
            for (int j = 0; j < pairs.size(); j++) {
                Pair pair = pairs.get(j);
                String pairAt = at + ".allowed[" + j + "]";
                if (pair == null || !entityNames.contains(pair.head())) {
                    throw ApiException.badField("Relation type '" + spec.name() + "' names an unknown head entity type '"
                            + (pair == null ? null : pair.head()) + "'.", pairAt + ".head");
                }
                if (!entityNames.contains(pair.tail())) {
                    throw ApiException.badField("Relation type '" + spec.name() + "' names an unknown tail entity type '"
                            + pair.tail() + "'.", pairAt + ".tail");
                }
            }
        }
        List<AttributeSpec> attributes = schema.attributesOrEmpty();
        Set<String> attributeKeys = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeSpec spec = attributes.get(i);
            String at = "$.attributes[" + i + "]";
            checkName(spec == null ? null : spec.name(), at);
            String on = spec.on() == null ? AttributeDef.ON_SPAN : spec.on();
            if (!on.equals(AttributeDef.ON_SPAN) && !on.equals(AttributeDef.ON_RELATION)) {
                throw ApiException.badField("An attribute is 'on' a 'span' or a 'relation', not '" + on + "'.", at + ".on");
            }
            if (!attributeKeys.add(on + "/" + spec.name())) {
                throw ApiException.conflictOn("Attribute '" + spec.name() + "' on " + on + " is listed twice.", at + ".name");
            }
            if (spec.values() != null) {
                if (spec.values().isEmpty()) {
                    throw ApiException.badField("List the values of attribute '" + spec.name()
                            + "', or give null for a yes/no attribute.", at + ".values");
                }
                if (new LinkedHashSet<>(spec.values()).size() != spec.values().size() || spec.values().contains(null)) {
                    throw ApiException.badField("The values of attribute '" + spec.name() + "' must be distinct strings.",
                            at + ".values");
                }
                for (int j = 0; j < spec.values().size(); j++) {
                    if (!SchemaLimits.fits(spec.values().get(j), limits.maxTextLength())) {
                        throw ApiException.badField(SchemaLimits.tooLong("An attribute value", limits.maxTextLength()),
                                at + ".values[" + j + "]");
                    }
                }
            }
        }
    }

    private static void checkCount(int count, int max, String what, String key, String at) {
        if (count > max) {
            throw ApiException.badField("A project has at most " + max + " " + what + " (relata.limits." + key
                    + "); this schema has " + count + ".", at);
        }
    }

    private static void checkName(String name, String at) {
        String problem = SchemaRules.nameProblem(name, false, SchemaRules.NAME_MAX);
        if (problem != null) {
            throw ApiException.badField(problem + " A label name has 1 to " + SchemaRules.NAME_MAX
                    + " characters without spaces.", at + ".name");
        }
    }

    private static void checkColor(String color, String at) {
        if (color != null && !SchemaRules.isColor(color)) {
            throw ApiException.badField("A colour is written #rrggbb, not '" + color + "'.", at + ".color");
        }
    }

    private static void checkHotkey(String hotkey, String at) {
        if (hotkey.codePointCount(0, hotkey.length()) != 1 || hotkey.length() != 1 || Character.isWhitespace(hotkey.charAt(0))) {
            throw ApiException.badField("A hotkey is a single character, not '" + hotkey + "'.", at + ".hotkey");
        }
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
