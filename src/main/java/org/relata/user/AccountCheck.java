package org.relata.user;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.relata.web.ApiCsrfGuard;
import org.relata.web.CsrfToken;
import org.relata.web.Flash;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs on every authenticated request: a disabled account is refused whatever it presents, and a session cookie
 * counts only together with a live session record (the {@value UserSessions#COOKIE} cookie, issued at form login,
 * looked up by its hash in the same query that loads the user). Deleting the record ({@link UserSessions}) thus
 * ends that session at once, on every instance. A request riding on a live session carries the session's id and
 * CSRF token on its identity ({@link UserSessions#SESSION_ID}, {@link CsrfToken#ATTRIBUTE}).
 */
@ApplicationScoped
public class AccountCheck implements SecurityIdentityAugmentor {

    /** How an identity was proved: {@link #PASSWORD}, {@link #TOKEN} or {@link #SESSION} (the session cookie). */
    public static final String CREDENTIAL = "relata.credential";
    public static final String PASSWORD = "password";
    public static final String TOKEN = "token";
    public static final String SESSION = "session";
    /** What the login page says to someone whose session ended because their account was disabled. */
    public static final String DISABLED = "This account is disabled. Ask an administrator to enable it again.";

    @Inject
    UserSessions sessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        return context.runBlocking(() -> check(identity, http));
    }

    @ActivateRequestContext
    SecurityIdentity check(SecurityIdentity identity, RoutingContext http) {
        String username = identity.getPrincipal().getName();
        Object credential = identity.getAttribute(CREDENTIAL);
        boolean fromSessionCookie = !PASSWORD.equals(credential) && !TOKEN.equals(credential);
        if (fromSessionCookie) {
            Cookie secret = http == null ? null : http.request().getCookie(UserSessions.COOKIE);
            return sessions.live(secret == null ? null : secret.getValue(), username)
                    .map(session -> withSession(identity, session))
                    .orElseGet(() -> endedSession(http, User.byUsername(username).filter(u -> !u.enabled).isPresent()));
        }
        if (TOKEN.equals(credential)) {
            return identity; // the token's own query required an enabled account (ApiTokenIdentityProvider)
        }
        User user = User.byUsername(username).orElse(null);
        if (user == null || !user.enabled) {
            throw new AuthenticationFailedException("account disabled");
        }
        if (http != null && isFormLogin(http)) {
            return startSession(identity, user, http);
        }
        return identity;
    }

    /** A form login: a new session record, whose secret the browser keeps in an HttpOnly, SameSite cookie. */
    private SecurityIdentity startSession(SecurityIdentity identity, User user, RoutingContext http) {
        Cookie previous = http.request().getCookie(UserSessions.COOKIE);
        UserSessions.Started started = sessions.start(user, clientAddress(http), http.request().getHeader("User-Agent"),
                previous == null ? null : previous.getValue());
        http.response().addCookie(Cookie.cookie(UserSessions.COOKIE, started.secret()).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                // Behind a TLS proxy with address forwarding on, the scheme is the forwarded one.
                .setSecure(http.request().isSSL() || "https".equals(http.request().scheme())));
        return withSession(identity, started.session());
    }

    private static SecurityIdentity withSession(SecurityIdentity identity, UserSession session) {
        return QuarkusSecurityIdentity.builder(identity).addAttribute(UserSessions.SESSION_ID, session.id)
                .addAttribute(CsrfToken.ATTRIBUTE, session.csrfToken).build();
    }

    private static String clientAddress(RoutingContext http) {
        SocketAddress remote = http.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }

    /**
     * An ended session continues as an anonymous visitor whose stale cookies are removed: public pages (the login
     * form) still answer, protected ones ask for a login, and the browser does not loop between them. When the
     * session ended because the account is disabled, the next page (the login form) says so, once.
     */
    private static SecurityIdentity endedSession(RoutingContext http, boolean disabled) {
        if (http == null) {
            return anonymous();
        }
        // A browser's favicon, style sheet or script request racing ahead of the next page leaves the cookies alone:
        // clearing them there would let that page arrive without a session to explain. Pages (and clients that are
        // no browser) clear them.
        String destination = http.request().getHeader("Sec-Fetch-Dest");
        if (destination == null || destination.equals("document")) {
            http.response().addCookie(Cookie.cookie(ApiCsrfGuard.SESSION_COOKIE, "").setPath("/").setMaxAge(0));
            http.response().addCookie(Cookie.cookie(UserSessions.COOKIE, "").setPath("/").setMaxAge(0));
        }
        if (disabled) {
            // Only a page carries the message to the next page: a sub-request would set it again after the login
            // form had shown it.
            if (isPageNavigation(http)) {
                http.response().addCookie(Cookie.cookie(Flash.COOKIE, Flash.encoded("error", DISABLED)).setPath("/")
                        .setMaxAge(60).setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
            }
            http.put(Flash.COOKIE, new Flash("error", DISABLED));
        }
        return anonymous();
    }

    private static SecurityIdentity anonymous() {
        return QuarkusSecurityIdentity.builder().setAnonymous(true)
                .setPrincipal(new QuarkusPrincipal("")).build();
    }

    private static boolean isPageNavigation(RoutingContext http) {
        String destination = http.request().getHeader("Sec-Fetch-Dest");
        if (destination != null) {
            return destination.equals("document");
        }
        String accept = http.request().getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static boolean isFormLogin(RoutingContext http) {
        return http.request().method() == HttpMethod.POST && http.normalizedPath().endsWith("/j_security_check");
    }
}
