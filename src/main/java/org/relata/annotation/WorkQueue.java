package org.relata.annotation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** An annotator's work in a project: how far they are and which document comes next. Callers check access. */
@ApplicationScoped
public class WorkQueue {

    public record NextDocument(Long id, String externalId) {
    }

    public record Queue(long total, long done, NextDocument next) {
    }

    @Inject
    EntityManager em;

    @Inject
    Progress progress;

    /**
     * next is the first document after {@code after} (wrapping around) that the user's layer has not marked done.
     * With {@code onlyAssigned} (blind projects, annotators) the queue holds only the documents assigned to the user.
     */
    @SuppressWarnings("unchecked")
    public Queue of(long projectId, long userId, boolean onlyAssigned, Long after) {
        long total = progress.documentCount(projectId, userId, onlyAssigned);
        long done = progress.doneBy(projectId, userId, onlyAssigned);
        // Documents after the current one first, then wrap around to the start.
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.external_id from documents d
                 where d.project_id = ?1
                   and (not ?4 or exists (select 1 from assignments a where a.document_id = d.id and a.user_id = ?2))
                   and not exists (select 1 from annotation_layers l where l.document_id = d.id
                                   and l.owner_kind = 'USER' and l.user_id = ?2 and l.status = 'DONE')
                 order by (d.id <= ?3), d.id
                 limit 1""")
                .setParameter(1, projectId).setParameter(2, userId).setParameter(3, after == null ? 0L : after)
                .setParameter(4, onlyAssigned)
                .getResultList();
        NextDocument next = rows.isEmpty() ? null
                : new NextDocument(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
        return new Queue(total, done, next);
    }
}
