package org.relata.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives the layout the pending flash message of this request (once), and clears its cookie. A message set while
 * this request was authenticated (a routing-context attribute named {@link Flash#COOKIE}) comes first.
 */
@RequestScoped
@Named("flash")
public class FlashMessages {

    @Inject
    RoutingContext context;

    private Flash flash;
    private boolean read;

    public Flash getPending() {
        if (!read) {
            read = true;
            Cookie cookie = context.request().getCookie(Flash.COOKIE);
            if (context.get(Flash.COOKIE) instanceof Flash set) {
                // Set earlier in this very request (its cookie is for the next one): show it now instead.
                flash = set;
                context.response().addCookie(Cookie.cookie(Flash.COOKIE, "").setPath("/").setMaxAge(0));
            } else if (cookie != null) {
                flash = Flash.parse(cookie.getValue());
                context.response().addCookie(Cookie.cookie(Flash.COOKIE, "").setPath("/").setMaxAge(0));
            }
        }
        return flash;
    }
}
