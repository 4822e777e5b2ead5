package org.relata.annotation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.relata.annotation.AnnotationViews.Created;
import org.relata.annotation.AnnotationViews.LayerView;
import org.relata.annotation.AnnotationViews.NewRelation;
import org.relata.annotation.AnnotationViews.NewSpan;
import org.relata.annotation.AnnotationViews.RelationView;
import org.relata.annotation.AnnotationViews.SpanDeleted;
import org.relata.annotation.AnnotationViews.SpanView;
import org.relata.annotation.AnnotationViews.Written;
import org.relata.audit.AuditLog;
import org.relata.project.Project;
import org.relata.schema.AttributeDef;
import org.relata.schema.RelationRules;
import org.relata.schema.EntityType;
import org.relata.schema.RelationType;
import org.relata.web.ApiError;
import org.relata.web.ApiException;

/**
 * Every edit of a layer: one transaction that locks the layer row, checks the version the client saw, changes
 * spans or relations, and bumps the version. Locking first makes concurrent writers queue instead of failing.
 */
@ApplicationScoped
public class AnnotationService {

    private static final Set<String> SPAN_FIELDS = Set.of("label", "start", "end", "attributes", "note", "fragments", "links");
    private static final Set<String> RELATION_FIELDS = Set.of("label", "head", "tail", "attributes", "note");

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> FIELDS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    @Inject
    org.relata.schema.SchemaLimits limits;

    public LayerView view(LayerTarget target) {
        Layer layer = target.existingLayer();
        if (layer == null) {
            return new LayerView(target.ownerName(), LayerStatus.NEW.name(), 0, target.writable(), List.of(), List.of(),
                    List.of(), List.of());
        }
        // Projections, not entities: a long document has tens of thousands of spans and this runs on every open.
        List<SpanView> spans = em.createQuery("""
                select new org.relata.annotation.AnnotationViews$SpanView(s.id, s.start, s.end, s.type.name,
                       s.attributes, s.note, s.fragments, s.links)
                  from Span s where s.layer = ?1 order by s.start, s.end, s.id""", SpanView.class)
                .setParameter(1, layer).getResultList();
        List<RelationView> relations = em.createQuery("""
                select new org.relata.annotation.AnnotationViews$RelationView(r.id, r.head.id, r.tail.id, r.type.name,
                       r.attributes, r.note)
                  from Relation r where r.layer = ?1 order by r.id""", RelationView.class)
                .setParameter(1, layer).getResultList();
        return new LayerView(target.ownerName(), layer.status.name(), layer.version, target.writable(), spans,
                relations, LayerExtras.equivalences(em, layer.id), LayerExtras.events(em, layer.id));
    }

    @Transactional
    public Created createSpan(LayerTarget target, Long expectedVersion, NewSpan body) {
        Layer layer = lockForWrite(target, expectedVersion);
        Project project = target.document().project;
        Span span = new Span();
        span.layer = layer;
        span.docLength = layer.docLength;
        span.type = entityType(project, body.label());
        if (body.fragments() != null && !body.fragments().isEmpty()) {
            setFragments(span, body.fragments(), body.start(), body.end(), layer.docLength);
        } else {
            span.start = required(body.start(), "start");
            span.end = required(body.end(), "end");
        }
        checkRange(span.start, span.end, layer.docLength);
        span.links = SpanLinks.checked(project, body.links());
        span.attributes = AttributeValues.checked(project, AttributeDef.ON_SPAN, body.attributes());
        span.note = note(body.note());
        span.persist();
        long version = written(layer);
        audit.record(target.access().user().id, project.id, place(target, layer), "create", "span", span.id, null,
                SpanView.of(span));
        return new Created(span.id, version);
    }

