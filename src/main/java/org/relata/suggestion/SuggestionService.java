package org.relata.suggestion;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.relata.annotation.AnnotationService;
import org.relata.annotation.AnnotationViews.NewRelation;
import org.relata.annotation.AnnotationViews.NewSpan;
import org.relata.annotation.LayerTarget;
import org.relata.annotation.LayerTargets;
import org.relata.annotation.SuggestionRows;
import org.relata.annotation.SuggestionRows.Argument;
import org.relata.annotation.SuggestionRows.SuggestedRelation;
import org.relata.audit.AuditLog;
import org.relata.document.DocumentAccess;
import org.relata.suggestion.SuggestionResource.AcceptedRelation;
import org.relata.suggestion.SuggestionResource.RelationView;
import org.relata.suggestion.SuggestionResource.SpanRef;
import org.relata.suggestion.SuggestionResource.SuggestionView;
import org.relata.suggestion.SuggestionResource.Suggestions;
import org.relata.web.ApiException;

/** A document's suggestions for one annotator, and their rejections (stored by annotation's SuggestionRows). */
@ApplicationScoped
public class SuggestionService {

    @Inject
    SuggestionRows rows;

    @Inject
    AnnotationService annotations;

    @Inject
    AuditLog audit;

    public Suggestions of(long documentId, long userId, Double minScore) {
        List<SuggestionView> spans = rows.visibleTo(documentId, userId, minScore).stream()
                .map(s -> new SuggestionView(s.id(), s.start(), s.end(), s.label(), s.score())).toList();
        List<RelationView> relations = rows.relationsVisibleTo(documentId, userId, minScore).stream()
                .map(r -> new RelationView(r.id(), ref(r.head()), ref(r.tail()), r.label(), r.score())).toList();
        return new Suggestions(spans, relations, rows.rejectedBy(documentId, userId),
                rows.relationsRejectedBy(documentId, userId));
    }

    private static SpanRef ref(Argument span) {
        return new SpanRef(span.id(), span.start(), span.end(), span.label());
    }

    /** Rejects the suggested spans (ids) and relations for the caller; answers how many were not rejected before. */
    @Transactional
    public int reject(DocumentAccess.Visible visible, List<Long> ids, List<Long> relationIds) {
        Long[] spans = checked(ids, "ids");
        Long[] relations = checked(relationIds, "relations");
        if (rows.countOf(visible.document().id, spans) != spans.length) {
            throw ApiException.badField("ids must all be suggestions of this document.", "ids");
        }
        if (rows.countRelationsOf(visible.document().id, relations) != relations.length) {
            throw ApiException.badField("relations must all be suggested relations of this document.", "relations");
        }
        long userId = visible.access().user().id;
        int added = (spans.length == 0 ? 0 : rows.reject(spans, userId))
                + (relations.length == 0 ? 0 : rows.rejectRelations(relations, userId));
        audit.record(userId, visible.document().project.id, "reject", "suggestion", visible.document().id, null,
                Map.of("suggestions", spans.length, "relations", relations.length));
        return added;
    }

    private static Long[] checked(List<Long> ids, String field) {
        if (ids == null) {
            return new Long[0];
        }
        if (ids.stream().anyMatch(id -> id == null)) {
            throw ApiException.badField(field + " holds suggestion ids (numbers).", field);
        }
        return ids.stream().distinct().toArray(Long[]::new);
    }

    @Transactional
    public int reconsider(DocumentAccess.Visible visible, long spanId) {
        return taken(rows.reconsider(visible.document().id, spanId, visible.access().user().id), "suggestion");
    }

    @Transactional
    public int reconsiderRelation(DocumentAccess.Visible visible, long relationId) {
        return taken(rows.reconsiderRelation(visible.document().id, relationId, visible.access().user().id),
                "suggested relation");
    }

    /** How many rejections were taken back; none is 404: the caller had not rejected it. */
    private static int taken(int removed, String what) {
        if (removed == 0) {
            throw ApiException.notFound("You have not rejected such a " + what + " of this document.");
        }
        return removed;
    }

    /**
     * Copies a suggested relation into the caller's own layer, with its argument spans where the layer lacks an
     * equal span (same offsets and label): one transaction, so the layer never holds half of it. The layer is locked
     * and its version checked first; accepting what the layer already has adds nothing.
     */
    @Transactional
    public AcceptedRelation acceptRelation(DocumentAccess.Visible visible, Long expectedVersion, long relationId) {
        SuggestedRelation suggested = rows.relation(visible.document().id, relationId);
        if (suggested == null) {
            throw ApiException.notFound("This document has no such suggested relation.");
        }
        LayerTarget mine = LayerTargets.target(visible.document(), visible.access(), LayerTargets.ME);
        if (!mine.writable()) {
            throw ApiException.forbidden("Only " + mine.ownerName() + " may change their own annotations.");
        }
        long userId = visible.access().user().id;
        long version = annotations.lock(mine, expectedVersion);
        long[] before = {version};
        long head = spanFor(mine, suggested.head(), before);
        long tail = spanFor(mine, suggested.tail(), before);
        Long relation = rows.ownRelationLike(head, tail, suggested.label());
        boolean added = relation == null;
        if (added) {
            var created = annotations.createRelation(mine, null, new NewRelation(head, tail, suggested.label(), null,
                    null));
            relation = created.id();
            before[0] = created.version();
        }
        audit.record(userId, visible.document().project.id, "accept", "suggestion", visible.document().id, null,
                Map.of("relation", relationId, "added", added));
        return new AcceptedRelation(before[0], head, tail, relation, added);
    }

    /** The caller's span equal to the suggested one, created when there is none; version[0] follows the writes. */
    private long spanFor(LayerTarget mine, Argument suggested, long[] version) {
        Long own = rows.ownSpanLike(mine.document().id, mine.user().id, suggested);
        if (own != null) {
            return own;
        }
        var created = annotations.createSpan(mine, null, new NewSpan(suggested.start(), suggested.end(),
                suggested.label(), null, null));
        version[0] = created.version();
        return created.id();
    }
}
