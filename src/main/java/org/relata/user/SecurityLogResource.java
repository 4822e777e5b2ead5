package org.relata.user;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.relata.web.ApiException;


/** The security log, for admins (issue 19, finding 11); its page is {@link SecurityLogPages}. */
@Path("/api/admin/security-log")
@RolesAllowed(User.ROLE_ADMIN)
public class SecurityLogResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    SecurityLog log;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Users")
    @Operation(summary = "The security log, newest first (admin only)",
            description = "Logins, failed logins, throttling, token creation and revocation, password changes and"
                    + " resets, role and right grants: who, when, from which address. Kept"
                    + " relata.security-log.retention-days.")
    public List<SecurityLog.Event> list(
            @QueryParam("type") @Parameter(description = "one event type, e.g. LOGIN_FAILED") String type,
            @QueryParam("user") @Parameter(description = "the user concerned or the actor") String user,
            @QueryParam("since") @Parameter(description = "ISO 8601 instant or date (UTC)") String since,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badField("limit is 1 to " + MAX_LIMIT + ", for performance reasons.", "limit");
        }
        return log.list(type(type), blankToNull(user), since(since), limit);
    }

    static String type(String type) {
        String value = blankToNull(type);
        if (value == null) {
            return null;
        }
        value = value.toUpperCase(Locale.ROOT);
        if (!SecurityLog.TYPES.contains(value)) {
            throw ApiException.badField("type is one of " + SecurityLog.TYPES.stream().sorted().toList() + ".", "type");
        }
        return value;
    }

    static OffsetDateTime since(String since) {
        String value = blankToNull(since);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("since is an ISO 8601 instant (2026-01-31T12:00:00Z) or a date (2026-01-31).",
                    "since");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