    @Transactional
    public Written updateSpan(LayerTarget target, Long expectedVersion, long spanId, Map<String, Object> changes) {
        Layer layer = lockForWrite(target, expectedVersion);
        Project project = target.document().project;
        Span span = spanIn(layer, spanId, null);
        SpanView before = SpanView.of(span);
        checkFields(changes, SPAN_FIELDS);
        if (changes.containsKey("label")) {
            span.type = entityType(project, text(changes.get("label"), "label"));
            for (Relation relation : Relation.touching(span)) {
                if (!relation.type.allows(relation.head.type, relation.tail.type)) {
                    throw ApiException.badField("Relation " + relation.type.name + " (id " + relation.id
                            + ") does not allow " + span.type.name + " here; change or delete it first.", "label");
                }
            }
        }
        if (changes.containsKey("start")) {
            span.start = required(integer(changes.get("start"), "start"), "start");
        }
        if (changes.containsKey("end")) {
            span.end = required(integer(changes.get("end"), "end"), "end");
        }
        if (changes.containsKey("fragments")) {
            List<List<Integer>> fragments = SpanLinks.fragmentList(changes.get("fragments"));
            if (fragments == null || fragments.size() < 2) {
                span.fragments = null;
            } else {
                setFragments(span, fragments, null, null, layer.docLength);
            }
        } else if (span.fragments != null && (changes.containsKey("start") || changes.containsKey("end"))) {
            throw ApiException.badField("This span is discontinuous: change its fragments, not start and end.", "fragments");
        }
        checkRange(span.start, span.end, layer.docLength);
        if (changes.containsKey("links")) {
            span.links = SpanLinks.checked(project, SpanLinks.linkList(changes.get("links")));
        }
        if (changes.containsKey("attributes")) {
            span.attributes = AttributeValues.checked(project, AttributeDef.ON_SPAN, map(changes.get("attributes")));
        }
        if (changes.containsKey("note")) {
            span.note = note(text(changes.get("note"), "note"));
        }
        long version = written(layer);
        audit.record(target.access().user().id, project.id, place(target, layer), "update", "span", span.id, before,
                SpanView.of(span));
        return new Written(version);
    }

    @Transactional
    public SpanDeleted deleteSpan(LayerTarget target, Long expectedVersion, long spanId) {
        Layer layer = lockForWrite(target, expectedVersion);
        Span span = spanIn(layer, spanId, null);
        SpanView deleted = SpanView.of(span);
        long relationsDeleted = Relation.delete("head = ?1 or tail = ?1", span);
        span.delete();
        long version = written(layer);
        Map<String, Object> before = new java.util.LinkedHashMap<>(json.convertValue(deleted, FIELDS));
        if (relationsDeleted > 0) {
            before.put("relationsDeleted", relationsDeleted);
        }
        audit.record(target.access().user().id, target.document().project.id, place(target, layer), "delete", "span",
                spanId, before, null);
        return new SpanDeleted(version, relationsDeleted);
    }

    @Transactional
    public Created createRelation(LayerTarget target, Long expectedVersion, NewRelation body) {
        Layer layer = lockForWrite(target, expectedVersion);
        Project project = target.document().project;
        Relation relation = new Relation();
        relation.layer = layer;
        relation.head = spanIn(layer, required(body.head(), "head"), "head");
        relation.tail = spanIn(layer, required(body.tail(), "tail"), "tail");
        relation.type = relationType(project, body.label());
        checkArguments(relation);
        relation.attributes = AttributeValues.checked(project, AttributeDef.ON_RELATION, body.attributes());
        relation.note = note(body.note());
        relation.persist();
        long version = written(layer);
        audit.record(target.access().user().id, project.id, place(target, layer), "create", "relation",
                relation.id, null, RelationView.of(relation));
        return new Created(relation.id, version);
    }

    @Transactional
    public Written updateRelation(LayerTarget target, Long expectedVersion, long relationId,
            Map<String, Object> changes) {
        Layer layer = lockForWrite(target, expectedVersion);
        Project project = target.document().project;
        Relation relation = relationIn(layer, relationId);
        RelationView before = RelationView.of(relation);
        checkFields(changes, RELATION_FIELDS);
        if (changes.containsKey("label")) {
            relation.type = relationType(project, text(changes.get("label"), "label"));
        }
        if (changes.containsKey("head")) {
            relation.head = spanIn(layer, required(id(changes.get("head"), "head"), "head"), "head");
        }
        if (changes.containsKey("tail")) {
            relation.tail = spanIn(layer, required(id(changes.get("tail"), "tail"), "tail"), "tail");
        }
        checkArguments(relation);
        if (changes.containsKey("attributes")) {
            relation.attributes = AttributeValues.checked(project, AttributeDef.ON_RELATION,
                    map(changes.get("attributes")));
        }
        if (changes.containsKey("note")) {
            relation.note = note(text(changes.get("note"), "note"));
        }
        long version = written(layer);
        audit.record(target.access().user().id, project.id, place(target, layer), "update", "relation",
                relation.id, before, RelationView.of(relation));
        return new Written(version);
    }

    @Transactional
    public Written deleteRelation(LayerTarget target, Long expectedVersion, long relationId) {
        Layer layer = lockForWrite(target, expectedVersion);
        Relation relation = relationIn(layer, relationId);
        RelationView before = RelationView.of(relation);
        relation.delete();
        long version = written(layer);
        audit.record(target.access().user().id, target.document().project.id, place(target, layer), "delete",
                "relation", relationId, before, null);
        return new Written(version);
    }

