package org.relata.annotation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.WorkspaceFixtures.at;
import static org.relata.testsupport.WorkspaceFixtures.end;
import static org.relata.testsupport.WorkspaceFixtures.layer;
import static org.relata.testsupport.WorkspaceFixtures.relation;
import static org.relata.testsupport.WorkspaceFixtures.span;
import static org.relata.testsupport.WorkspacePage.drag;
import static org.relata.testsupport.WorkspacePage.inside;
import static org.relata.testsupport.WorkspacePage.middleOf;
import static org.relata.testsupport.WorkspacePage.ready;
import static org.relata.testsupport.WorkspacePage.saved;
import static org.relata.testsupport.WorkspacePage.spanLabel;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.WorkspaceBrowserBase;
import org.relata.testsupport.WorkspaceFixtures;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The workspace's spans as an annotator makes them: selecting and snapping, the label menu and hotkeys, the
 * side panel, the drawing of overlaps and long arcs, markup shown as text, the guidelines.
 */
@QuarkusTest
class WorkspaceSpansBrowserTest extends WorkspaceBrowserBase {

    @Test
    void selectingTextAndPickingATypeFromTheMenuSavesASpanInCodePoints() {
        Page page = open(annotator, docId);
        drag(page, "North Korea");
        Locator menu = page.getByRole(AriaRole.MENU);
        assertThat(menu).isVisible();
        menu.getByRole(AriaRole.MENUITEM, inside("COUNTRY")).click();
        assertThat(spanLabel(page, "COUNTRY North Korea")).isVisible();
        saved(page);

        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of(Map.of("start", at(TEXT, "North Korea"), "end", end(TEXT, "North Korea"))),
                layer.getList("spans.collect { [start: it.start, end: it.end] }"));
        assertEquals(List.of("COUNTRY"), layer.getList("spans.label"));

