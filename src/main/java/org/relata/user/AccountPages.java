package org.relata.user;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.relata.web.ApiCsrfGuard;
import org.relata.web.ApiException;
import org.relata.web.Flash;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * My account (issue 19, finding 11): change my password, see my sessions and end any of them, and my API tokens with
 * their scope.
 * The token pages of before (/tokens) are part of this page now; their form posts still go to /tokens.
 */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    static final String PAGE = "/account";

    /** A project the user can see, to limit a token to. */
    public record ProjectChoice(long id, String name) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(User user, List<UserSession> sessions, UUID currentSession,
                List<ApiToken> tokens, String newToken, List<ProjectChoice> projects, Map<Long, String> projectNames);
    }

    @Inject CurrentUser currentUser;
    @Inject UserService users;
    @Inject TokenService tokens;
    @Inject UserSessions sessions;
    @Inject EntityManager em;

    @GET
    @Path("account")
    public TemplateInstance account() {
        return page(null);
    }

    /** The old address of the token list. */
    @GET
    @Path("tokens")
    public Response tokensPage() {
        return Response.seeOther(java.net.URI.create(PAGE + "#tokens")).build();
    }

    @POST
    @Path("account/password")
    public Response changePassword(@RestForm String current, @RestForm String password, @RestForm boolean revokeTokens) {
        return Flash.attempt(PAGE, () -> {
            int revoked = users.changeOwnPassword(currentUser.get().id, currentUser.sessionId(), current, password,
                    revokeTokens);
            String message = "Password changed. Your other sessions have ended"
                    + (revokeTokens ? " and " + revoked + " API token" + (revoked == 1 ? " was" : "s were") + " revoked."
                            : ".");
            return Flash.ok(PAGE, message);
        });
    }

    @POST
    @Path("account/sessions/end")
    public Response endOtherSessions() {
        users.endOtherSessions(currentUser.get().id, currentUser.sessionId());
        return Flash.ok(PAGE, "Your other sessions have ended.");
    }

    /** Ends one session; ending this browser's own is a logout. */
    @POST
    @Path("account/sessions/{id}/end")
    public Response endSession(@PathParam("id") String id) {
        UUID session = SessionResource.parse(id);
        users.endOwnSession(currentUser.get().id, session);
        if (session.equals(currentUser.sessionId())) {
            return Response.seeOther(java.net.URI.create("/login?loggedOut=true"))
                    .cookie(LoginPages.expired(ApiCsrfGuard.SESSION_COOKIE), LoginPages.expired(UserSessions.COOKIE))
                    .build();
        }
        return Flash.ok(PAGE, "The session has ended: that browser must log in again.");
    }

    /** Answers with the page itself (not a redirect), so the secret never travels in a URL or cookie. */
    @POST
    @Path("tokens")
    public TemplateInstance createToken(@RestForm String name, @RestForm String expires, @RestForm boolean readOnly,
            @RestForm List<Long> projects) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw ApiException.badField("A token needs a name of 1 to 100 characters.", "name");
        }
        TokenService.Scope scope = new TokenService.Scope(readOnly,
                projects == null || projects.isEmpty() ? null : projects);
        TokenService.Issued issued = tokens.issue(currentUser.get(), trimmed, endOfDay(expires), "name", scope);
        return page(issued.secret());
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revokeToken(@PathParam("id") long id) {
        tokens.revoke(currentUser.get(), id);
        return Flash.ok(PAGE, "Token revoked.");
    }

    private TemplateInstance page(String newToken) {
        User user = currentUser.get();
        List<ProjectChoice> projects = visibleProjects(user);
        Map<Long, String> names = new java.util.HashMap<>();
        projects.forEach(p -> names.put(p.id(), p.name()));
        return Templates.account(user, sessions.of(user.id), currentUser.sessionId(), ApiToken.of(user), newToken,
                projects, names);
    }

    @SuppressWarnings("unchecked")
    private List<ProjectChoice> visibleProjects(User user) {
        List<Object[]> rows = em.createNativeQuery("select p.id, p.name from projects p where ?1 or exists (select 1"
                + " from project_members m where m.project_id = p.id and m.user_id = ?2) order by p.name, p.id")
                .setParameter(1, user.admin).setParameter(2, user.id).getResultList();
        return rows.stream().map(r -> new ProjectChoice(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /** The form's optional expiry date: the token works until the end of that day (UTC). */
    private static OffsetDateTime endOfDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim()).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badField("Give the expiry as a date, YYYY-MM-DD.", "expires");
        }
    }
}
