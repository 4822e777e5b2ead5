package org.relata.suggestion;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.audit.AuditLog;
import org.relata.document.DocumentAccess;
import org.relata.suggestion.SuggestionResource.SuggestionView;
import org.relata.suggestion.SuggestionResource.Suggestions;
import org.relata.web.ApiException;

/** Reads a document's suggestions for one annotator and keeps their rejections. */
@ApplicationScoped
public class SuggestionService {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @SuppressWarnings("unchecked")
    public Suggestions of(long documentId, long userId, Double minScore) {
        List<SuggestionView> spans = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select s.id, s.start_offset, s.end_offset, t.name, s.score
                  from spans s join annotation_layers l on l.id = s.layer_id join entity_types t on t.id = s.entity_type_id
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS'
                   and (cast(?2 as double precision) is null or s.score is null or s.score >= cast(?2 as double precision))
                   and not exists (select 1 from suggestion_rejections r where r.span_id = s.id and r.user_id = ?3)
                 order by s.start_offset, s.end_offset, s.id""")
                .setParameter(1, documentId).setParameter(2, minScore).setParameter(3, userId).getResultList()) {
            spans.add(new SuggestionView(((Number) row[0]).longValue(), ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(), (String) row[3], row[4] == null ? null : ((Number) row[4]).doubleValue()));
        }
        long rejected = ((Number) em.createNativeQuery("""
                select count(*) from suggestion_rejections r join spans s on s.id = r.span_id
                  join annotation_layers l on l.id = s.layer_id
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS' and r.user_id = ?2""")
                .setParameter(1, documentId).setParameter(2, userId).getSingleResult()).longValue();
        return new Suggestions(spans, rejected);
    }

    /** Rejects the suggestions for the caller; answers how many were not rejected before. */
    public int reject(DocumentAccess.Visible visible, List<Long> ids) {
        long documentId = visible.document().id;
        Long[] array = ids.toArray(Long[]::new);
        for (Long id : array) {
            if (id == null) {
                throw ApiException.badField("ids holds suggestion ids (numbers).", "ids");
            }
        }
        Number found = (Number) em.createNativeQuery("""
                select count(distinct s.id) from spans s join annotation_layers l on l.id = s.layer_id
                 where l.document_id = ?1 and l.owner_kind = 'SUGGESTIONS' and s.id = any(cast(?2 as bigint[]))""")
                .setParameter(1, documentId).setParameter(2, array).getSingleResult();
        if (found.longValue() != ids.stream().distinct().count()) {
            throw ApiException.badField("ids must all be suggestions of this document.", "ids");
        }
        int added = em.createNativeQuery("""
                insert into suggestion_rejections (span_id, user_id)
                select unnest(cast(?1 as bigint[])), ?2 on conflict do nothing""")
                .setParameter(1, array).setParameter(2, visible.access().user().id).executeUpdate();
        audit.record(visible.access().user().id, visible.document().project.id, "reject", "suggestion", documentId,
                null, java.util.Map.of("suggestions", ids.size()));
        return added;
    }

    public int reconsider(DocumentAccess.Visible visible, long spanId) {
        int removed = em.createNativeQuery("""
                delete from suggestion_rejections r using spans s, annotation_layers l
                 where r.span_id = ?1 and r.user_id = ?2 and s.id = r.span_id and l.id = s.layer_id
                   and l.document_id = ?3 and l.owner_kind = 'SUGGESTIONS'""")
                .setParameter(1, spanId).setParameter(2, visible.access().user().id)
                .setParameter(3, visible.document().id).executeUpdate();
        if (removed == 0) {
            throw ApiException.notFound("You have not rejected such a suggestion of this document.");
        }
        return removed;
    }
}
