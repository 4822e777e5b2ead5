package org.relata.workflow.live;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.relata.document.DocumentAccess;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;

/**
 * The database side of opening a stream, each in a short transaction of its own: a stream stays open for hours and
 * must not hold a pooled connection meanwhile.
 */
@ApplicationScoped
public class LiveService {

    @Inject
    DocumentAccess documents;

    @Inject
    ProjectAccess projects;

    @Inject
    EntityManager em;

    /** What the caller may see of the document's layers; 404 when they may not see the document. */
    @Transactional
    public Reader documentReader(long documentId) {
        return Reader.of(documents.visible(documentId).access());
    }

    /** What the caller may see of the project's layers: curators and managers only (the progress dashboard). */
    @Transactional
    public Reader projectReader(long projectId) {
        return Reader.of(projects.requiring(projectId, Role.CURATOR));
    }

    /** The current version and status of each layer of the document that the reader may see. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<LayerChange.Event> layers(long documentId, Reader reader) {
        List<LayerChange.Event> layers = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select l.owner_kind, l.user_id, u.username, l.version, l.status
                  from annotation_layers l join documents d on d.id = l.document_id left join users u on u.id = l.user_id
                 where l.document_id = ?1 order by l.id""").setParameter(1, documentId).getResultList()) {
            String kind = (String) row[0];
            Long owner = row[1] == null ? null : ((Number) row[1]).longValue();
            if (reader.sees(kind, owner)) {
                String name = switch (kind) {
                    case "GOLD" -> "gold";
                    case "SUGGESTIONS" -> "suggestions";
                    default -> (String) row[2];
                };
                layers.add(new LayerChange.Event(documentId, name, ((Number) row[3]).longValue(), (String) row[4],
                        false));
            }
        }
        return layers;
    }
}
