package org.relata.annotation;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.project.DocumentListRequest;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.ProjectProgress.DocumentQuery;
import org.relata.project.Role;
import org.relata.web.ApiException;

/** The document list's bulk "mark done" and "reopen" for one layer (managers). */
@Path("/api/projects/{id}/documents/status")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Documents and annotations")
public class LayerStatusChangesResource {

    /** Which documents when {@code documents} is "all": the list's filters. */
    public record Filter(String status, String annotator) {
    }

    /** documents: an array of document ids, or "all" for every document {@code filter} matches. */
    public record BulkStatus(JsonNode documents, String owner, String status, Filter filter) {
    }

    public record Changed(int changed) {
    }

    @Inject
    ProjectAccess projectAccess;

    @Inject
    LayerStatusChanges changes;

    @POST
    @Operation(summary = "Mark one layer of many documents done, or reopen it (manager)",
            description = "Body: {\"documents\": [docId, ...] | \"all\", \"owner\": \"me\" | \"gold\" | username, "
                    + "\"status\": \"DONE\" | \"IN_PROGRESS\", \"filter\": {\"status\", \"annotator\"}}. With \"all\", "
                    + "every document the filter matches (as in the document list). Reopening moves only layers "
                    + "that are done; marking done creates a missing layer. All or nothing; each change is audited "
                    + "and bumps the layer's version. Answers {\"changed\": n}.")
    public Changed change(@PathParam("id") long projectId, BulkStatus body) {
        Access access = projectAccess.requiring(projectId, Role.MANAGER);
        if (body == null || body.documents() == null) {
            throw ApiException.badField("documents is a list of document ids or \"all\".", "documents");
        }
        Filter filter = body.filter() == null ? new Filter(null, null) : body.filter();
        DocumentQuery query = DocumentListRequest.query(access, null, filter.status(), filter.annotator(), body.owner(),
                null, 1, 0);
        return new Changed(changes.change(access.user().id, query, ids(body.documents()), body.status()));
    }

    /** null for "all". */
    private static List<Long> ids(JsonNode documents) {
        if (documents.isTextual() && "all".equals(documents.asText())) {
            return null;
        }
        if (!documents.isArray()) {
            throw ApiException.badField("documents is a list of document ids or \"all\".", "documents");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : documents) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                throw ApiException.badField("documents holds document ids (numbers), not " + id, "documents");
            }
            ids.add(id.asLong());
        }
        return ids;
    }
}
