package org.relata.document;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.web.ApiException;

/**
 * A document the caller may see, with their access to its project; 404 for the rest, so nothing is disclosed. In a
 * blind project an annotator sees only the documents assigned to them.
 */
@RequestScoped
public class DocumentAccess {

    public record Visible(Document document, Access access) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    EntityManager em;

    public Visible visible(long documentId) {
        Document document = Document.findById(documentId);
        if (document == null) {
            throw noSuchDocument();
        }
        Access access;
        try {
            access = projectAccess.visible(document.project.id);
        } catch (ApiException e) {
            throw noSuchDocument();
        }
        requireSees(access, documentId);
        return new Visible(document, access);
    }

    /** 404 unless the caller, who may see the document's project, may also see the document itself. */
    public void requireSees(Access access, long documentId) {
        if (access.seesOnlyAssigned() && !isAssigned(documentId, access.user().id)) {
            throw noSuchDocument();
        }
    }

    private boolean isAssigned(long documentId, long userId) {
        return !em.createNativeQuery("select 1 from assignments where document_id = ?1 and user_id = ?2")
                .setParameter(1, documentId).setParameter(2, userId).getResultList().isEmpty();
    }

    public static ApiException noSuchDocument() {
        return ApiException.notFound("No such document.");
    }
}
