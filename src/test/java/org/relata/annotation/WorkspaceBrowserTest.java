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

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.WorkspaceFixtures;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;
import org.relata.testsupport.TeamDocument;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.KeyboardModifier;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The annotation workspace as an annotator uses it: mouse, keyboard, saving, undo, conflicts, flow. */
@QuarkusTest
class WorkspaceBrowserTest extends BrowserTest {

    /** An emoji (two UTF-16 units, one code point) comes before every span, so offsets must be code points. */
    static final String TEXT = "😀 Report: North Korea and China met in Beijing.\n"
            + "Kim Jong Un spoke with Vladimir Putin in Vladivostok, Russia.";

    @Inject
    Db db;

    String manager;
    String annotator;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        TeamDocument team = TeamDocument.create(db, "pm", "ann", "article-1", TEXT);
        manager = team.manager();
        annotator = team.annotator();
        projectId = team.projectId();
        docId = team.docId();
    }

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
    void theRelationMenuOffersOnlyTheTypesAllowedForThePair() {
        mySpan("North Korea", "COUNTRY");
        mySpan("China", "COUNTRY");
        mySpan("Kim Jong Un", "PERSON");
        Page page = open(annotator, docId);

        spanLabel(page, "COUNTRY North Korea").click();
        shiftClick(spanLabel(page, "COUNTRY China"));
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.getByRole(AriaRole.MENUITEM, named("ALLY_OF")).click();

        // PERSON and COUNTRY: only LEADER_OF, with the person as head even when the country was picked first.
        spanLabel(page, "COUNTRY North Korea").click();
        shiftClick(spanLabel(page, "PERSON Kim Jong Un"));
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.getByRole(AriaRole.MENUITEM, named("LEADER_OF")).click();
        assertThat(page.locator("svg.ws-arcs .ws-rel text", new Page.LocatorOptions().setHasText("LEADER_OF")))
                .hasCount(2); // drawn on both lines: it crosses the line break
        saved(page);

        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("ALLY_OF", "LEADER_OF"), layer.getList("relations.label"));
        Map<Object, String> textById = spanTexts(layer);
        assertEquals("Kim Jong Un", textById.get(layer.get("relations[1].head")));
        assertEquals("North Korea", textById.get(layer.get("relations[1].tail")));
    }

    @Test
    void draggingFromOneLabelToAnotherMakesARelation() {
        mySpan("North Korea", "COUNTRY");
        mySpan("China", "COUNTRY");
        Page page = open(annotator, docId);
        var from = spanLabel(page, "COUNTRY North Korea").boundingBox();
        var to = spanLabel(page, "COUNTRY China").boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse().move(to.x + to.width / 2, to.y + to.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.getByRole(AriaRole.MENUITEM, named("ALLY_OF")).click();
        saved(page);
        assertEquals(List.of("ALLY_OF"), layer(annotator, docId).getList("relations.label"));
    }

    @Test
    void aRelationIsMadeFromTheKeyboard() {
        mySpan("North Korea", "COUNTRY");
        mySpan("China", "COUNTRY");
        Page page = open(annotator, docId);
        page.locator("#ws-doc").focus();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#ws-announce")).containsText("Relation from COUNTRY “North Korea”");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        saved(page);
        assertEquals(List.of("ALLY_OF"), layer(annotator, docId).getList("relations.label"));
    }

    @Test
    void aPairThatNoTypeAllowsGetsAMenuThatSaysSo() {
        mySpan("Kim Jong Un", "PERSON");
        mySpan("Vladimir Putin", "PERSON");
        Page page = open(annotator, docId);
        spanLabel(page, "PERSON Kim Jong Un").click();
        shiftClick(spanLabel(page, "PERSON Vladimir Putin"));
        // The message stands beside the menu's (empty) list of items and is its description.
        assertThat(page.getByRole(AriaRole.MENU)).hasAccessibleDescription("No relation type allows PERSON and PERSON.");
        assertThat(page.locator(".ws-menu")).containsText("No relation type allows PERSON and PERSON.");
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(0);
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
    void deletingASpanSaysHowManyRelationsGoWithIt() {
        long korea = mySpan("North Korea", "COUNTRY");
        long china = mySpan("China", "COUNTRY");
        relation(annotator, docId, korea, china, "ALLY_OF");
        Page page = open(annotator, docId);
        spanLabel(page, "COUNTRY North Korea").click();
        page.keyboard().press("Delete");
        assertThat(page.locator("#ws-announce")).hasText("Deleted COUNTRY “North Korea” and 1 relation.");
        assertThat(spanLabel(page, "COUNTRY North Korea")).hasCount(0);
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(0);
        saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("China"), texts(layer));
        assertEquals(List.of(), layer.getList("relations"));
    }

    @Test
    void undoAndRedoRecreateADeletedSpanWithItsRelation() {
        long korea = mySpan("North Korea", "COUNTRY");
        long china = mySpan("China", "COUNTRY");
        relation(annotator, docId, korea, china, "ALLY_OF");
        Page page = open(annotator, docId);
        spanLabel(page, "COUNTRY North Korea").click();
        page.keyboard().press("Delete");
        saved(page);

        page.keyboard().press("Control+z");
        assertThat(spanLabel(page, "COUNTRY North Korea")).isVisible();
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("North Korea", "China"), texts(layer));
        Map<Object, String> byId = spanTexts(layer);
        assertEquals("North Korea", byId.get(layer.get("relations[0].head")));
        assertEquals("China", byId.get(layer.get("relations[0].tail")));
        assertNotEquals(korea, ((Number) layer.get("relations[0].head")).longValue());

        page.keyboard().press("Control+Shift+z");
        assertThat(spanLabel(page, "COUNTRY North Korea")).hasCount(0);
        saved(page);
        assertEquals(List.of("China"), texts(layer(annotator, docId)));
        assertEquals(List.of(), layer(annotator, docId).getList("relations"));

        // And back once more: the recreated span's new id is used by the relation, again.
        page.getByRole(AriaRole.BUTTON, named("Undo")).click();
        saved(page);
        assertEquals(1, layer(annotator, docId).getList("relations").size());
    }

    @Test
    void undoAndRedoOfLabellingAndRelabelling() {
        Page page = open(annotator, docId);
        label(page, "Beijing", "c");
        assertThat(spanLabel(page, "COUNTRY Beijing")).isVisible();
        page.keyboard().press("o"); // the new span is selected: its hotkey relabels
        assertThat(spanLabel(page, "ORGANIZATION Beijing")).isVisible();

        page.keyboard().press("Control+z");
        assertThat(spanLabel(page, "COUNTRY Beijing")).isVisible();
        saved(page);
        assertEquals(List.of("COUNTRY"), layer(annotator, docId).getList("spans.label"));

        page.keyboard().press("Control+z");
        assertThat(spanLabel(page, "COUNTRY Beijing")).hasCount(0);
        saved(page);
        assertEquals(List.of(), layer(annotator, docId).getList("spans"));

        page.keyboard().press("Control+Shift+z");
        page.keyboard().press("Control+Shift+z");
        assertThat(spanLabel(page, "ORGANIZATION Beijing")).isVisible();
        saved(page);
        assertEquals(List.of("ORGANIZATION"), layer(annotator, docId).getList("spans.label"));
    }

    @Test
    void undoAndRedoOfARelationAndItsRelabelling() {
        long korea = mySpan("North Korea", "COUNTRY");
        mySpan("China", "COUNTRY");
        Page page = open(annotator, docId);
        spanLabel(page, "COUNTRY North Korea").click();
        shiftClick(spanLabel(page, "COUNTRY China"));
        page.getByRole(AriaRole.MENUITEM, named("ALLY_OF")).click();
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        page.getByRole(AriaRole.BUTTON, named("Delete relation")).click();
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(0);
        page.keyboard().press("Control+z");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        page.keyboard().press("Control+z");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(0);
        page.keyboard().press("Control+Shift+z");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("ALLY_OF"), layer.getList("relations.label"));
        assertEquals(korea, ((Number) layer.get("relations[0].head")).longValue());
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
    void clickingAnArcSelectsTheRelationWhoseAttributeIsThenSet() {
        long kim = mySpan("Kim Jong Un", "PERSON");
        long russia = mySpan("Russia", "COUNTRY");
        relation(annotator, docId, kim, russia, "LEADER_OF");
        Page page = open(annotator, docId);
        page.locator("svg.ws-arcs .ws-rel text").first().click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Selected relation"))).isVisible();
        assertThat(page.getByLabel("Label", new Page.GetByLabelOptions().setExact(true)).locator("option")).hasCount(1);
        page.getByLabel("Certainty").selectOption("high");
        saved(page);
        assertEquals("high", layer(annotator, docId).get("relations[0].attributes.Certainty"));
        page.keyboard().press("Control+z");
        saved(page);
        assertEquals(Map.of(), layer(annotator, docId).get("relations[0].attributes"));
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

    static String screenshotPath() {
        return "target/workspace-render.png";
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
    void aStaleTabIsToldOfTheConflictAndShownTheCurrentState() {
        Page first = open(annotator, docId);
        // Live updates would show the first tab's change in the second at once: this tab does not hear of it.
        Page second = browser.loggedIn(annotator, Api.PASSWORD);
        second.route("**/events", route -> route.abort());
        second.navigate("/documents/" + docId + "/annotate");
        ready(second);
        label(first, "China", "c");
        saved(first);

        label(second, "Beijing", "o");
        assertThat(second.getByRole(AriaRole.ALERT)).containsText("changed elsewhere");
        assertThat(second.getByRole(AriaRole.ALERT)).containsText("Add ORGANIZATION “Beijing”");
        assertThat(spanLabel(second, "COUNTRY China")).isVisible();
        assertThat(spanLabel(second, "ORGANIZATION Beijing")).hasCount(0);
        assertEquals(List.of("China"), texts(layer(annotator, docId)));

        // The fresh state is editable again.
        label(second, "Beijing", "o");
        saved(second);
        assertEquals(List.of("China", "Beijing"), texts(layer(annotator, docId)));
    }

    @Test
    void aFailedSaveIsShownKeptAndRetried() {
        Page page = open(annotator, docId);
        java.util.concurrent.atomic.AtomicBoolean offline = new java.util.concurrent.atomic.AtomicBoolean(true);
        page.route("**/layers/me/spans", route -> {
            if (offline.get()) {
                route.abort();
            } else {
                route.resume();
            }
        });
        label(page, "China", "c");
        assertThat(page.locator("#ws-save")).containsText("Save failed");
        assertThat(page.locator("#ws-save")).containsText("Add COUNTRY “China”");
        assertThat(spanLabel(page, "COUNTRY China")).isVisible();
        assertEquals(List.of(), layer(annotator, docId).getList("spans"));

        offline.set(false);
        page.getByRole(AriaRole.BUTTON, named("Retry saving")).click();
        saved(page);
        assertEquals(List.of("China"), texts(layer(annotator, docId)));
    }

    @Test
    void markingDoneOpensTheNextDocumentAndUpdatesProgress() {
        long second = db.document(projectId, "article-2", "Second article about Russia.");
        Api.assignAll(projectId, manager, annotator);
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/projects/" + projectId + "/annotate");
        ready(page);
        assertThat(page.getByRole(AriaRole.HEADING, named("article-1"))).isVisible();
        assertThat(page.locator("#ws-progress")).hasText("0 of 2 done");
        page.getByRole(AriaRole.BUTTON, named("Done")).click();
        page.waitForURL("**/documents/" + second + "/annotate");
        ready(page);
        assertThat(page.getByRole(AriaRole.HEADING, named("article-2"))).isVisible();
        assertThat(page.locator("#ws-progress")).hasText("1 of 2 done");
        assertEquals("DONE", layer(annotator, docId).getString("status"));
    }

    @Test
    void whenAllIsDoneStartAnnotatingSaysSo() {
        Api.as(annotator).body(Map.of("status", "DONE")).put("/api/documents/" + docId + "/layers/me/status")
                .then().statusCode(200);
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/projects/" + projectId + "/annotate");
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("All done");
    }

    @Test
    void aCuratorSeesAnAnnotatorsLayerReadOnly() {
        String curator = Api.newUser("cur");
        Api.addMember(projectId, manager, curator, "CURATOR");
        mySpan("China", "COUNTRY");
        Page page = browser.loggedIn(curator, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate");
        ready(page);
        page.getByLabel("Layer", new Page.GetByLabelOptions().setExact(true)).selectOption(annotator);
        page.waitForURL("**/annotate?owner=" + annotator);
        ready(page);
        assertThat(page.getByText("Read-only: the annotations of " + annotator)).isVisible();
        spanLabel(page, "COUNTRY China").click();
        page.keyboard().press("Delete");
        assertThat(spanLabel(page, "COUNTRY China")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Done"))).isHidden();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Delete span"))).hasCount(0);
        assertEquals(1, layer(annotator, docId).getList("spans").size());
    }

    @Test
    void aCuratorSwitchesToTheGoldLayerAndEditsIt() {
        String curator = Api.newUser("cur");
        Api.addMember(projectId, manager, curator, "CURATOR");
        Page page = browser.loggedIn(curator, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate");
        ready(page);
        page.getByLabel("Layer", new Page.GetByLabelOptions().setExact(true)).selectOption("gold");
        page.waitForURL("**/annotate?owner=gold");
        ready(page);
        label(page, "Russia", "c");
        saved(page);
        List<String> labels = Api.as(curator).get("/api/documents/" + docId + "/layers/gold").then().statusCode(200)
                .extract().jsonPath().getList("spans.label");
        assertEquals(List.of("COUNTRY"), labels);
        assertEquals(List.of(), layer(curator, docId).getList("spans"));
    }

    @Inject
    WorkspaceFixtures fixtures;

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

    // --- helpers ---

    /** A span's label in the document (the side panel lists the same names). */
    static Locator spanLabel(Page page, String name) {
        return page.getByLabel("Document text").getByRole(AriaRole.BUTTON, inside(name));
    }

    static Locator.GetByRoleOptions inside(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    Page open(String user, long doc) {
        Page page = browser.loggedIn(user, Api.PASSWORD);
        page.navigate("/documents/" + doc + "/annotate");
        ready(page);
        return page;
    }

    static void ready(Page page) {
        page.waitForFunction("() => !!window.relataWorkspace");
    }

    static void saved(Page page) {
        assertThat(page.locator("#ws-save")).hasText("All changes saved");
    }

    /** A span of the annotator's layer over the first occurrence of {@code phrase}, made through the API. */
    long mySpan(String phrase, String label) {
        return span(annotator, docId, at(TEXT, phrase), end(TEXT, phrase), label);
    }

    /** Selects {@code phrase} with the mouse and labels it with an entity type's hotkey. */
    static void label(Page page, String phrase, String hotkey) {
        drag(page, phrase);
        page.keyboard().press(hotkey);
    }

    /** Drags the mouse over the first occurrence of {@code phrase} in the document text. */
    static void drag(Page page, String phrase) {
        List<Number> box = textBox(page, phrase);
        page.mouse().move(box.get(0).doubleValue(), box.get(1).doubleValue());
        page.mouse().down();
        page.mouse().move(box.get(2).doubleValue(), box.get(3).doubleValue(), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
        page.mouse().up();
    }

    static double[] middleOf(Page page, String phrase) {
        List<Number> box = textBox(page, phrase);
        return new double[] { (box.get(0).doubleValue() + box.get(2).doubleValue()) / 2, box.get(1).doubleValue() };
    }

    /** Left-middle of the first and right-middle of the last character of {@code phrase} on the screen. */
    static List<Number> textBox(Page page, String phrase) {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) page.evaluate("""
                (phrase) => {
                  for (const tx of document.querySelectorAll('#ws-doc .ws-tx')) {
                    const i = tx.textContent.indexOf(phrase);
                    if (i < 0) continue;
                    // A line's text may be several text nodes (rows with labels hold a strut between them).
                    const at = (offset, start) => {
                      let rest = offset;
                      for (const n of tx.childNodes) {
                        if (n.nodeType !== Node.TEXT_NODE) continue;
                        if (rest < n.length || (rest === n.length && !start)) return [n, rest];
                        rest -= n.length;
                      }
                    };
                    const r = document.createRange();
                    r.setStart(...at(i, true));
                    r.setEnd(...at(i + phrase.length, false));
                    const rects = [...r.getClientRects()].filter((x) => x.width > 0.5);
                    const a = rects[0], b = rects[rects.length - 1];
                    return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
                  }
                  return null;
                }""", phrase);
        return box;
    }

    static void shiftClick(Locator locator) {
        locator.click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
    }

    static List<String> texts(JsonPath layer) {
        List<Map<String, Object>> spans = layer.getList("spans");
        return spans.stream().map(s -> substring((Integer) s.get("start"), (Integer) s.get("end"))).toList();
    }

    static Map<Object, String> spanTexts(JsonPath layer) {
        List<Map<String, Object>> spans = layer.getList("spans");
        Map<Object, String> result = new java.util.HashMap<>();
        spans.forEach(s -> result.put(s.get("id"), substring((Integer) s.get("start"), (Integer) s.get("end"))));
        return result;
    }

    /** Python-style text[start:end] in code points. */
    static String substring(int start, int end) {
        int from = TEXT.offsetByCodePoints(0, start);
        return TEXT.substring(from, TEXT.offsetByCodePoints(from, end - start));
    }
}