        page.reload();
        assertThat(spanLabel(page, "COUNTRY North Korea")).isVisible();
    }

    @Test
    void aSelectionSnapsToWholeWordsUnlessExactCharactersIsOn() {
        Page page = open(annotator, docId);
        drag(page, "orth Kore");
        page.getByRole(AriaRole.MENUITEM, named("COUNTRY")).click();
        assertThat(spanLabel(page, "COUNTRY North Korea")).isVisible();

        page.getByLabel("Exact characters").check();
        drag(page, "hin");
        page.getByRole(AriaRole.MENUITEM, named("COUNTRY")).click();
        assertThat(spanLabel(page, "COUNTRY hin")).isVisible();
        saved(page);
        assertEquals(List.of("North Korea", "hin"), texts(layer(annotator, docId)));
    }

    @Test
    void aTypesHotkeyLabelsTheSelection() {
        Page page = open(annotator, docId);
        drag(page, "Kim Jong Un");
        assertThat(page.getByRole(AriaRole.MENU)).isVisible();
        page.keyboard().press("p");
        assertThat(spanLabel(page, "PERSON Kim Jong Un")).isVisible();
        saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("PERSON"), layer.getList("spans.label"));
        assertEquals(at(TEXT, "Kim Jong Un"), layer.getInt("spans[0].start"));
    }

    @Test
    void doubleClickingAWordAndFilteringTheMenuLabelsIt() {
        Page page = open(annotator, docId);
        double[] beijing = middleOf(page, "Beijing");
        page.mouse().dblclick(beijing[0], beijing[1]);
        page.getByLabel("Filter entity types").fill("org");
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.keyboard().press("Enter");
        assertThat(spanLabel(page, "ORGANIZATION Beijing")).isVisible();
    }

    @Test
    void aSelectedSpanIsRelabelledWithAHotkey() {
        mySpan("Beijing", "COUNTRY");
        Page page = open(annotator, docId);
        spanLabel(page, "COUNTRY Beijing").click();
        page.keyboard().press("o");
        assertThat(spanLabel(page, "ORGANIZATION Beijing")).isVisible();
        saved(page);
        assertEquals(List.of("ORGANIZATION"), layer(annotator, docId).getList("spans.label"));
    }

    @Test
    void attributesAndNotesAreEditedInTheSidePanel() {
        mySpan("China", "COUNTRY");
        Page page = open(annotator, docId);
        spanLabel(page, "COUNTRY China").click();
        page.getByLabel("Negated").check();
        page.getByLabel("Note").fill("host country?");
        page.getByLabel("Note").blur();
        saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(true, layer.get("spans[0].attributes.Negated"));
        assertEquals("host country?", layer.get("spans[0].note"));
    }

    @Test
    void tabMovesBetweenSpansInReadingOrder() {
        mySpan("China", "COUNTRY");
        mySpan("North Korea", "COUNTRY");
        Page page = open(annotator, docId);
        page.locator("#ws-doc").focus();
        page.keyboard().press("Tab");
        assertThat(page.locator("#ws-announce")).hasText("Selected COUNTRY “North Korea”.");
        page.keyboard().press("Tab");
        assertThat(page.locator("#ws-announce")).hasText("Selected COUNTRY “China”.");
        page.keyboard().press("Shift+Tab");
        assertThat(page.locator("#ws-announce")).hasText("Selected COUNTRY “North Korea”.");
    }

    @Test
    void overlappingSpansAndARelationAcrossALineBreakAreDrawn() {
        long korea = mySpan("North Korea", "COUNTRY");
        mySpan("Korea and China", "ORGANIZATION");
        long kim = mySpan("Kim Jong Un", "PERSON");
        relation(annotator, docId, kim, korea, "LEADER_OF");
        Page page = open(annotator, docId);

        Locator country = page.locator("mark.ws-sp", new Page.LocatorOptions().setHas(
                page.getByRole(AriaRole.BUTTON, named("COUNTRY North Korea"))));
        Locator organization = page.locator("mark.ws-sp", new Page.LocatorOptions().setHas(
                page.getByRole(AriaRole.BUTTON, named("ORGANIZATION Korea and China"))));
        var a = country.boundingBox();
        var b = organization.boundingBox();
        assertTrue(a.x < b.x + b.width && b.x < a.x + a.width, "the two spans overlap horizontally");
        assertTrue(Math.abs(a.y - b.y) >= 10, "their labels are stacked, not on top of each other");

        // One SVG layer; the arc crossing the line break has a piece on each line and one arrowhead.
        assertThat(page.locator("svg.ws-arcs")).hasCount(1);
        Locator pieces = page.locator("svg.ws-arcs g.ws-rel");
        assertThat(pieces).hasCount(2);
        assertEquals(1, page.locator("svg.ws-arcs g.ws-rel path.ws-arrow").count());
        assertEquals(pieces.nth(0).getAttribute("data-k"), pieces.nth(1).getAttribute("data-k"));
        assertNotEquals(pieces.nth(0).locator("xpath=..").getAttribute("transform"),
                pieces.nth(1).locator("xpath=..").getAttribute("transform"));

        // Hovering the person highlights its relation and the country at the other end.
        spanLabel(page, "PERSON Kim Jong Un").hover();
        assertThat(country).hasClass(java.util.regex.Pattern.compile("ws-hover"));
        assertThat(pieces.first()).hasClass(java.util.regex.Pattern.compile("ws-hover"));
        page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(screenshotPath())));
    }

    @Test
    void aDocumentWithMarkupShowsItAsTextAndRunsNothing() {
        String xss = "Before <script>alert(1)</script> and <img src=x onerror=alert(1)> after.";
        long doc = db.document(projectId, "xss", xss);
        Api.assignAll(projectId, manager, annotator);
        span(annotator, doc, at(xss, "<script>"), end(xss, "<script>"), "ORGANIZATION");
        java.util.concurrent.atomic.AtomicBoolean dialog = new java.util.concurrent.atomic.AtomicBoolean();
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        page.navigate("/documents/" + doc + "/annotate");
        ready(page);
        assertThat(page.locator("#ws-doc")).containsText("<script>alert(1)</script> and <img src=x onerror=alert(1)>");
        assertThat(spanLabel(page, "ORGANIZATION <script>")).isVisible();
        assertEquals(0, page.locator("#ws-doc img, #ws-doc script").count());
        assertTrue(!dialog.get(), "no script ran");
    }

    @Test
    void guidelinesAreShownAsSafeMarkdownInACollapsiblePanel() {
        fixtures.guidelines(projectId, "# Countries\nLabel **states** only.\n- see [the list](https://example.org/list)\n"
                + "- not [this](javascript:alert(1))\n<img src=x onerror=alert(1)>");
        Page page = open(annotator, docId);
        Locator toggle = page.getByRole(AriaRole.BUTTON, named("Guidelines"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Countries"))).isHidden();
        toggle.click();
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        Locator guidelines = page.getByRole(AriaRole.REGION, named("Guidelines"));
        assertThat(guidelines.getByRole(AriaRole.HEADING, inside("Countries"))).isVisible();
        assertThat(guidelines.getByRole(AriaRole.LINK, inside("the list"))).hasAttribute("href", "https://example.org/list");
        assertThat(guidelines.getByRole(AriaRole.LINK)).hasCount(1);
        assertThat(guidelines).containsText("<img src=x onerror=alert(1)>");
        assertEquals(0, guidelines.locator("img").count());
    }

    @Inject
    WorkspaceFixtures fixtures;

    static String screenshotPath() {
        return "target/workspace-render.png";
    }
}
