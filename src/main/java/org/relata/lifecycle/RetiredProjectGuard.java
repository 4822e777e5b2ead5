package org.relata.lifecycle;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.relata.document.DocumentAccess;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.web.ApiError;
import org.relata.web.Flash;

/**
 * Makes a retired project read-only for everyone, in one place rather than in every write: any POST, PUT, PATCH or
 * DELETE under /api/projects/{id}, /api/documents/{docId}, /projects/{id} or /documents/{docId} of a retired
 * project answers 409 (API) or goes back to the project page with the message (pages). 409 rather than 403: the
 * caller may well be allowed to write; it is the project's state that conflicts, and changes back.
 * Exempt are the calls that act on the project as a whole: its state, copying it, deleting it, and leaving it. A caller who may
 * not see the project passes through, so that the resource answers 404 and nothing is disclosed. Runs after
 * matching, on the resource's (worker) thread.
 */
public class RetiredProjectGuard {

    private static final Pattern PROJECT = Pattern.compile("^/(api/)?projects/(\\d+)(/.*)?$");
    private static final Pattern DOCUMENT = Pattern.compile("^/(api/)?documents/(\\d+)(/.*)?$");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** What may still be done to a retired project: rest of the path after /projects/{id}, per method. */
    private static final Set<String> EXEMPT = Set.of("PUT /state", "POST /state", "DELETE ", "POST /delete",
            "POST /copy", "DELETE /membership", "POST /leave");

    @Inject
    ProjectAccess access;

    @Inject
    DocumentAccess documents;

    @ServerRequestFilter
    public Response guard(ContainerRequestContext context) {
        String method = context.getMethod();
        if (!WRITES.contains(method)) {
            return null;
        }
        String path = context.getUriInfo().getPath();
        Long projectId = null;
        boolean api;
        Matcher project = PROJECT.matcher(path);
        Matcher document = DOCUMENT.matcher(path);
        if (project.matches()) {
            String rest = project.group(3) == null ? "" : project.group(3);
            if (EXEMPT.contains(method + " " + rest)) {
                return null;
            }
            projectId = Long.valueOf(project.group(2));
            api = project.group(1) != null;
        } else if (document.matches()) {
            DocumentAccess.Visible found = visibleDocument(Long.valueOf(document.group(2)));
            if (found == null) {
                return null;
            }
            projectId = found.document().project.id;
            api = document.group(1) != null;
        } else {
            return null;
        }
        Project retired = Project.findById(projectId);
        if (retired == null || !retired.isRetired() || !visible(projectId)) {
            return null;
        }
        String message = "Project '" + retired.name + "' is retired and read-only; a manager can make it active again.";
        if (api) {
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(message)).build();
        }
        return Flash.error("/projects/" + projectId, message);
    }

    /** The document if the caller may see it (remembered for the resource, which asks again), else null. */
    private DocumentAccess.Visible visibleDocument(long documentId) {
        try {
            return documents.visible(documentId);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean visible(long projectId) {
        try {
            access.visible(projectId);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
