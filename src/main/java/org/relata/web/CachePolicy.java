package org.relata.web;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * One Cache-Control policy for every answer, set just before its headers leave (a handler that chose its own
 * policy keeps it, except that static files are never called immutable unless their name is fingerprinted):
 * <ul>
 * <li>pages (HTML, including the admin and token pages) and {@code /api/tokens}, {@code /api/users}:
 * {@code no-store}, so no secret and no page of a logged-in user stays in a cache (Back after logout shows
 * nothing);</li>
 * <li>other API answers: {@code private, no-cache}: a browser may keep them but must revalidate (with the ETag
 * where the answer has one), shared caches may not;</li>
 * <li>static files: {@code public, max-age=31536000, immutable} under the versioned prefix
 * {@code /assets/<hash>/} ({@link Assets}, the only URLs pages use) or when their name carries a content hash
 * ({@code name.0123abcd.js}); {@code no-cache} (revalidated with Last-Modified) at their plain URLs.</li>
 * </ul>
 */
@ApplicationScoped
public class CachePolicy {

    static final String NO_STORE = "no-store";
    static final String API = "private, no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern STATIC = Pattern.compile("^/(css|js|fonts|img)/.*|^/favicon\\.[a-z]+$");
    private static final Pattern FINGERPRINTED = Pattern.compile(".*\\.[0-9a-f]{8,}\\.[a-z0-9]+$");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> apply(rc));
            rc.next();
        }, SecurityHandlerPriorities.CORS + 10);
    }

    private static void apply(RoutingContext rc) {
        String path = rc.normalizedPath();
        MultiMap headers = rc.response().headers();
        if (Boolean.TRUE.equals(rc.get(Assets.VERSIONED)) && STATIC.matcher(path).matches()) {
            int status = rc.response().getStatusCode();
            // Only a file found is kept: a 404 under the prefix may be a file a later build adds.
            headers.set("Cache-Control", Assets.immutable() && (status == 200 || status == 304) ? IMMUTABLE : "no-cache");
            return;
        }
        if (STATIC.matcher(path).matches()) {
            headers.set("Cache-Control", FINGERPRINTED.matcher(path).matches() ? IMMUTABLE : "no-cache");
            return;
        }
        if (!headers.contains("Cache-Control")) {
            String policy = policy(path);
            if (policy != null) {
                headers.set("Cache-Control", policy);
            }
        }
    }

    /** The policy of a path that is no static file, or null to leave it alone (Quarkus' own /q/ pages). */
    static String policy(String path) {
        if (path.startsWith("/api/tokens") || path.startsWith("/api/users") || path.startsWith("/api/admin")
                || path.startsWith("/api/me/") || path.equals("/q/metrics")
                || path.startsWith("/q/metrics/")) {
            return NO_STORE;
        }
        if (ApiPaths.isApi(path)) {
            return API;
        }
        if (path.startsWith("/q/")) {
            return null;
        }
        return NO_STORE;
    }
}
