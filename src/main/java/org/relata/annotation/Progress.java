package org.relata.annotation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.document.LayerStatuses;
import org.relata.project.ProjectProgress;

/**
 * Every question other features ask about layers: counts and statuses. The SQL over the layer table stays here,
 * beside the layers, and the others reach it through their own interfaces.
 */
@ApplicationScoped
public class Progress implements ProjectProgress, LayerStatuses {

    @Inject
    EntityManager em;

    @Override
    public DocumentRows documents(DocumentQuery query) {
        return new DocumentList(em, query).page();
    }

    @Override
    public List<Long> matchingIds(DocumentQuery query) {
        return new DocumentList(em, query).matchingIds();
    }

    @Override
    public long documentCount(long projectId, long userId, boolean onlyAssigned) {
        return ((Number) em.createNativeQuery("""
                select count(*) from documents d where d.project_id = ?1 and (not ?3 or exists (
                    select 1 from assignments a where a.document_id = d.id and a.user_id = ?2))""")
                .setParameter(1, projectId).setParameter(2, userId).setParameter(3, onlyAssigned)
                .getSingleResult()).longValue();
    }

    @Override
    public long doneBy(long projectId, long userId, boolean onlyAssigned) {
        return ((Number) em.createNativeQuery("""
                select count(*) from annotation_layers l join documents d on d.id = l.document_id
                 where d.project_id = ?1 and l.owner_kind = 'USER' and l.user_id = ?2 and l.status = 'DONE'
                   and (not ?3 or exists (select 1 from assignments a where a.document_id = d.id and a.user_id = ?2))""")
                .setParameter(1, projectId).setParameter(2, userId).setParameter(3, onlyAssigned)
                .getSingleResult()).longValue();
    }

    /** One query for all the documents; without seesAll only the user's own layer and the suggestions. */
    @Override
    @SuppressWarnings("unchecked")
    public Map<Long, List<LayerSummary>> of(List<Long> documentIds, boolean seesAll, boolean seesAnnotators,
            long userId) {
        Map<Long, List<LayerSummary>> result = new LinkedHashMap<>();
        if (documentIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select l.document_id, l.owner_kind, u.username, l.status
                  from annotation_layers l left join users u on u.id = l.user_id
                 where l.document_id = any(?1)
                   and (?2 or l.owner_kind = 'SUGGESTIONS' or l.user_id = ?3 or (?4 and l.owner_kind = 'USER'))
                 order by l.document_id, l.owner_kind, u.username""")
                .setParameter(1, documentIds.toArray(Long[]::new))
                .setParameter(2, seesAll)
                .setParameter(3, userId)
                .setParameter(4, seesAnnotators)
                .getResultList();
        for (Object[] row : rows) {
            String owner = LayerOwner.valueOf((String) row[1]).nameFor((String) row[2]);
            result.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                    .add(new LayerSummary(owner, (String) row[3]));
        }
        return result;
    }
}
