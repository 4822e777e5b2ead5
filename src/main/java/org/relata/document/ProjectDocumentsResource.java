package org.relata.document;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.document.LayerStatuses.LayerSummary;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;

/** The documents of a project, a page at a time, with the status of each layer the caller may see. */
@Path("/api/projects/{id}/documents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class ProjectDocumentsResource {

    public record DocumentSummary(Long id, String externalId, int length, List<LayerSummary> layers) {
    }

    public record DocumentPage(List<DocumentSummary> items, long total) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    LayerStatuses layerStatuses;

    @Inject
    EntityManager em;

    @GET
    @Operation(summary = "A page of the project's documents, with the layers the caller may see",
            description = "Annotators see their own layer and suggestions (in a project that is not blind also the "
                    + "other annotators' layers); curators and managers every layer. In a blind project an annotator "
                    + "sees only the documents assigned to them.")
    public DocumentPage list(@PathParam("id") long projectId,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "page starts at 0") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "size is at least 1")
            @Max(value = 1000, message = "size is at most 1000, to keep answers quick") int size) {
        Access access = projectAccess.visible(projectId);
        long total;
        List<Document> documents;
        if (access.seesOnlyAssigned()) {
            total = ((Number) em.createNativeQuery("select count(*) from assignments where project_id = ?1 and user_id = ?2")
                    .setParameter(1, projectId).setParameter(2, access.user().id).getSingleResult()).longValue();
            List<Long> ids = ((List<?>) em.createNativeQuery("""
                    select document_id from assignments where project_id = ?1 and user_id = ?2
                     order by document_id limit ?3 offset ?4""")
                    .setParameter(1, projectId).setParameter(2, access.user().id).setParameter(3, size)
                    .setParameter(4, (long) page * size).getResultList())
                    .stream().map(id -> ((Number) id).longValue()).toList();
            documents = ids.isEmpty() ? List.of() : Document.list("id in ?1 order by id", ids);
        } else {
            total = Document.count("project", access.project());
            documents = Document.find("project = ?1 order by id", access.project()).page(page, size).list();
        }
        Map<Long, List<LayerSummary>> layers = layerStatuses.of(documents.stream().map(d -> d.id).toList(),
                access.seesAllLayers(), access.readsOtherAnnotators(), access.user().id);
        List<DocumentSummary> items = documents.stream()
                .map(d -> new DocumentSummary(d.id, d.externalId, d.length, layers.getOrDefault(d.id, List.of())))
                .toList();
        return new DocumentPage(items, total);
    }
}