    @Transactional
    public Written setStatus(LayerTarget target, Long expectedVersion, String status) {
        LayerStatus wanted;
        if ("IN_PROGRESS".equals(status)) {
            wanted = LayerStatus.IN_PROGRESS;
        } else if ("DONE".equals(status)) {
            wanted = LayerStatus.DONE;
        } else {
            throw ApiException.badField("status is IN_PROGRESS or DONE.", "status");
        }
        Layer layer = lockForWrite(target, expectedVersion);
        String before = layer.status.name();
        layer.status = wanted;
        long version = written(layer);
        audit.record(target.access().user().id, target.document().project.id, place(target, layer), "status",
                "layer", layer.id, Map.of("status", before), Map.of("status", wanted.name()));
        return new Written(version);
    }

    private static AuditLog.Place place(LayerTarget target, Layer layer) {
        return new AuditLog.Place(target.document().id, layer.id);
    }

    /**
     * Locks the layer for the caller's transaction at the version the client saw (412 otherwise), for a step of
     * several edits that must read the layer before writing it (accepting a suggested relation); answers the version.
     */
    @Transactional
    public long lock(LayerTarget target, Long expectedVersion) {
        return lockForWrite(target, expectedVersion).version;
    }

    /**
     * The layer row, locked for this transaction (created on the first write), at the version the client saw. The
     * row exists for every write but a layer's first, so it is locked first and inserted only when missing (one
     * statement less per write; issue 14, item 3).
     */
    private Layer lockForWrite(LayerTarget target, Long expectedVersion) {
        Layer layer = locked(target);
        if (layer == null) {
            // Two first writers may race here: one insert wins, the other does nothing, both then queue on the lock.
            if (target.kind() == LayerOwner.USER) {
                em.createNativeQuery("""
                        insert into annotation_layers (document_id, doc_length, owner_kind, user_id)
                        values (?1, ?2, 'USER', ?3) on conflict do nothing""")
                        .setParameter(1, target.document().id)
                        .setParameter(2, target.document().length)
                        .setParameter(3, target.user().id)
                        .executeUpdate();
            } else {
                em.createNativeQuery("""
                        insert into annotation_layers (document_id, doc_length, owner_kind)
                        values (?1, ?2, ?3) on conflict do nothing""")
                        .setParameter(1, target.document().id)
                        .setParameter(2, target.document().length)
                        .setParameter(3, target.kind().name())
                        .executeUpdate();
            }
            layer = locked(target);
        }
        if (expectedVersion != null && expectedVersion != layer.version) {
            throw new ApiException(412, ApiError.of("These annotations changed since you loaded them (you had version "
                    + expectedVersion + ", now " + layer.version + "). Reload to see the current state."));
        }
        return layer;
    }

