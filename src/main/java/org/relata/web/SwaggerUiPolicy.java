package org.relata.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;

/**
 * The API page (Quarkus' Swagger UI at {@code /q/swagger-ui/}) starts itself with two inline scripts, which the
 * application-wide Content-Security-Policy ({@code script-src 'self'}) blocks. On that path only, the policy
 * allows exactly those two scripts by their SHA-256 hashes ({@code relata.swagger-ui.script-hashes}); no other
 * inline script runs there, and every other path keeps the strict policy. Quarkus generates the scripts from its
 * configuration, so a Quarkus upgrade or a changed swagger-ui setting can change them: {@code
 * SwaggerUiBrowserTest} then fails and prints the hashes to put here.
 */
@ApplicationScoped
public class SwaggerUiPolicy {

    @ConfigProperty(name = "relata.swagger-ui.script-hashes")
    String scriptHashes;

    void register(@Observes Filters filters) {
        String policy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' "
                + scriptHashes.trim() + "; object-src 'none'; frame-ancestors 'none'";
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.equals("/q/swagger-ui") || path.startsWith("/q/swagger-ui/")) {
                rc.addHeadersEndHandler(v -> rc.response().headers().set("Content-Security-Policy", policy));
            }
            rc.next();
        }, SecurityHandlerPriorities.CORS + 5);
    }
}
