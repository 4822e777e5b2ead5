package org.relata.annotation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.audit.AuditLog;
import org.relata.project.ProjectProgress.DocumentQuery;
import org.relata.web.ApiException;

/**
 * A manager marks one layer of many documents done, or reopens it, in one step: the document list's bulk action.
 * Only the status moves (the annotations are the owner's); each change bumps the layer's version, so an open page
 * that still believes the old status is told on its next write, and each is audited.
 */
@ApplicationScoped
public class LayerStatusChanges {

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /**
     * Sets {@code status} (DONE, or IN_PROGRESS to reopen) on the layer of {@code query}'s owner in each document:
     * the given ids, all of which must be the project's, or with {@code documentIds == null} every document the
     * query's filters match. Marking done creates the layer where the owner has none yet; reopening touches only
     * layers that are done. Answers how many layers changed.
     */
    @Transactional
    public int change(long actorId, DocumentQuery query, List<Long> documentIds, String status) {
        if (!"DONE".equals(status) && !"IN_PROGRESS".equals(status)) {
            throw ApiException.badField("status is DONE or IN_PROGRESS (reopen).", "status");
        }
        List<Long> ids = documentIds == null ? new DocumentList(em, query).matchingIds() : checked(query, documentIds);
        if (ids.isEmpty()) {
            return 0;
        }
        Long[] idArray = ids.toArray(Long[]::new);
        long ownerId = query.ownerId() == null ? 0L : query.ownerId();
        if ("DONE".equals(status)) {
            em.createNativeQuery("""
                    insert into annotation_layers (document_id, doc_length, owner_kind, user_id, status)
                    select d.id, d.length, :kind, :user, 'NEW' from documents d where d.id = any(:ids)
                    on conflict do nothing""")
                    .setParameter("kind", query.ownerKind())
                    .setParameter("user", query.ownerId())
                    .setParameter("ids", idArray)
                    .executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> changed = em.createNativeQuery("""
                update annotation_layers l set status = :status, version = l.version + 1, updated_at = now()
                  from (select id, status from annotation_layers
                         where document_id = any(:ids) and owner_kind = :kind and coalesce(user_id, 0) = :owner
                           and status <> :status and (:status = 'DONE' or status = 'DONE')
                         for update) old
                 where l.id = old.id
                returning l.id, old.status, l.document_id""")
                .setParameter("status", status)
                .setParameter("ids", idArray)
                .setParameter("kind", query.ownerKind())
                .setParameter("owner", ownerId)
                .getResultList();
        for (Object[] row : changed) {
            long layerId = ((Number) row[0]).longValue();
            audit.record(actorId, query.projectId(), new AuditLog.Place(((Number) row[2]).longValue(), layerId),
                    "status", "layer", layerId, Map.of("status", row[1]), Map.of("status", status));
        }
        return changed.size();
    }

    /** The ids, if every one is a document of the project (not in the trash); otherwise nothing changes. */
    @SuppressWarnings("unchecked")
    private List<Long> checked(DocumentQuery query, List<Long> documentIds) {
        Set<Long> wanted = new TreeSet<>(documentIds);
        List<Long> found = ((List<Number>) em.createNativeQuery(
                "select id from documents where project_id = :project and id = any(:ids)")
                .setParameter("project", query.projectId())
                .setParameter("ids", wanted.toArray(Long[]::new))
                .getResultList()).stream().map(Number::longValue).toList();
        if (found.size() != wanted.size()) {
            wanted.removeAll(found);
            throw ApiException.badField("Not documents of this project: " + Arrays.toString(wanted.toArray()),
                    "documents");
        }
        return List.copyOf(wanted);
    }
}
