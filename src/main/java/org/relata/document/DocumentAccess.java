package org.relata.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.Role;
import org.relata.user.User;
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

    /** What this request found visible already (a guard looks before the resource does). */
    private final Map<Long, Visible> seen = new HashMap<>();

    public Visible visible(long documentId) {
        Visible known = seen.get(documentId);
        if (known != null) {
            return known;
        }
        Visible visible = lookUp(documentId);
        seen.put(documentId, visible);
        return visible;
    }

    private Visible lookUp(long documentId) {
        Document document = projectAccess.unreadCaller()
                .map(username -> withCaller(documentId, username))
                .orElseGet(() -> Document.findById(documentId));
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

    /**
     * The document, and the caller with their role in its project handed to {@link ProjectAccess}: one query where
     * two were, on every document call of a script (issue 14, item 3). When it finds nothing (no such document, or
     * no such user), the document is looked up alone and the caller as usual, so the answer is the same as ever.
     */
    private Document withCaller(long documentId, String username) {
        List<Object[]> rows = em.createQuery("""
                select d, u, m.role from Document d join fetch d.project p join User u on u.username = ?2
                  left join ProjectMember m on m.user = u and m.project = p
                 where d.id = ?1""", Object[].class)
                .setParameter(1, documentId).setParameter(2, username).getResultList();
        if (rows.isEmpty()) {
            return Document.findById(documentId);
        }
        Document document = (Document) rows.get(0)[0];
        projectAccess.knownCaller(document.project.id, (User) rows.get(0)[1], (Role) rows.get(0)[2]);
        return document;
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
