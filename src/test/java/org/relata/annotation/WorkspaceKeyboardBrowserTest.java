package org.relata.annotation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.WorkspaceBrowserBase.TEXT;
import static org.relata.testsupport.WorkspacePage.drag;
import static org.relata.testsupport.WorkspacePage.ready;
import static org.relata.testsupport.WorkspacePage.saved;
import static org.relata.testsupport.WorkspacePage.spanLabel;
import static org.relata.testsupport.WorkspaceFixtures.at;
import static org.relata.testsupport.WorkspaceFixtures.end;
import static org.relata.testsupport.WorkspaceFixtures.layer;
import static org.relata.testsupport.WorkspaceFixtures.span;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.exchange.WordBoundariesTest;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The workspace for a newcomer and without a mouse (issue 20): word snapping that splits off possessives and
 * punctuation, the label menu's hotkeys and filter, the tab order, the keyboard caret, the shortcut help, and
 * the Undo button's message.
 */
@QuarkusTest
class WorkspaceKeyboardBrowserTest extends BrowserTest {

    /** Written for this test: straight and curly possessives and quotes as in the sample articles. */
    static final String POSSESSIVES = "North Korea’s status worried China's leaders (Russia) and “Iran.”\n"
            + "The United States’ envoy met Kim Jong-un's sister.";

    @Inject
    Db db;

