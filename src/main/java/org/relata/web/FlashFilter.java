package org.relata.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.TemplateInstance;

/** Hands a pending flash message to the page being rendered, then clears the cookie. */
public class FlashFilter {


    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Flash.COOKIE);
        if (cookie != null) {
            request.setProperty(Flash.COOKIE, Flash.parse(cookie.getValue()));
        }
    }

    @ServerResponseFilter
    public void attach(ContainerRequestContext request, ContainerResponseContext response) {
        Object flash = request.getProperty(Flash.COOKIE);
        if (flash != null && response.getEntity() instanceof TemplateInstance page) {
            page.data("flash", flash);
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Flash.clear());
        }
    }
}
