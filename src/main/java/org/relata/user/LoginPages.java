package org.relata.user;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.relata.web.ApiCsrfGuard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The login form (posted to Quarkus' form authentication) and logout. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean loggedOut);
    }

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("loggedOut") boolean loggedOut) {
        return Templates.login(error, loggedOut);
    }

    @Inject CurrentUser currentUser;
    @Inject UserService users;

    /**
     * Ends every session of the user, not only this browser's (issue 17, finding 2): a copied cookie stops working,
     * and so does a session left open elsewhere. To end one other session, there is the account page.
     */
    @POST
    @Path("logout")
    public Response logout() {
        if (currentUser.isLoggedIn()) {
            users.endSessions(currentUser.get().id);
        }
        return Response.seeOther(URI.create("/login?loggedOut=true"))
                .cookie(expired(ApiCsrfGuard.SESSION_COOKIE), expired(UserSessions.COOKIE)).build();
    }

    static NewCookie expired(String name) {
        return new NewCookie.Builder(name).path("/").maxAge(0).value("").httpOnly(true).build();
    }
}
