package org.relata.web;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown that users write (a project's guidelines) as HTML that is safe to put into a page, rendered with
 * commonmark-java. Safe by allow-list: the output holds only the elements CommonMark itself makes (paragraphs,
 * headings, lists, quotes, code, emphasis, links, images, rules); raw HTML in the source is shown as text; a link
 * or an image keeps only an address of an allowed scheme (see {@link SafeUrls}), else it is shown as its text.
 */
public final class SafeMarkdown {

    // Both are immutable once built and safe to share between threads.
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeUrls())
            .nodeRendererFactory(SafeMarkdownNodes::new)
            .build();

    private SafeMarkdown() {
    }

    /** The HTML of {@code markdown}; empty for no or blank Markdown. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }
}
