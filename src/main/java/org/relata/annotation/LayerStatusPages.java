package org.relata.annotation;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestForm;
import org.relata.project.DocumentListRequest;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.ProjectProgress.DocumentQuery;
import org.relata.project.Role;
import org.relata.web.Flash;

/** The project page's "Mark done" and "Reopen" buttons under the document list (managers). */
@Path("/projects/{id}/documents/status")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class LayerStatusPages {

    @Inject ProjectAccess access;
    @Inject LayerStatusChanges changes;

    @POST
    public Response change(@PathParam("id") long id, @RestForm("document") List<Long> documents,
            @RestForm String status, @RestForm String scope, @RestForm String owner, @RestForm String filterStatus,
            @RestForm String filterAnnotator) {
        Access a = access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id;
        boolean all = "all".equals(scope);
        if (!all && (documents == null || documents.isEmpty())) {
            return Flash.error(back, "Select the documents first, or tick \"all matching documents\".");
        }
        return Flash.attempt(back, () -> {
            DocumentQuery query = DocumentListRequest.query(a, null, filterStatus, filterAnnotator, owner, null, 1, 0);
            int changed = changes.change(a.user().id, query, all ? null : documents, status);
            String verb = "DONE".equals(status) ? " marked done." : " reopened.";
            return Flash.ok(back, changed + (changed == 1 ? " layer" : " layers") + verb);
        });
    }
}
