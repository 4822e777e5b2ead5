package org.relata.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The nodes of user Markdown that could carry markup or an address, rendered by Relata instead of CommonMark's
 * defaults: raw HTML always as text (whatever the renderer's options say), links and images only with an address
 * the {@link SafeUrls} allow, else as their text. Headings start at level 3, below the page's own h1 and h2.
 */
final class SafeMarkdownNodes implements NodeRenderer {

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    SafeMarkdownNodes(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(HtmlBlock.class, HtmlInline.class, Link.class, Image.class, Heading.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof HtmlBlock block) {
            html.line();
            html.tag("p");
            html.text(block.getLiteral());
            html.tag("/p");
            html.line();
        } else if (node instanceof HtmlInline inline) {
            html.text(inline.getLiteral());
        } else if (node instanceof Link link) {
            link(link);
        } else if (node instanceof Image image) {
            image(image);
        } else if (node instanceof Heading heading) {
            String tag = "h" + Math.min(6, heading.getLevel() + 2);
            html.line();
            html.tag(tag, context.extendAttributes(heading, tag, Map.of()));
            children(heading);
            html.tag("/" + tag);
            html.line();
        }
    }

    private void link(Link link) {
        String href = context.urlSanitizer().sanitizeLinkUrl(link.getDestination());
        Map<String, String> attributes = pointing(link, "href", href, null, link.getTitle());
        if (attributes == null) {
            return;
        }
        // Guidelines are read while annotating: a link opens beside the work, never in place of it.
        attributes.put("target", "_blank");
        attributes.put("rel", "noopener noreferrer");
        html.tag("a", context.extendAttributes(link, "a", attributes));
        children(link);
        html.tag("/a");
    }

    private void image(Image image) {
        String src = context.urlSanitizer().sanitizeImageUrl(image.getDestination());
        Map<String, String> attributes = pointing(image, "src", src, altText(image), image.getTitle());
        if (attributes != null) {
            html.tag("img", context.extendAttributes(image, "img", attributes), true);
        }
    }

    /**
     * The attributes of a link or an image whose sanitized address is {@code url}, in the order they are written
     * (the address, alt when given, title when given); null when the sanitizer refused the address, the node's
     * text then written in its place.
     */
    private Map<String, String> pointing(Node node, String attribute, String url, String alt, String title) {
        if (url.isEmpty()) {
            children(node);
            return null;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(attribute, context.encodeUrl(url));
        if (alt != null) {
            attributes.put("alt", alt);
        }
        if (title != null) {
            attributes.put("title", title);
        }
        return attributes;
    }

    private void children(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            context.render(child);
        }
    }

    /** An image's description as plain text, for its alt attribute. */
    private static String altText(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                alt.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                alt.append('\n');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                alt.append('\n');
            }
        });
        return alt.toString();
    }
}
