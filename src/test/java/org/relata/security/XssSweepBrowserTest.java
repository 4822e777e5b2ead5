package org.relata.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Exchange;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The XSS sweep (issue 12): markup goes into every text a user controls — project name, description, guidelines,
 * document id and text and meta, label names and display names, attribute values, notes, entity links, token
 * names, a username tried at login, a bad import line — and every page that shows it is opened in Chromium. Each
 * page must hold the payload as text (in textContent, or as a form field's value or a tooltip) and must not have
 * made an element from it: no {@code img[src=x]}, no attribute named {@code on...} anywhere, {@code window.__xss}
 * unset. The Content-Security-Policy would stop an inline handler from running, so "no dialog" proves nothing:
 * the DOM is what is checked.
 */
@QuarkusTest
class XssSweepBrowserTest extends BrowserTest {

    /** Free text: an element, then an attribute break-out; each ends with the field it was put in. */
    static String payload(String field) {
        return "<img src=x onerror=window.__xss=1>\"><svg onload=window.__xss=2>" + field;
    }

    /** Label and attribute names allow no white space: the same attack without spaces. */
    static String name(String field) {
        return "\"><svg/onload=window.__xss=3>" + field;
    }

    static final String PER = name("PER");
    static final String LOC = name("LOC");
    static final String REL = name("REL");
    static final String ATTR = name("ATTR");
    static final String RATTR = name("RATTR");
    static final String KB = name("KB");
    static final String TEXT = "Kim met " + payload("text") + " in Seoul.";

    static String manager;
    static String annotator;
    static String second;
    static long project;
    static long doc;

    /** One fixture for the class, built through the API as users build it. */
    @BeforeEach
    void fixture() {
        if (manager != null) {
            return;
        }
        manager = Api.newUser("xm");
        annotator = Api.newUser("xa");
        second = Api.newUser("xb");
        Map<String, Object> schema = Map.of(
                "entityTypes", List.of(Map.of("name", PER, "displayName", payload("display")), Map.of("name", LOC)),
                "relationTypes", List.of(Map.of("name", REL, "directed", true)),
                "attributes", List.of(Map.of("name", ATTR, "on", "span", "values", List.of(payload("value"))),
                        Map.of("name", RATTR, "on", "relation", "values", List.of(payload("relvalue")))),
                "linkResources", List.of(KB));
        project = ((Number) Api.as(manager).body(Map.of("name", payload("project") + " " + Api.uniqueName("P"),
                "description", payload("description"), "guidelines", payload("guidelines"), "schema", schema))
                .post("/api/projects").then().statusCode(201).extract().path("id")).longValue();
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        Api.addMember(project, manager, second, "ANNOTATOR");
        int kim = 0;
        int seoul = TEXT.codePointCount(0, TEXT.indexOf("Seoul"));
        String line = "{\"id\":" + Exchange.json(payload("doc")) + ",\"text\":" + Exchange.json(TEXT)
                + ",\"meta\":{\"source\":" + Exchange.json(payload("meta")) + "},\"status\":\"done\",\"spans\":["
                + "{\"id\":\"a\",\"start\":" + kim + ",\"end\":3,\"label\":" + Exchange.json(PER)
                + ",\"attributes\":{" + Exchange.json(ATTR) + ":" + Exchange.json(payload("value")) + "}"
                + ",\"note\":" + Exchange.json(payload("note"))
                + ",\"links\":[{\"resource\":" + Exchange.json(KB) + ",\"id\":" + Exchange.json(name("Q1"))
                + ",\"text\":" + Exchange.json(payload("linktext")) + "}]},"
                + "{\"id\":\"b\",\"start\":" + seoul + ",\"end\":" + (seoul + 5) + ",\"label\":" + Exchange.json(LOC) + "}],"
                + "\"relations\":[{\"id\":\"r\",\"label\":" + Exchange.json(REL) + ",\"head\":\"a\",\"tail\":\"b\","
                + "\"attributes\":{" + Exchange.json(RATTR) + ":" + Exchange.json(payload("relvalue")) + "},"
                + "\"note\":" + Exchange.json(payload("relnote")) + "}]}\n"
                + "{\"id\":" + Exchange.json(payload("trashed")) + ",\"text\":\"gone\"}\n";
        Exchange.importJsonl(manager, project, "target=user:" + annotator, line).then().statusCode(200);
        Api.assignAll(project, manager, annotator, second);
        doc = documentId(payload("doc"));
        // A second annotator who marked only Seoul and is done: the pair disagrees on this document.
        String theirs = "/api/documents/" + doc + "/layers/me";
        Api.as(second).body(Map.of("start", seoul, "end", seoul + 5, "label", LOC)).post(theirs + "/spans")
                .then().statusCode(201);
        Api.as(second).body(Map.of("status", "DONE")).put(theirs + "/status").then().statusCode(200);
        Api.as(manager).delete("/api/documents/" + documentId(payload("trashed"))).then().statusCode(204);
        Api.as(manager).body(Map.of("name", payload("token"))).post("/api/tokens").then().statusCode(201);
        // A login attempt with markup as the username lands in the security log.
        given().auth().preemptive().basic(payload("login"), "wrong-password").get("/api/me").then().statusCode(401);
    }

    static long documentId(String externalId) {
        List<Map<String, Object>> items = Api.as(manager).get("/api/projects/" + project + "/documents?size=100")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> externalId.equals(i.get("externalId")))
                .map(i -> ((Number) i.get("id")).longValue()).findFirst().orElseThrow();
    }

    @Test
    void projectPagesShowEveryTextAsText() {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        visit(page, "/", payload("project"));
        visit(page, "/projects/" + project, payload("project"), payload("description"), payload("doc"));
        visit(page, "/projects/" + project + "/members", payload("project"));
        // Display names are kept in the schema but shown on no page yet; the names, values and resources are.
        visit(page, "/projects/" + project + "/schema", PER, LOC, REL, ATTR, RATTR, payload("value"), payload("relvalue"), KB);
        visit(page, "/projects/" + project + "/export", payload("project"));
        visit(page, "/projects/" + project + "/import", payload("project"));
        visit(page, "/projects/" + project + "/trash", payload("trashed"));
        visit(page, "/projects/" + project + "/releases", payload("project"));
        visit(page, "/projects/" + project + "/progress", payload("project"));
        visit(page, "/projects/" + project + "/agreement", payload("project"));
        visit(page, "/account", payload("token"));
    }

    @Test
    void theDisagreementsPageShowsTheDocumentAndTheNamesInItsAddressAsText() {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        visit(page, "/projects/" + project + "/agreement/disagreements?a=" + annotator + "&b=" + second,
                payload("doc"), annotator, second);
        // The two names come from the address, where anyone can write markup into a link they send a curator.
        visit(page, "/projects/" + project + "/agreement/disagreements?a=" + encoded(payload("a")) + "&b="
                + encoded(payload("b")), payload("a"), payload("b"));
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theSecurityLogShowsAUsernameTriedAtLoginAsText() {
        Page page = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        visit(page, "/admin/security-log", payload("login"));
        visit(page, "/admin/users?q=" + annotator, annotator);
    }

    @Test
    void anImportErrorReportShowsTheBadLinesMarkupAsText() throws Exception {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + project + "/import");
        Path file = Files.createTempFile("xss", ".jsonl");
        try {
            Files.writeString(file, "{\"id\":\"x\",\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1,\"label\":"
                    + Exchange.json(name("UNKNOWN")) + "}]}\n", StandardCharsets.UTF_8);
            // Without "create missing labels" the unknown label is the error, and the report quotes it.
            page.locator("#import-create-labels").uncheck();
            // Choosing the file runs the dry-run preview, whose error report is the one shown.
            page.setInputFiles("#import-file", file);
            assertThat(page.locator("#import-errors")).containsText(name("UNKNOWN"));
            clean(page);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theWorkspaceShowsTextLabelsPanelMenusAndTooltipsAsText() {
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/documents/" + doc + "/annotate");
        page.waitForFunction("() => !!window.relataWorkspace");
        assertThat(page.locator("#ws-doc")).containsText(payload("text"));
        holds(page, PER, LOC, REL, payload("guidelines"));
        clean(page);

        // The side panel of the span: its note, attribute value and entity link.
        Locator kim = page.locator("#ws-doc [role=button]").first();
        kim.click();
        assertThat(page.getByLabel("Note")).hasValue(payload("note"));
        holds(page, payload("value"), payload("linktext"), name("Q1"), KB);
        clean(page);

        // The relation's panel: its label, note and attribute value.
        page.locator("svg.ws-arcs .ws-rel text").first().click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Selected relation"))).isVisible();
        assertThat(page.getByLabel("Note")).hasValue(payload("relnote"));
        holds(page, payload("relvalue"));
        clean(page);

        // The label menu, opened on a selection: the types' names and display names.
        page.keyboard().press("Escape");
        page.locator("#ws-doc .ws-tx").first().dblclick();
        Locator menu = page.getByRole(AriaRole.MENU);
        assertThat(menu).isVisible();
        assertThat(menu).containsText(PER);
        clean(page);
        page.keyboard().press("Escape");

        // The relation menu, opened by picking two spans.
        page.locator("#ws-doc [role=button]").first().click();
        page.locator("#ws-doc [role=button]").nth(1).click(new Locator.ClickOptions()
                .setModifiers(List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT)));
        assertThat(page.getByRole(AriaRole.MENU)).isVisible();
        clean(page);
    }

    @Test
    void theCurationPageShowsTheAnnotatorsWorkAsText() {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/documents/" + doc + "/curate");
        assertThat(page.locator("body")).containsText(payload("text"));
        holds(page, PER, payload("project"));
        clean(page);
    }

    /** Opens a page and checks that it holds each text as text and made no element from any of it. */
    private static void visit(Page page, String path, String... texts) {
        page.navigate(path);
        assertEquals("complete", page.evaluate("document.readyState"), path);
        holds(page, texts);
        clean(page);
    }

    /**
     * Each text is in the page as text: the body's textContent, a form field's value, an option, or a tooltip or
     * accessible name (attributes, which hold text and are never parsed). Waits for scripts that fill the page.
     */
    private static void holds(Page page, String... texts) {
        for (String text : texts) {
            try {
                shownAsText(page, text);
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError("Not shown as text on " + page.url() + ": " + text, e);
            }
        }
    }

    private static void shownAsText(Page page, String text) {
        page.waitForFunction("""
                    (t) => document.body.textContent.includes(t)
                      || [...document.querySelectorAll('input, textarea, select')].some(e => (e.value || '').includes(t))
                      || [...document.querySelectorAll('[title], [aria-label]')].some(e =>
                           (e.getAttribute('title') || '').includes(t) || (e.getAttribute('aria-label') || '').includes(t))
                """, text, new Page.WaitForFunctionOptions().setTimeout(10_000));
    }

    /** No element was made from a payload: no img[src=x], no on* attribute anywhere, nothing ran. */
    private static void clean(Page page) {
        String url = page.url();
        assertEquals(0, ((Number) page.evaluate("document.querySelectorAll('img[src=x], img[src^=\"x/\"]').length")).intValue(),
                "an <img> made from a payload on " + url);
        Object handlers = page.evaluate("""
                [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                  .filter(a => a.name.toLowerCase().startsWith('on') || a.name.includes('"'))
                  .map(a => e.tagName + ' ' + a.name))""");
        assertEquals(List.of(), handlers, "attributes made from a payload on " + url);
        assertTrue((Boolean) page.evaluate("typeof window.__xss === 'undefined'"), "a payload ran on " + url);
    }
}