    /**
     * The layer row, locked. Not with its document fetched in the same statement: Hibernate then locks in a second
     * ("follow-on") step, which failed under concurrent writers (issue 14's benchmark).
     */
    private Layer locked(LayerTarget target) {
        return target.kind() == LayerOwner.USER
                ? Layer.<Layer> find("document = ?1 and ownerKind = ?2 and user = ?3", target.document(),
                        target.kind(), target.user()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                : Layer.<Layer> find("document = ?1 and ownerKind = ?2", target.document(), target.kind())
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Marks the layer changed so its version grows, and returns the new version. */
    private long written(Layer layer) {
        layer.updatedAt = OffsetDateTime.now();
        if (layer.status == LayerStatus.NEW) {
            layer.status = LayerStatus.IN_PROGRESS;
        }
        em.flush();
        return layer.version;
    }

    private static Span spanIn(Layer layer, long spanId, String field) {
        Span span = Span.findById(spanId);
        if (span == null || !span.layer.id.equals(layer.id)) {
            if (field != null) {
                throw ApiException.badField("There is no span " + spanId + " in this layer.", field);
            }
            throw ApiException.notFound("No such span in this layer.");
        }
        return span;
    }

    private static Relation relationIn(Layer layer, long relationId) {
        Relation relation = Relation.findById(relationId);
        if (relation == null || !relation.layer.id.equals(layer.id)) {
            throw ApiException.notFound("No such relation in this layer.");
        }
        return relation;
    }

    /** The shared rule of {@link RelationRules}: different spans, an allowed pair, no duplicate (nor its reverse when undirected). */
    private static void checkArguments(Relation relation) {
        RelationRules.Problem problem = RelationRules.problem(relation.head.id, relation.tail.id,
                relation.type.allows(relation.head.type, relation.tail.type), () -> {
                    String pair = relation.type.directed ? "head = ?1 and tail = ?2"
                            : "((head = ?1 and tail = ?2) or (head = ?2 and tail = ?1))";
                    return Relation.count(pair + " and type = ?3 and id <> ?4", relation.head, relation.tail,
                            relation.type, relation.id == null ? -1L : relation.id) > 0;
                });
        if (problem == null) {
            return;
        }
        switch (problem) {
            case SAME_SPAN -> throw ApiException.badField(problem.message, "tail");
            case NOT_ALLOWED -> throw ApiException.badField(relation.type.name + " does not allow "
                    + relation.head.type.name + " → " + relation.tail.type.name + ".", "label");
            case DUPLICATE -> throw ApiException.conflictOn(problem.message, "label");
        }
    }

    private static EntityType entityType(Project project, String label) {
        if (label == null || label.isBlank()) {
            throw ApiException.badField("label is required.", "label");
        }
        EntityType type = EntityType.named(project, label);
        if (type == null) {
            throw ApiException.badField("The schema has no entity type '" + label + "'.", "label");
        }
        return type;
    }

    private static RelationType relationType(Project project, String label) {
        if (label == null || label.isBlank()) {
            throw ApiException.badField("label is required.", "label");
        }
        RelationType type = RelationType.named(project, label);
        if (type == null) {
            throw ApiException.badField("The schema has no relation type '" + label + "'.", "label");
        }
        return type;
    }

    /** A discontinuous span: valid fragments, inside the text; start and end become (or must be) their outer bounds. */
    private static void setFragments(Span span, List<List<Integer>> fragments, Integer start, Integer end, int length) {
        List<int[]> pieces = new java.util.ArrayList<>();
        for (List<Integer> fragment : fragments) {
            if (fragment == null || fragment.size() != 2 || fragment.get(0) == null || fragment.get(1) == null) {
                throw ApiException.badField("A fragment is [start, end].", "fragments");
            }
            pieces.add(new int[] {fragment.get(0), fragment.get(1)});
        }
        String problem = SpanFragments.problem(pieces);
        if (problem != null) {
            throw ApiException.badField("The span's " + problem, "fragments");
        }
        int outerStart = pieces.get(0)[0];
        int outerEnd = pieces.get(pieces.size() - 1)[1];
        if (start != null && start != outerStart || end != null && end != outerEnd) {
            throw ApiException.badField("start and end of a discontinuous span are its fragments' outer bounds ("
                    + outerStart + ", " + outerEnd + ").", "fragments");
        }
        if (outerEnd > length) {
            throw ApiException.badField("A fragment passes the end of the document (" + length + " code points).", "fragments");
        }
        span.start = outerStart;
        span.end = outerEnd;
        span.fragments = pieces.size() < 2 ? null : pieces.stream().map(p -> List.of(p[0], p[1])).toList();
    }

    private static void checkRange(int start, int end, int length) {
        if (start < 0) {
            throw ApiException.badField("start must be 0 or more.", "start");
        }
        if (end <= start) {
            throw ApiException.badField("end must be greater than start.", "end");
        }
        if (end > length) {
            throw ApiException.badField("end must not pass the end of the document (" + length + " code points).",
                    "end");
        }
    }

    private static void checkFields(Map<String, Object> changes, Set<String> allowed) {
        for (String key : changes.keySet()) {
            if (!allowed.contains(key)) {
                throw ApiException.badField("Unknown field '" + key + "'.", key);
            }
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.badField(field + " is required.", field);
        }
        return value;
    }

    private static Integer integer(Object value, String field) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        throw ApiException.badField(field + " must be a whole number.", field);
    }

    private static Long id(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw ApiException.badField(field + " must be a span id.", field);
    }

    /** A note, checked against the length limit before anything is written; blank means none. */
    private String note(String note) {
        if (!org.relata.schema.SchemaLimits.fits(note, limits.maxTextLength())) {
            throw ApiException.badField(org.relata.schema.SchemaLimits.tooLong("A note", limits.maxTextLength()), "note");
        }
        // PostgreSQL's text cannot hold U+0000: refused here with its field instead of failing in the database (500).
        if (note != null && note.indexOf('\u0000') >= 0) {
            throw ApiException.badField("A note cannot hold the NUL character (U+0000).", "note");
        }
        return blankToNull(note);
    }

    private static String text(Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiException.badField(field + " must be a string.", field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw ApiException.badField("attributes must be an object.", "attributes");
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note;
    }
}
