package org.relata.user;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The answer to a throttled login: 429 with Retry-After and no body. The login mechanisms answer a failure with
 * their own 401 or redirect; this turns it into a 429 just before the headers leave, whichever mechanism wrote it.
 */
final class TooManyLogins {

    private TooManyLogins() {
    }

    static void answer(RoutingContext http, long seconds) {
        if (http == null) {
            return;
        }
        http.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = http.response();
            int status = response.getStatusCode();
            if (status == 401 || status == 302 || status == 303) {
                response.setStatusCode(429);
                response.headers().remove("Location").remove("WWW-Authenticate")
                        .set("Retry-After", Long.toString(seconds));
            }
        });
    }
}
