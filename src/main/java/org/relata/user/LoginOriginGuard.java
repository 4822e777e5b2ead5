package org.relata.user;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Login CSRF: another site must not be able to log a visitor's browser into the attacker's account. The login
 * form is posted to Quarkus' form authentication, so this guard runs before authentication and refuses a
 * cross-site {@code POST /j_security_check} with 403 before any password is checked or cookie set.
 * <p>
 * A browser tells where a request comes from: {@code Sec-Fetch-Site} (every current browser) must be
 * {@code same-origin} (or {@code none}, typed by the user); without it, an {@code Origin} header must name this
 * very host. A request with neither is no browser's form post (a script, which has no victim's cookie jar to
 * plant a session in) and passes. A sibling subdomain ({@code same-site}) is refused too.
 */
@ApplicationScoped
public class LoginOriginGuard {

    static final String REFUSED = "Log in from Relata's own login page: a login sent from another site is refused.";

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.CORS - 10);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.method() == HttpMethod.POST && rc.normalizedPath().endsWith("/j_security_check")
                && crossSite(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), request.getHeader("Host"))) {
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Cache-Control", "no-store").end(REFUSED);
            return;
        }
        rc.next();
    }

    /** Whether a login comes from another origin, by the browser's own account of it. */
    static boolean crossSite(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            return !site.equals("same-origin") && !site.equals("none");
        }
        if (origin == null) {
            return false;
        }
        if (host == null || origin.equals("null")) {
            return true;
        }
        try {
            URI uri = URI.create(origin.trim());
            String authority = uri.getRawAuthority();
            return authority == null || !authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
