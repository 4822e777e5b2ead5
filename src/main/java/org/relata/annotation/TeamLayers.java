package org.relata.annotation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What team assignment (org.relata.workflow) needs to know about and do to annotator layers. */
@ApplicationScoped
public class TeamLayers {

    @Inject
    EntityManager em;

    /** Status of every annotator layer in the project, keyed "documentId:userId"; no entry means NEW. */
    @SuppressWarnings("unchecked")
    public Map<String, String> statuses(long projectId) {
        Map<String, String> statuses = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select l.document_id, l.user_id, l.status from annotation_layers l join documents d on d.id = l.document_id
                 where d.project_id = ?1 and l.owner_kind = 'USER'""")
                .setParameter(1, projectId).getResultList()) {
            statuses.put(row[0] + ":" + row[1], (String) row[2]);
        }
        return statuses;
    }

    /** Deletes the user's layer of the document with its spans and relations; true when there was one. */
    public boolean discard(long documentId, long userId) {
        return em.createNativeQuery("""
                delete from annotation_layers where document_id = ?1 and owner_kind = 'USER' and user_id = ?2""")
                .setParameter(1, documentId).setParameter(2, userId).executeUpdate() > 0;
    }

    /** How many layers the user has in each project, documents in the trash included; keyed by project id. */
    @SuppressWarnings("unchecked")
    public Map<Long, Long> layerCounts(long userId) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select d.project_id, count(*) from annotation_layers l join all_documents d on d.id = l.document_id
                 where l.owner_kind = 'USER' and l.user_id = ?1 group by d.project_id""")
                .setParameter(1, userId).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Deletes every layer of the user in the project (trashed documents included); answers how many. */
    public int discardAll(long projectId, long userId) {
        return em.createNativeQuery("""
                delete from annotation_layers l using all_documents d
                 where d.id = l.document_id and d.project_id = ?1 and l.owner_kind = 'USER' and l.user_id = ?2""")
                .setParameter(1, projectId).setParameter(2, userId).executeUpdate();
    }

    /**
     * Changes whenever the project's agreement may change: a layer marked done or reopened, a write to a done layer, a
     * document deleted, a label renamed. Cheap (one aggregate over the project's annotator layers), so a cached
     * agreement can be checked on every page view.
     */
    public String agreementFingerprint(long projectId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(l.version), 0), coalesce(max(l.id), 0),
                       coalesce(max(extract(epoch from l.updated_at)), 0),
                       (select coalesce(sum(hashtext(name)), 0) from entity_types where project_id = ?1),
                       (select coalesce(sum(hashtext(name || directed)), 0) from relation_types where project_id = ?1)
                  from annotation_layers l join documents d on d.id = l.document_id
                 where d.project_id = ?1 and l.owner_kind = 'USER' and l.status = 'DONE'""")
                .setParameter(1, projectId).getSingleResult();
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            key.append(value).append('/');
        }
        return key.toString();
    }

    /** One layer of a document as the live streams announce it: owner kind, owner id and name, version, status. */
    public record LayerVersion(String kind, Long userId, String username, long version, String status) {
    }

    /** Every layer of a document, in creation order, for a live stream's first events. */
    @SuppressWarnings("unchecked")
    public java.util.List<LayerVersion> versions(long documentId) {
        return ((java.util.List<Object[]>) em.createNativeQuery("""
                select l.owner_kind, l.user_id, u.username, l.version, l.status
                  from annotation_layers l join documents d on d.id = l.document_id left join users u on u.id = l.user_id
                 where l.document_id = ?1 order by l.id""").setParameter(1, documentId).getResultList()).stream()
                .map(row -> new LayerVersion((String) row[0], row[1] == null ? null : ((Number) row[1]).longValue(),
                        (String) row[2], ((Number) row[3]).longValue(), (String) row[4]))
                .toList();
    }
}
