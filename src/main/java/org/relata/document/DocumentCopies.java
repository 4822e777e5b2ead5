package org.relata.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.project.ProjectDocuments;

/** Copies documents between projects in one statement: text, metadata and external ids, no layers. */
@ApplicationScoped
public class DocumentCopies implements ProjectDocuments {

    @Inject
    EntityManager em;

    @Override
    public long copyDocuments(long fromProjectId, long toProjectId) {
        return em.createNativeQuery("""
                insert into all_documents (project_id, external_id, text, meta, length)
                select ?2, external_id, text, meta, length from documents where project_id = ?1 order by id""")
                .setParameter(1, fromProjectId).setParameter(2, toProjectId).executeUpdate();
    }
}
