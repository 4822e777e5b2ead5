package org.relata.annotation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What suggestions (org.relata.suggestion) read and write: the spans and relations of a document's suggestions layer
 * as one annotator sees them, that annotator's rejections of them, and the annotator's own spans and relations equal
 * to a suggestion (so that accepting one twice copies nothing twice).
 */
@ApplicationScoped
public class SuggestionRows {

    /** A suggested span; score null when whoever suggested it did not say. */
    public record Suggested(long id, int start, int end, String label, Double score) {
    }

    /** A suggested relation with its argument spans; score null when whoever suggested it did not say. */
    public record SuggestedRelation(long id, Argument head, Argument tail, String label, Double score) {
    }

    /** A relation's argument: a span of the suggestions layer. */
    public record Argument(long id, int start, int end, String label) {
    }

    @Inject
    EntityManager em;

    /**
     * Spans and relations of a suggestions layer, each with the table of its rejections: every query below is written
     * once for both, over the alias {@code a}.
     */
    private record Kind(String table, String rejections, String column) {
    }

    private static final Kind SPANS = new Kind("spans", "suggestion_rejections", "span_id");
    private static final Kind RELATIONS = new Kind("relations", "suggestion_relation_rejections", "relation_id");

    /** In reading order, without those the user rejected and (with minScore) those scoring below it. */
    @SuppressWarnings("unchecked")
    public List<Suggested> visibleTo(long documentId, long userId, Double minScore) {
        List<Suggested> spans = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select a.id, a.start_offset, a.end_offset, t.name, a.score
                  from spans a join annotation_layers l on l.id = a.layer_id join entity_types t on t.id = a.entity_type_id
                """ + visible(SPANS) + " order by a.start_offset, a.end_offset, a.id")
                .setParameter(1, documentId).setParameter(2, minScore).setParameter(3, userId).getResultList()) {
            spans.add(new Suggested(((Number) row[0]).longValue(), ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(), (String) row[3], row[4] == null ? null : ((Number) row[4]).doubleValue()));
        }
        return spans;
    }

    /**
     * Suggested relations in the order of their head spans, without those the user rejected and (with minScore)
     * those scoring below it. Their argument spans come along even when the user rejected those: an argument may be
     * in the user's layer already.
     */
    @SuppressWarnings("unchecked")
    public List<SuggestedRelation> relationsVisibleTo(long documentId, long userId, Double minScore) {
        return relations((List<Object[]>) em.createNativeQuery(RELATION_ROWS + visible(RELATIONS)
                + " order by h.start_offset, h.end_offset, a.id")
                .setParameter(1, documentId).setParameter(2, minScore).setParameter(3, userId).getResultList());
    }

    /** A suggested relation of the document, or null. */
    @SuppressWarnings("unchecked")
    public SuggestedRelation relation(long documentId, long relationId) {
        List<SuggestedRelation> found = relations((List<Object[]>) em.createNativeQuery(RELATION_ROWS + """
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS' and a.id = ?2""")
                .setParameter(1, documentId).setParameter(2, relationId).getResultList());
        return found.isEmpty() ? null : found.get(0);
    }

    public long rejectedBy(long documentId, long userId) {
        return rejected(SPANS, documentId, userId);
    }

    public long relationsRejectedBy(long documentId, long userId) {
        return rejected(RELATIONS, documentId, userId);
    }

    /** How many of the ids are suggestions of the document. */
    public long countOf(long documentId, Long[] ids) {
        return suggested(SPANS, documentId, ids);
    }

    /** How many of the ids are suggested relations of the document. */
    public long countRelationsOf(long documentId, Long[] ids) {
        return suggested(RELATIONS, documentId, ids);
    }

    /** Rejects them for the user; answers how many were not rejected before. */
    public int reject(Long[] ids, long userId) {
        return reject(SPANS, ids, userId);
    }

    /** Rejects the suggested relations for the user; answers how many were not rejected before. */
    public int rejectRelations(Long[] ids, long userId) {
        return reject(RELATIONS, ids, userId);
    }

    /** Takes the user's rejection of a suggestion of the document back; answers 0 when there was none. */
    public int reconsider(long documentId, long spanId, long userId) {
        return reconsider(SPANS, documentId, spanId, userId);
    }

    /** Takes the user's rejection of a suggested relation of the document back; answers 0 when there was none. */
    public int reconsiderRelation(long documentId, long relationId, long userId) {
        return reconsider(RELATIONS, documentId, relationId, userId);
    }

    /** The suggestions of document ?1 that user ?3 did not reject, scoring at least ?2 when it is given. */
    private static String visible(Kind kind) {
        return """
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS'
                   and (cast(?2 as double precision) is null or a.score is null or a.score >= cast(?2 as double precision))
                   and not exists (select 1 from %s x where x.%s = a.id and x.user_id = ?3)""".formatted(
                kind.rejections(), kind.column());
    }

    private long rejected(Kind kind, long documentId, long userId) {
        return ((Number) em.createNativeQuery("""
                select count(*) from %s x join %s a on a.id = x.%s
                  join annotation_layers l on l.id = a.layer_id
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS' and x.user_id = ?2""".formatted(
                kind.rejections(), kind.table(), kind.column()))
                .setParameter(1, documentId).setParameter(2, userId).getSingleResult()).longValue();
    }

    private long suggested(Kind kind, long documentId, Long[] ids) {
        return ((Number) em.createNativeQuery("""
                select count(distinct a.id) from %s a join annotation_layers l on l.id = a.layer_id
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS' and a.id = any(cast(?2 as bigint[]))"""
                .formatted(kind.table()))
                .setParameter(1, documentId).setParameter(2, ids).getSingleResult()).longValue();
    }

    private int reject(Kind kind, Long[] ids, long userId) {
        return em.createNativeQuery("""
                insert into %s (%s, user_id)
                select unnest(cast(?1 as bigint[])), ?2 on conflict do nothing""".formatted(kind.rejections(),
                kind.column()))
                .setParameter(1, ids).setParameter(2, userId).executeUpdate();
    }

    private int reconsider(Kind kind, long documentId, long id, long userId) {
        return em.createNativeQuery("""
                delete from %s x using %s a, annotation_layers l
                 where x.%s = ?1 and x.user_id = ?2 and a.id = x.%s and l.id = a.layer_id
                   and l.document_id = ?3 and l.owner_kind = 'SUGGESTIONS'""".formatted(kind.rejections(), kind.table(),
                kind.column(), kind.column()))
                .setParameter(1, id).setParameter(2, userId).setParameter(3, documentId).executeUpdate();
    }

    private static final String RELATION_ROWS = """
            select a.id, h.id, h.start_offset, h.end_offset, ht.name, t.id, t.start_offset, t.end_offset, tt.name,
                   rt.name, a.score
              from relations a join annotation_layers l on l.id = a.layer_id
              join spans h on h.id = a.head_span_id join entity_types ht on ht.id = h.entity_type_id
              join spans t on t.id = a.tail_span_id join entity_types tt on tt.id = t.entity_type_id
              join relation_types rt on rt.id = a.relation_type_id
            """;

    private static List<SuggestedRelation> relations(List<Object[]> rows) {
        List<SuggestedRelation> relations = new ArrayList<>();
        for (Object[] row : rows) {
            relations.add(new SuggestedRelation(((Number) row[0]).longValue(),
                    new Argument(((Number) row[1]).longValue(), ((Number) row[2]).intValue(),
                            ((Number) row[3]).intValue(), (String) row[4]),
                    new Argument(((Number) row[5]).longValue(), ((Number) row[6]).intValue(),
                            ((Number) row[7]).intValue(), (String) row[8]),
                    (String) row[9], row[10] == null ? null : ((Number) row[10]).doubleValue()));
        }
        return relations;
    }

    /** The id of a contiguous span of the user's own layer with these offsets and label, or null. */
    @SuppressWarnings("unchecked")
    public Long ownSpanLike(long documentId, long userId, Argument span) {
        List<Number> ids = em.createNativeQuery("""
                select s.id from spans s join annotation_layers l on l.id = s.layer_id
                  join entity_types t on t.id = s.entity_type_id
                 where l.document_id = ?1 and l.owner_kind = 'USER' and l.user_id = ?2 and s.start_offset = ?3
                   and s.end_offset = ?4 and t.name = ?5 and s.fragments is null
                 order by s.id limit 1""")
                .setParameter(1, documentId).setParameter(2, userId).setParameter(3, span.start())
                .setParameter(4, span.end()).setParameter(5, span.label()).getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }

    /** The id of a relation of the user's own layer between these spans with this label, or null. */
    @SuppressWarnings("unchecked")
    public Long ownRelationLike(long headId, long tailId, String label) {
        List<Number> ids = em.createNativeQuery("""
                select r.id from relations r join relation_types t on t.id = r.relation_type_id
                 where r.head_span_id = ?1 and r.tail_span_id = ?2 and t.name = ?3 order by r.id limit 1""")
                .setParameter(1, headId).setParameter(2, tailId).setParameter(3, label).getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }
}
