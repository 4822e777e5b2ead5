package org.relata.web;

import java.lang.annotation.Annotation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;

/**
 * Browsers get pages, not JSON: an error body ({@link ApiError}, as every exception mapper answers) on a page route
 * (neither the API nor Quarkus' own {@code /q/} routes) is rendered as an HTML page in the site's layout, with the
 * status, the message (a 500's error id included) and links back. The API keeps its JSON, whatever the client
 * accepts; pages get HTML whatever they accept.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    /** A page below a project ({@code /projects/7/schema}): its overview is the obvious way back. */
    private static final Pattern PROJECT_PAGE = Pattern.compile("^/projects/(\\d+)/.+");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String field, Long projectId);
    }

    /** Whether errors on this path are answered with a page. */
    public static boolean isPage(String path) {
        return !ApiPaths.isApi(path) && !path.equals("/q") && !path.startsWith("/q/");
    }

    /**
     * Requests refused before their resource ran (a role check, no route) are answered on the I/O thread, where the
     * layout may not look up the current user: the page is then rendered on a worker, in the same request context.
     */
    @ServerResponseFilter
    public Uni<Void> render(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!(response.getEntity() instanceof ApiError error) || !isPage(path)) {
            return Uni.createFrom().voidItem();
        }
        if (!Context.isOnEventLoopThread()) {
            page(path, response, error);
            return Uni.createFrom().voidItem();
        }
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState state = requestContext.getState();
        return Uni.createFrom().<Void>item(() -> {
            requestContext.activate(state);
            try {
                page(path, response, error);
            } finally {
                requestContext.deactivate();
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static void page(String path, ContainerResponseContext response, ApiError error) {
        Matcher project = PROJECT_PAGE.matcher(path);
        Long projectId = project.matches() ? Long.valueOf(project.group(1)) : null;
        int status = response.getStatus();
        String html;
        try {
            html = Templates.error(status, title(status), error.error(), error.field(), projectId).render();
        } catch (RuntimeException e) {
            // The layout asks for the current user; should that fail too, the page still says what happened.
            LOG.warnf(e, "error page for %s rendered without the layout", path);
            html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " · Relata</title>"
                    + "<link rel=\"stylesheet\" href=\"" + Assets.prefix() + "/css/relata.css\"></head><body><main id=\"main\"><h1>"
                    + escape(title(status)) + "</h1><p>" + escape(error.error()) + "</p><p><a href=\"/\">Back to the projects</a></p>"
                    + "</main></body></html>";
        }
        response.setEntity(html, new Annotation[0], MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "This request could not be handled";
            case 401 -> "Log in first";
            case 403 -> "You are not allowed to see this page";
            case 404 -> "Page not found";
            case 409 -> "This conflicts with what is stored";
            case 412 -> "This page is out of date";
            case 413 -> "The request is too large";
            case 503 -> "The database cannot be reached";
            default -> status >= 500 ? "Something went wrong" : "This request could not be handled";
        };
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
