package org.relata.document;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.document.LayerStatuses.LayerSummary;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.DocumentListRequest;
import org.relata.project.ProjectProgress;
import org.relata.project.ProjectProgress.DocumentRow;
import org.relata.project.ProjectProgress.DocumentRows;

/** The documents of a project, a page at a time, sorted and filtered, with the status of each layer the caller may see. */
@Path("/api/projects/{id}/documents")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class ProjectDocumentsResource {

    public record DocumentSummary(Long id, String externalId, int length, String status, OffsetDateTime changed,
            List<LayerSummary> layers) {
    }

    /** total counts every document matching the filters; next is the cursor of the following page (null at the end). */
    public record DocumentPage(List<DocumentSummary> items, long total, String next) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    ProjectProgress progress;

    @Inject
    LayerStatuses layerStatuses;

    @GET
    @Operation(summary = "A page of the project's documents, with the layers the caller may see",
            description = "Annotators see their own layer and suggestions (in a project that is not blind also the "
                    + "other annotators' layers); curators and managers every layer. In a blind project an annotator "
                    + "sees only the documents assigned to them. status and changed on each item are those of the "
                    + "layer named by owner. Pages by page/size, or by the after cursor (each answer's next), which "
                    + "stays quick at any depth.")
    public DocumentPage list(@PathParam("id") long projectId,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "page starts at 0") int page,
            @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "size is at least 1")
            @Max(value = 1000, message = "size is at most 1000, to keep answers quick") int size,
            @QueryParam("sort") @Parameter(description = DocumentListRequest.SORT_HELP) String sort,
            @QueryParam("status") @Parameter(description = "Only documents whose layer (see owner) has this status: "
                    + "NEW, IN_PROGRESS or DONE") String status,
            @QueryParam("annotator") @Parameter(description = "Only documents assigned to this username (curators "
                    + "and managers)") String annotator,
            @QueryParam("owner") @Parameter(description = DocumentListRequest.OWNER_HELP) String owner,
            @QueryParam("after") @Parameter(description = "The next cursor of the previous page; page is then "
                    + "ignored") String after) {
        Access access = projectAccess.visible(projectId);
        DocumentRows rows = progress.documents(DocumentListRequest.query(access, sort, status, annotator, owner, after,
                size, (long) page * size));
        Map<Long, List<LayerSummary>> layers = layerStatuses.of(rows.rows().stream().map(DocumentRow::id).toList(),
                access.seesAllLayers(), access.readsOtherAnnotators(), access.user().id);
        List<DocumentSummary> items = rows.rows().stream()
                .map(d -> new DocumentSummary(d.id(), d.externalId(), d.length(), d.status(), d.changed(),
                        layers.getOrDefault(d.id(), List.of())))
                .toList();
        return new DocumentPage(items, rows.total(), rows.next());
    }
}
