package org.relata.annotation;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What suggestions (org.relata.suggestion) read and write: the spans of a document's suggestions layer as one
 * annotator sees them, and that annotator's rejections of them.
 */
@ApplicationScoped
public class SuggestionRows {

    /** A suggested span; score null when whoever suggested it did not say. */
    public record Suggested(long id, int start, int end, String label, Double score) {
    }

    @Inject
    EntityManager em;

    /** In reading order, without those the user rejected and (with minScore) those scoring below it. */
    @SuppressWarnings("unchecked")
    public List<Suggested> visibleTo(long documentId, long userId, Double minScore) {
        List<Suggested> spans = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select s.id, s.start_offset, s.end_offset, t.name, s.score
                  from spans s join annotation_layers l on l.id = s.layer_id join entity_types t on t.id = s.entity_type_id
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS'
                   and (cast(?2 as double precision) is null or s.score is null or s.score >= cast(?2 as double precision))
                   and not exists (select 1 from suggestion_rejections r where r.span_id = s.id and r.user_id = ?3)
                 order by s.start_offset, s.end_offset, s.id""")
                .setParameter(1, documentId).setParameter(2, minScore).setParameter(3, userId).getResultList()) {
            spans.add(new Suggested(((Number) row[0]).longValue(), ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(), (String) row[3], row[4] == null ? null : ((Number) row[4]).doubleValue()));
        }
        return spans;
    }

    public long rejectedBy(long documentId, long userId) {
        return ((Number) em.createNativeQuery("""
                select count(*) from suggestion_rejections r join spans s on s.id = r.span_id
                  join annotation_layers l on l.id = s.layer_id
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS' and r.user_id = ?2""")
                .setParameter(1, documentId).setParameter(2, userId).getSingleResult()).longValue();
    }

    /** How many of the ids are suggestions of the document. */
    public long countOf(long documentId, Long[] ids) {
        return ((Number) em.createNativeQuery("""
                select count(distinct s.id) from spans s join annotation_layers l on l.id = s.layer_id
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS' and s.id = any(cast(?2 as bigint[]))""")
                .setParameter(1, documentId).setParameter(2, ids).getSingleResult()).longValue();
    }

    /** Rejects them for the user; answers how many were not rejected before. */
    public int reject(Long[] ids, long userId) {
        return em.createNativeQuery("""
                insert into suggestion_rejections (span_id, user_id)
                select unnest(cast(?1 as bigint[])), ?2 on conflict do nothing""")
                .setParameter(1, ids).setParameter(2, userId).executeUpdate();
    }

    /** Takes the user's rejection of a suggestion of the document back; answers 0 when there was none. */
    public int reconsider(long documentId, long spanId, long userId) {
        return em.createNativeQuery("""
                delete from suggestion_rejections r using spans s, annotation_layers l
                 where r.span_id = ?1 and r.user_id = ?2 and s.id = r.span_id and l.id = s.layer_id
                   and l.document_id = ?3 and l.owner_kind = 'SUGGESTIONS'""")
                .setParameter(1, spanId).setParameter(2, userId).setParameter(3, documentId).executeUpdate();
    }
}
