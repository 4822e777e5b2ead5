package org.relata.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    SchemaValidation validation;

    @Inject
    SchemaWriter writer;

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
        Schema schema = writer.followRenames(project, normalized(change.apply(before)));
        validation.validate(schema, before);
        if (expectedVersion == null) {
            List<String> removed = removedTypes(before, schema);
            if (!removed.isEmpty()) {
                throw ApiException.conflict("This would remove " + String.join(", ", removed)
                        + "; a change that removes types needs the version it is based on (If-Match with the ETag"
                        + " of GET .../schema).");
            }
        }
        writer.write(project, schema);
        Schema after = read(project);
        audit.record(actor.id, project.id, "replace", "schema", project.id, before, after);
        return after;
    }

    /** The project locked for one schema change, and its schema as it was before. */
    record LockedSchema(Project project, Schema before) {
    }

    /** The project row locked for a schema change, after the role and the version (If-Match) are checked. */
    LockedSchema lockForChange(User actor, long projectId, String expectedVersion) {
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
        schema = writer.followRenames(project, normalized(schema));
        validation.validate(schema, read(project));
        writer.write(project, schema);
        return read(project);
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
    }}
