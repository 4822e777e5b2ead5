package org.relata.web;

import java.util.Locale;
import java.util.Set;

import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The addresses user Markdown may use: links to http, https and mailto addresses and relative ones; images from
 * http, https and relative addresses. Anything else (javascript:, data:, vbscript:, file:, ...) answers "", which
 * {@link SafeMarkdownNodes} shows as plain text.
 */
final class SafeUrls implements UrlSanitizer {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

    @Override
    public String sanitizeLinkUrl(String url) {
        return allowed(url, LINK_SCHEMES) ? url : "";
    }

    @Override
    public String sanitizeImageUrl(String url) {
        return allowed(url, IMAGE_SCHEMES) ? url : "";
    }

    /**
     * Reads the scheme the way a browser does, which drops tabs and line breaks anywhere and control characters and
     * spaces at either end: "java&#9;script:" is javascript: to it. Stricter than a browser, anything before a colon
     * that comes before the first '/', '?' or '#' counts as a scheme, so no odd spelling slips through as relative.
     */
    static boolean allowed(String url, Set<String> schemes) {
        if (url == null) {
            return false;
        }
        String read = url.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
        for (int i = 0; i < read.length(); i++) {
            char c = read.charAt(i);
            if (c == ':') {
                return schemes.contains(read.substring(0, i).toLowerCase(Locale.ROOT));
            }
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
        }
        return true; // relative: this site's own pages and files
    }
}
