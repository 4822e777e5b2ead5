package org.relata.annotation;

import static org.relata.annotation.AnnotationChecks.blankToNull;
import static org.relata.annotation.AnnotationChecks.checkArguments;
import static org.relata.annotation.AnnotationChecks.checkFields;
import static org.relata.annotation.AnnotationChecks.checkRange;
import static org.relata.annotation.AnnotationChecks.entityType;
import static org.relata.annotation.AnnotationChecks.id;
import static org.relata.annotation.AnnotationChecks.integer;
import static org.relata.annotation.AnnotationChecks.map;
import static org.relata.annotation.AnnotationChecks.relationIn;
import static org.relata.annotation.AnnotationChecks.relationType;
import static org.relata.annotation.AnnotationChecks.required;
import static org.relata.annotation.AnnotationChecks.setFragments;
import static org.relata.annotation.AnnotationChecks.spanIn;
import static org.relata.annotation.AnnotationChecks.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

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
    LayerLocks layers;

    @Inject
    SpanWrites spans;

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

    /**
     * Called on its own (the span API), the write is a transaction of its own and is announced after its commit; as
     * part of a larger edit (curation, accepting a suggestion) it joins that transaction and is announced at its
     * commit with the rest ({@link LayerAnnouncer}).
     */
    public Created createSpan(LayerTarget target, Long expectedVersion, NewSpan body) {
        return aloneOrJoined(alone -> createSpan(target, expectedVersion, body, alone));
    }

    private Created createSpan(LayerTarget target, Long expectedVersion, NewSpan body, boolean alone) {
        Layer layer = layers.lockForWrite(target, expectedVersion);
        Span span = newSpan(layer, target.document().project, body);
        // The label's entity type is resolved in the inserting statement (unknown: 400, nothing written).
        return written(layer, spans.create(writer(target, layer), span, body.label(), alone));
    }

    /** The span the body describes, checked against the layer's text and the project's schema; not written yet. */
    private Span newSpan(Layer layer, Project project, NewSpan body) {
        Span span = new Span();
        span.layer = layer;
        span.docLength = layer.docLength;
        String label = body.label();
        if (label == null || label.isBlank()) {
            throw ApiException.badField("label is required.", "label");
        }
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
        return span;
    }

    @Transactional
    public Written updateSpan(LayerTarget target, Long expectedVersion, long spanId, Map<String, Object> changes) {
        Layer layer = layers.lockForWrite(target, expectedVersion);
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
        long version = layers.written(layer);
        audit.record(target.access().user().id, project.id, place(target, layer), "update", "span", span.id, before,
                SpanView.of(span));
        return new Written(version);
    }

    /** As {@link #createSpan}: on its own, announced after its commit. */
    public SpanDeleted deleteSpan(LayerTarget target, Long expectedVersion, long spanId) {
        return aloneOrJoined(alone -> deleteSpan(target, expectedVersion, spanId, alone));
    }

    /** Runs a span write in the caller's transaction if there is one, else in its own, telling the write which. */
    private static <T> T aloneOrJoined(Function<Boolean, T> write) {
        if (QuarkusTransaction.isActive()) {
            return write.apply(false);
        }
        return QuarkusTransaction.requiringNew().call(() -> write.apply(true));
    }

    private SpanDeleted deleteSpan(LayerTarget target, Long expectedVersion, long spanId, boolean alone) {
        Layer layer = layers.lockForWrite(target, expectedVersion);
        Span span = spanIn(layer, spanId, null);
        SpanDeleted deleted = spans.delete(writer(target, layer), SpanView.of(span), alone);
        em.detach(span);
        return written(layer, deleted);
    }

    /**
     * After a write in SQL ({@link SpanWrites}) the layer entity holds the old version: forgotten, so that a further
     * edit in the same transaction (accepting a suggested relation with its spans) locks and reads it afresh instead
     * of failing Hibernate's version check.
     */
    private <T> T written(Layer layer, T result) {
        em.detach(layer);
        return result;
    }

    @Transactional
    public Created createRelation(LayerTarget target, Long expectedVersion, NewRelation body) {
        Layer layer = layers.lockForWrite(target, expectedVersion);
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
        long version = layers.written(layer);
        audit.record(target.access().user().id, project.id, place(target, layer), "create", "relation",
                relation.id, null, RelationView.of(relation));
        return new Created(relation.id, version);
    }

    @Transactional
    public Written updateRelation(LayerTarget target, Long expectedVersion, long relationId,
            Map<String, Object> changes) {
        Layer layer = layers.lockForWrite(target, expectedVersion);
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
        long version = layers.written(layer);
        audit.record(target.access().user().id, project.id, place(target, layer), "update", "relation",
                relation.id, before, RelationView.of(relation));
        return new Written(version);
    }

    @Transactional
    public Written deleteRelation(LayerTarget target, Long expectedVersion, long relationId) {
        Layer layer = layers.lockForWrite(target, expectedVersion);
        Relation relation = relationIn(layer, relationId);
        RelationView before = RelationView.of(relation);
        relation.delete();
        long version = layers.written(layer);
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
        Layer layer = layers.lockForWrite(target, expectedVersion);
        String before = layer.status.name();
        layer.status = wanted;
        long version = layers.written(layer);
        audit.record(target.access().user().id, target.document().project.id, place(target, layer), "status",
                "layer", layer.id, Map.of("status", before), Map.of("status", wanted.name()));
        return new Written(version);
    }

    private static SpanWrites.Writer writer(LayerTarget target, Layer layer) {
        return new SpanWrites.Writer(target.access().user().id, target.document().project.id, target.document().id,
                layer.id);
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
        return layers.lockForWrite(target, expectedVersion).version;
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
}
