package org.relata.web;

/** Which requests belong to the API: they answer JSON errors instead of pages and redirects. */
public final class ApiPaths {

    private ApiPaths() {
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
