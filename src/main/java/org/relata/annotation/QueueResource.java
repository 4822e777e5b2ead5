package org.relata.annotation;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;

/** The caller's work in a project: how far they are and which document comes next. */
@Path("/api/projects/{id}/queue")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class QueueResource {

    public record NextDocument(Long id, String externalId) {
    }

    public record Queue(long total, long done, NextDocument next) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    EntityManager em;

    @GET
    @Operation(summary = "My progress and my next document",
            description = "next is the first document after `after` (wrapping around) that my layer has not marked "
                    + "done; null when everything is done.")
    @SuppressWarnings("unchecked")
    public Queue queue(@PathParam("id") long projectId, @QueryParam("after") Long after) {
        Access access = projectAccess.visible(projectId);
        long userId = access.user().id;
        long total = ((Number) em.createNativeQuery("select count(*) from documents where project_id = ?1")
                .setParameter(1, projectId).getSingleResult()).longValue();
        long done = ((Number) em.createNativeQuery("""
                select count(*) from annotation_layers l join documents d on d.id = l.document_id
                 where d.project_id = ?1 and l.owner_kind = 'USER' and l.user_id = ?2 and l.status = 'DONE'""")
                .setParameter(1, projectId).setParameter(2, userId).getSingleResult()).longValue();
        // Documents after the current one first, then wrap around to the start.
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.external_id from documents d
                 where d.project_id = ?1
                   and not exists (select 1 from annotation_layers l where l.document_id = d.id
                                   and l.owner_kind = 'USER' and l.user_id = ?2 and l.status = 'DONE')
                 order by (d.id <= ?3), d.id
                 limit 1""")
                .setParameter(1, projectId).setParameter(2, userId).setParameter(3, after == null ? 0L : after)
                .getResultList();
        NextDocument next = rows.isEmpty() ? null
                : new NextDocument(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
        return new Queue(total, done, next);
    }
}
