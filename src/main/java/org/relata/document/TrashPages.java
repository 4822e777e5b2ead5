package org.relata.document;

import java.util.List;
import java.util.function.LongConsumer;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.relata.document.Trash.TrashedDocument;
import org.relata.project.Project;
import org.relata.project.DocumentListRequest;
import org.relata.project.ProjectAccess;
import org.relata.project.ProjectProgress;
import org.relata.project.ProjectAccess.Access;
import org.relata.project.Role;
import org.relata.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The trash page (restore, purge) and the project page's bulk delete, which posts the selected documents here.
 */
@Path("/projects/{id}/trash")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class TrashPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trash(Project project, List<TrashedDocument> documents, int retentionDays);
    }

    @Inject ProjectAccess access;
    @Inject Trash trash;
    @Inject ProjectProgress progress;

    @GET
    public TemplateInstance page(@PathParam("id") long id) {
        Project project = access.requiring(id, Role.MANAGER).project();
        return Templates.trash(project, trash.list(id), trash.retentionDays());
    }

    @POST
    public Response trashSelected(@PathParam("id") long id, @RestForm("document") List<Long> documents,
            @RestForm String scope, @RestForm String owner, @RestForm String filterStatus,
            @RestForm String filterAnnotator) {
        Access a = access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id;
        List<Long> chosen = "all".equals(scope)
                ? progress.matchingIds(DocumentListRequest.query(a, null, filterStatus, filterAnnotator, owner, null, 1, 0))
                : documents;
        if (chosen == null || chosen.isEmpty()) {
            return Flash.error(back, "Select the documents to delete first.");
        }
        return Flash.attempt(back, () -> {
            int moved = trash.trash(a.user().id, id, chosen);
            return Flash.ok(back, moved + (moved == 1 ? " document" : " documents")
                    + " moved to the trash. Restore them from the trash within " + trash.retentionDays() + " days.");
        });
    }

    @POST
    @Path("/{docId}/restore")
    public Response restore(@PathParam("id") long id, @PathParam("docId") long docId) {
        return inTrash(id, userId -> trash.restore(userId, id, docId), "Document restored.");
    }

    @POST
    @Path("/{docId}/purge")
    public Response purge(@PathParam("id") long id, @PathParam("docId") long docId) {
        return inTrash(id, userId -> trash.purge(userId, id, docId), "Document deleted for good.");
    }

    /** A manager's change to one trashed document; back to the trash page either way. */
    private Response inTrash(long id, LongConsumer change, String done) {
        Access a = access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id + "/trash";
        return Flash.attempt(back, () -> change.accept(a.user().id), done);
    }
}