    String annotator;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        String manager = Api.newUser("pm");
        annotator = Api.newUser("ann");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        // About the keyboard, not who sees what: every document is open to the annotator.
        Api.notBlind(projectId, manager);
        docId = db.document(projectId, "article-1", TEXT);
    }

    @Test
    void draggingOverAPossessiveOrPunctuationLabelsOnlyTheWords() {
        long doc = db.document(projectId, "possessives", POSSESSIVES);
        Page page = open(doc);
        for (String phrase : List.of("North Korea", "China's", "(Russia)", "“Iran.”", "United States’", "Kim Jong-un's")) {
            drag(page, phrase);
            page.keyboard().press("c");
        }
        for (String name : List.of("North Korea", "China", "Russia", "Iran", "United States", "Kim Jong-un")) {
            assertThat(spanLabel(page, "COUNTRY " + name)).isVisible();
        }
        saved(page);
        JsonPath layer = layer(annotator, doc);
        List<Map<String, Object>> spans = layer.getList("spans");
        List<String> texts = spans.stream().map(s -> slice(POSSESSIVES, (Integer) s.get("start"), (Integer) s.get("end"))).toList();
        assertEquals(List.of("North Korea", "China", "Russia", "Iran", "United States", "Kim Jong-un"), texts);
    }

    @Test
    void theWordBoundaryTableHoldsForEveryScript() {
        Page page = open(docId);
        // [text, selected part, snapped result]: the cases docs/annotating.md lists.
        List<List<String>> cases = List.of(
                List.of("North Korea’s status", "North Korea’", "North Korea"),
                List.of("China's role", "hina's", "China"),
                List.of("the States’ envoy", "States’", "States"),
                List.of("said: “Yes.”", ": “Yes.”", "Yes"),
                List.of("(Russia), then", "(Russia),", "Russia"),
                List.of("don't go", "on", "don't"),
                List.of("كوريا الشمالية", "ور", "كوريا"),
                List.of("Kim Jong-un met", "Jong", "Jong-un"),
                List.of("Russia’s", "’s", "’s"));
        @SuppressWarnings("unchecked")
        List<String> snapped = (List<String>) page.evaluate("""
                async (cases) => {
                  const { DocumentText } = await import('/js/workspace/text.js');
                  return cases.map(([text, part]) => {
                    const i = text.indexOf(part);
                    const r = new DocumentText(text).snapToWords(i, i + part.length);
                    return r ? text.slice(r.start, r.end) : null;
                  });
                }""", cases);
        assertEquals(cases.stream().map(c -> c.get(2)).toList(), snapped);
    }

    @Test
    void theLabelMenuOpensOnItsListWhereLettersAreHotkeysAndSlashFilters() {
        Page page = open(docId);
        drag(page, "Beijing");
        Locator country = page.getByRole(AriaRole.MENUITEM, named("COUNTRY"));
        assertThat(country).isFocused();
        assertThat(country.locator("kbd")).hasText("c");
        page.keyboard().press("/");
        Locator filter = page.getByLabel("Filter entity types");
        assertThat(filter).isFocused();
        page.keyboard().type("o"); // the hotkey of ORGANIZATION, but in the filter it only filters
        assertThat(filter).hasValue("o");
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(3);
        page.keyboard().type("rg");
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.keyboard().press("Enter");
        assertThat(spanLabel(page, "ORGANIZATION Beijing")).isVisible();
        assertThat(page.locator("#ws-announce")).hasText("Added ORGANIZATION “Beijing”.");
        saved(page);
        assertEquals(List.of("ORGANIZATION"), layer(annotator, docId).getList("spans.label"));
    }

    @Test
    void tabFollowsThePageOrderAndStepsThroughSpansOnlyInTheText() {
        span(annotator, docId, at(TEXT, "North Korea"), end(TEXT, "North Korea"), "COUNTRY");
        span(annotator, docId, at(TEXT, "China"), end(TEXT, "China"), "COUNTRY");
        Page page = open(docId);
        int presses = tabUntil(page, "ws-done");
        assertTrue(presses < 20, "Done is reached in " + presses + " presses");
        assertThat(page.locator("#ws-announce")).isEmpty();
        tabUntil(page, "ws-doc");
        page.keyboard().press("Tab");
        assertThat(page.locator("#ws-announce")).hasText("Selected COUNTRY “North Korea”.");
        page.keyboard().press("Tab");
        assertThat(page.locator("#ws-announce")).hasText("Selected COUNTRY “China”.");
        page.keyboard().press("Tab"); // past the last span, focus leaves the text
        assertThat(page.locator("#ws-doc")).not().isFocused();
    }

    @Test
    void spansAndARelationAreMadeWithTheKeyboardOnly() {
        Page page = open(docId);
        tabUntil(page, "ws-doc");
        assertThat(page.locator("#ws-doc .ws-caret")).isVisible();
        // The caret starts before "😀"; three words to the right it is after "Report:".
        for (int i = 0; i < 3; i++) {
            page.keyboard().press("ArrowRight");
        }
        page.keyboard().press("Shift+ArrowRight");
        page.keyboard().press("Shift+ArrowRight");
        assertThat(page.locator("#ws-doc .ws-kbsel").first()).isVisible();
        assertThat(page.locator("#ws-announce")).hasText("Selected text “North Korea”.");
        page.keyboard().press("c");
        assertThat(spanLabel(page, "COUNTRY North Korea")).isVisible();

        page.keyboard().press("ArrowRight"); // leaves the new span: the caret is after "and"
        page.keyboard().press("Shift+ArrowRight");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.MENU)).isVisible();
        page.keyboard().press("c");
        assertThat(spanLabel(page, "COUNTRY China")).isVisible();

        page.keyboard().press("Shift+Tab");
        assertThat(page.locator("#ws-announce")).hasText("Selected COUNTRY “North Korea”.");
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.MENUITEM, named("ALLY_OF"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        saved(page);

        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of(at(TEXT, "North Korea"), at(TEXT, "China")), layer.getList("spans.start"));
        assertEquals(List.of(end(TEXT, "North Korea"), end(TEXT, "China")), layer.getList("spans.end"));
        assertEquals(List.of("ALLY_OF"), layer.getList("relations.label"));
        assertEquals(layer.getList("spans.id"), List.of(layer.get("relations[0].head"), layer.get("relations[0].tail")));
    }

    @Test
    void theShortcutHelpListsEveryBoundKeyAndTheTypes() {
        Page page = open(docId);
        page.keyboard().press("?");
        Locator help = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keys"));
        assertThat(help).isVisible();
        @SuppressWarnings("unchecked")
        List<String> bound = (List<String>) page.evaluate("""
                async () => {
                  const { WORKSPACE_KEYS } = await import('/js/workspace/keys.js');
                  const { MENU_KEYS } = await import('/js/workspace/menu.js');
                  const { display } = await import('/js/workspace/shortcuts.js');
                  return [...WORKSPACE_KEYS, ...MENU_KEYS].flatMap((b) => [...b.keys.map(display), b.does]);
                }""");
        assertTrue(bound.contains("Ctrl+Z") && bound.contains("Shift+→"), bound.toString());
        for (String text : bound) {
            assertThat(help).containsText(text);
        }
        assertThat(help.getByRole(AriaRole.ROW, new Locator.GetByRoleOptions().setName("c COUNTRY"))).isVisible();
        page.keyboard().press("Escape");
        assertThat(help).isHidden();
        page.getByRole(AriaRole.BUTTON, named("Keys")).click();
        assertThat(help).isVisible();
    }

    @Test
    void theUndoButtonSaysUndoneAsCtrlZDoes() {
        span(annotator, docId, at(TEXT, "China"), end(TEXT, "China"), "COUNTRY");
        Page page = open(docId);
        spanLabel(page, "COUNTRY China").click();
        page.keyboard().press("Delete");
        assertThat(page.locator("#ws-announce")).hasText("Deleted COUNTRY “China”.");
        page.getByRole(AriaRole.BUTTON, named("Undo")).click();
        assertThat(page.locator("#ws-announce")).hasText("Undone.");
        assertThat(spanLabel(page, "COUNTRY China")).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Redo")).click();
        assertThat(page.locator("#ws-announce")).hasText("Redone.");
        assertThat(spanLabel(page, "COUNTRY China")).hasCount(0);
    }

    // --- helpers ---

    @Test
    void theWorkspaceCutsWordsByTheSameTableAsTheExports() throws IOException {
        Page page = open(docId);
        List<Map<String, Object>> cases = WordBoundariesTest.cases();
        Object cut = page.evaluate("""
                async cases => {
                  const words = await import('/js/workspace/words.js');
                  return cases.map(c => {
                    const t = words.tokenize(c.text);
                    const tokens = [];
                    for (let i = 0; i < t.length; i += 2) tokens.push(c.text.slice(t[i], t[i + 1]));
                    return tokens;
                  });
                }""", cases);
        assertEquals(cases.stream().map(c -> c.get("tokens")).toList(), cut);
    }

    Page open(long doc) {
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/documents/" + doc + "/annotate");
        ready(page);
        return page;
    }

    /** Presses Tab until the element with {@code id} has focus; the number of presses. */
    static int tabUntil(Page page, String id) {
        for (int presses = 1; presses <= 60; presses++) {
            page.keyboard().press("Tab");
            if (id.equals(page.evaluate("() => document.activeElement.id"))) {
                return presses;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    static String slice(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }
}
