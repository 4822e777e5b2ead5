package org.relata.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a manager's Markdown becomes in the workspace: its structure, never its markup or unsafe addresses. */
class SafeMarkdownTest {

    @Test
    void headingsListsLinksAndEmphasisRender() {
        String html = SafeMarkdown.toHtml("# Countries\n\nLabel *states* and **capitals**, `code` too.\n\n"
                + "- see [the list](https://example.org/list \"List\")\n- write to [us](mailto:team@example.org)\n\n"
                + "1. first\n2. [next page](/projects/1)\n");
        assertTrue(html.contains("<h3>Countries</h3>"), html);
        assertTrue(html.contains("<em>states</em>"), html);
        assertTrue(html.contains("<strong>capitals</strong>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
        assertTrue(html.contains("<li>see <a href=\"https://example.org/list\" title=\"List\" target=\"_blank\" "
                + "rel=\"noopener noreferrer\">the list</a></li>"), html);
        assertTrue(html.contains("<a href=\"mailto:team@example.org\""), html);
        assertTrue(html.contains("<ol>\n<li>first</li>"), html);
        assertTrue(html.contains("<a href=\"/projects/1\""), html);
    }

    @Test
    void headingsStayBelowThePagesOwn() {
        assertEquals("<h3>One</h3>\n<h4>Two</h4>\n<h6>Five</h6>\n<h6>Six</h6>\n",
                SafeMarkdown.toHtml("# One\n## Two\n##### Five\n###### Six"));
    }

    @Test
    void rawHtmlIsShownAsText() {
        String html = SafeMarkdown.toHtml("<script>alert(1)</script>\n\nText <b onclick=\"alert(2)\">bold</b>\n\n"
                + "<img src=x onerror=alert(3)>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b "), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;b onclick=&quot;alert(2)&quot;&gt;bold&lt;/b&gt;"), html);
    }

    @Test
    void linksToUnsafeSchemesAreOnlyText() {
        String html = SafeMarkdown.toHtml("[a](javascript:alert(1)) [b](JavaScript:alert(2)) "
                + "[c](java&#9;script:alert(3)) "
                + "[d](<java\tscript:alert(4)>) [e](vbscript:msgbox) [f](data:text/html,<script>x</script>) "
                + "[g]( javascript:alert(5)) <javascript:alert(6)> [h](file:///etc/passwd)");
        assertFalse(html.contains("<a"), html);
        assertTrue(html.contains("a b c d e f g"), html);
    }

    @Test
    void imagesNeedASafeAddress() {
        String html = SafeMarkdown.toHtml("![a map](/files/map.png) ![bad](javascript:alert(1)) "
                + "![worse](data:image/svg+xml,<svg onload=alert(2)>)");
        assertTrue(html.contains("<img src=\"/files/map.png\" alt=\"a map\" />"), html);
        assertEquals(1, html.split("<img", -1).length - 1, html);
        assertTrue(html.contains("bad"), html);
        assertTrue(html.contains("worse"), html);
    }

    @Test
    void attributesCannotBeBrokenOutOf() {
        String html = SafeMarkdown.toHtml("[x](https://example.org/\"onmouseover=\"alert(1) \"t\\\"itle\")");
        assertFalse(html.contains("\"onmouseover"), html);
        assertFalse(html.contains("t\"itle"), html);
    }

    @Test
    void noGuidelinesRenderAsNothing() {
        assertEquals("", SafeMarkdown.toHtml(null));
        assertEquals("", SafeMarkdown.toHtml(" \n "));
    }
}
