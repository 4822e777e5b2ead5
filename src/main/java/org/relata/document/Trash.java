package org.relata.document;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.persistence.SqlValues;
import org.relata.audit.AuditLog;
import org.relata.web.ApiException;
import org.relata.web.PurgeByAge;
import org.relata.web.Retention;
import org.relata.web.RetentionPurge;

import io.smallrye.config.ConfigMapping;

/**
 * A project's trash. A trashed document keeps its row, its layers and its external id; the view "documents" (V5)
 * hides it from every other query, so it answers 404 everywhere until it is restored. The trash is the one place
 * that reads "all_documents".
 */
@ApplicationScoped
public class Trash extends PurgeByAge {

    public record TrashedDocument(long id, String externalId, int length, OffsetDateTime trashedAt, String trashedBy,
            OffsetDateTime purgedAfter) {
    }

    @Inject EntityManager em;
    @Inject AuditLog audit;
    @Inject @ConfigMapping(prefix = "relata.trash") Retention retention;

    public Trash() {
        super("document(s)");
    }

    /** Moves documents of one project to its trash; ids that are not (visible) documents of it are refused whole. */
    @Transactional
    public int trash(long userId, long projectId, List<Long> documentIds) {
        for (Long id : documentIds) {
            Object[] row = rowOf(projectId, id);
            if (row == null || row[2] != null) {
                throw DocumentAccess.noSuchDocument();
            }
        }
        for (Long id : documentIds) {
            em.createNativeQuery("update all_documents set trashed_at = now(), trashed_by = ?1 where id = ?2")
                    .setParameter(1, userId).setParameter(2, id).executeUpdate();
            audit.record(userId, projectId, "trash", "document", id, null, Map.of("externalId", rowOf(projectId, id)[1]));
        }
        return documentIds.size();
    }

    @Transactional
    public List<TrashedDocument> list(long projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.external_id, d.length, d.trashed_at, u.username
                  from all_documents d left join users u on u.id = d.trashed_by
                 where d.project_id = ?1 and d.trashed_at is not null
                 order by d.trashed_at desc, d.id""").setParameter(1, projectId).getResultList();
        return rows.stream().map(r -> {
            OffsetDateTime at = SqlValues.timestamp(r[3]);
            return new TrashedDocument(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(), at,
                    (String) r[4], at.plusDays(retentionDays()));
        }).toList();
    }

    /** Takes a document out of the trash with all its layers. */
    @Transactional
    public void restore(long userId, long projectId, long documentId) {
        Object[] row = trashedRow(projectId, documentId);
        em.createNativeQuery("update all_documents set trashed_at = null, trashed_by = null where id = ?1")
                .setParameter(1, documentId).executeUpdate();
        audit.record(userId, projectId, "restore", "document", documentId, null, Map.of("externalId", row[1]));
    }

    /** Deletes a trashed document for good, with its layers (the foreign keys cascade); its external id is free. */
    @Transactional
    public void purge(Long userId, long projectId, long documentId) {
        Object[] row = trashedRow(projectId, documentId);
        em.createNativeQuery("delete from all_documents where id = ?1").setParameter(1, documentId).executeUpdate();
        audit.record(userId, projectId, "purge", "document", documentId, Map.of("externalId", row[1]), null);
    }

    /** Purges every document trashed before {@code now} minus the retention; the scheduled purge calls this. */
    @Override
    @Transactional
    public int purgeExpired(Instant now) {
        OffsetDateTime cutoff = RetentionPurge.cutoff(now, retentionDays());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, project_id from all_documents where trashed_at is not null and trashed_at < ?1")
                .setParameter(1, cutoff).getResultList();
        for (Object[] r : rows) {
            purge(null, ((Number) r[1]).longValue(), ((Number) r[0]).longValue());
        }
        return rows.size();
    }

    @Override
    protected Retention retention() {
        return retention;
    }

    @Override
    public String describePurge(int purged) {
        return super.describePurge(purged) + " from the trash";
    }

    private Object[] trashedRow(long projectId, long documentId) {
        Object[] row = rowOf(projectId, documentId);
        if (row == null || row[2] == null) {
            throw ApiException.notFound("No such document in the trash.");
        }
        return row;
    }

    /** (id, external_id, trashed_at) of a document of this project, in the trash or not; null when none. */
    private Object[] rowOf(long projectId, long documentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, external_id, trashed_at from all_documents where id = ?1 and project_id = ?2")
                .setParameter(1, documentId).setParameter(2, projectId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
