package org.relata.user;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;


import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The security log page, for admins, filterable like its API ({@link SecurityLogResource}). */
@Path("/admin/security-log")
@RolesAllowed(User.ROLE_ADMIN)
public class SecurityLogPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance securityLog(List<SecurityLog.Event> events, List<String> types, String type,
                String user, String since, int retentionDays);
    }

    @Inject SecurityLog log;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("type") String type, @QueryParam("user") String user,
            @QueryParam("since") String since) {
        String shownUser = SecurityLogResource.blankToNull(user);
        List<SecurityLog.Event> events = log.list(SecurityLogResource.type(type), shownUser,
                SecurityLogResource.since(since), 500);
        return Templates.securityLog(events, SecurityLog.TYPES.stream().sorted().toList(),
                SecurityLogResource.blankToNull(type), shownUser, SecurityLogResource.blankToNull(since),
                log.retentionDays());
    }
}
