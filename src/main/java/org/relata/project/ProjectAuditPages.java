package org.relata.project;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.relata.audit.AuditTrail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The audit page of a project, for its managers, filterable like its API ({@link ProjectAuditResource}). */
@Path("/projects/{id}/audit")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProjectAuditPages {

    static final int PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Project project, AuditTrail.Page page, String user, String document,
                String older, int retentionDays);
    }

    @Inject ProjectAccess access;
    @Inject AuditTrail trail;

    @GET
    public TemplateInstance page(@PathParam("id") long id, @BeanParam AuditFilter filter) {
        Project project = access.requiring(id, Role.MANAGER).project();
        String shownUser = filter.user();
        String shownDocument = filter.document();
        AuditTrail.Page page = trail.page(id, shownUser, shownDocument, filter.before(), PAGE_SIZE);
        String older = page.next() == null ? null : "/projects/" + id + "/audit?before=" + page.next()
                + (shownUser == null ? "" : "&user=" + encoded(shownUser))
                + (shownDocument == null ? "" : "&document=" + encoded(shownDocument));
        return Templates.audit(project, page, shownUser, shownDocument, older, trail.retentionDays());
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
