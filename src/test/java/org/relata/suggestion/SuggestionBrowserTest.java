package org.relata.suggestion;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** Suggestions in the workspace (issue 11, item 2): threshold, accept, reject, undo, accept all, persistence. */
@QuarkusTest
class SuggestionBrowserTest extends BrowserTest {

    static final String TEXT = SuggestionApiTest.TEXT;

    @Inject
    Db db;

    /** "LABEL start-end" of the annotator's own spans, sorted. */
    static List<String> layer(String user, long docId) {
        List<Map<String, Object>> spans = Api.as(user).get("/api/documents/" + docId + "/layers/me").then()
                .statusCode(200).extract().jsonPath().getList("spans");
        return spans.stream().map(s -> s.get("label") + " " + s.get("start") + "-" + s.get("end")).sorted().toList();
    }

    static List<String> serverSuggestions(String user, long docId) {
        return Api.as(user).get("/api/documents/" + docId + "/suggestions").then().statusCode(200).extract()
                .jsonPath().getList("spans.label");
    }

    @Test
    void anAnnotatorAcceptsRejectsAndUndoesSuggestions() {
        String manager = Api.newUser("sugb-pm");
        String a = Api.newUser("sugb-a");
        long projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, a, "ANNOTATOR");
        String suggested = "{\"id\":\"kim\",\"text\":\"" + TEXT + "\",\"spans\":["
                + "{\"start\":17,\"end\":22,\"label\":\"COUNTRY\",\"score\":0.9},"
                + "{\"start\":27,\"end\":33,\"label\":\"COUNTRY\",\"score\":0.3},"
                + "{\"start\":0,\"end\":3,\"label\":\"PERSON\",\"score\":0.8}]}\n";
        Exchange.importJsonl(manager, projectId, "target=suggestions", suggested).then().statusCode(200);
        long docId = db.count("select id from documents where project_id = ?1", projectId);
        Api.assignAll(projectId, manager, a);

        Page page = browser.loggedIn(a, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate");
        page.waitForFunction("() => !!window.relataWorkspace");
        Locator list = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Suggestions").setExact(true))
                .getByRole(AriaRole.BUTTON);
        assertThat(list).hasCount(3);
        assertThat(page.locator("mark.ws-sp[data-k^='g']")).hasCount(3);

        // A threshold hides the low score.
        page.getByLabel("Hide scores below").fill("0.5");
        assertThat(list).hasCount(2);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Suggestion COUNTRY “Russia” 0.30"))).hasCount(0);

        // Click accepts: the span is in the annotator's layer, the suggestion is gone from the list.
        page.getByRole(AriaRole.BUTTON, named("Suggestion COUNTRY “China” 0.90")).click();
        assertThat(page.locator("#ws-save")).hasText("All changes saved");
        assertEquals(List.of("COUNTRY 17-22"), layer(a, docId));
        assertThat(list).hasCount(1);

        // Focus is on the next suggestion (Kim); Backspace rejects it, for this annotator, on the server.
        assertThat(page.getByRole(AriaRole.BUTTON, named("Suggestion PERSON “Kim” 0.80"))).isFocused();
        page.keyboard().press("Backspace");
        assertThat(list).hasCount(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> serverSuggestions(a, docId), s -> !s.contains("PERSON"));

        // Undo takes the rejection back, a second undo takes the accepted span out again.
        page.keyboard().press("Control+z");
        assertThat(list).hasCount(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> serverSuggestions(a, docId), s -> s.contains("PERSON"));
        page.keyboard().press("Control+z");
        assertThat(list).hasCount(2);
        assertThat(page.locator("#ws-save")).hasText("All changes saved");
        assertEquals(List.of(), layer(a, docId));

        // Accept all of a label is one step, undone at once.
        page.getByLabel("Hide scores below").fill("0");
        assertThat(list).hasCount(3);
        page.getByRole(AriaRole.BUTTON, named("Accept all COUNTRY")).click();
        assertThat(page.locator("#ws-save")).hasText("All changes saved");
        assertEquals(List.of("COUNTRY 17-22", "COUNTRY 27-33"), layer(a, docId));
        assertThat(list).hasCount(1);
        page.keyboard().press("Control+z");
        assertThat(list).hasCount(3);
        assertThat(page.locator("#ws-save")).hasText("All changes saved");
        assertEquals(List.of(), layer(a, docId));

        // Rejected stays rejected across a reload.
        page.getByRole(AriaRole.BUTTON, named("Reject all PERSON")).click();
        await().atMost(Duration.ofSeconds(5)).until(() -> serverSuggestions(a, docId), s -> !s.contains("PERSON"));
        page.reload();
        page.waitForFunction("() => !!window.relataWorkspace");
        assertThat(list).hasCount(2);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Suggestion PERSON “Kim” 0.80"))).hasCount(0);
        page.context().close();
    }

    @Test
    void aSuggestedRelationIsADashedArcThatEnterAcceptsWithItsSpansAndCtrlZUndoes() {
        String manager = Api.newUser("sugb-pm");
        String a = Api.newUser("sugb-a");
        long projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, a, "ANNOTATOR");
        Exchange.importJsonl(manager, projectId, "target=suggestions", SuggestionApiTest.SUGGESTED_RELATIONS).then()
                .statusCode(200);
        long docId = db.count("select id from documents where project_id = ?1", projectId);
        Api.assignAll(projectId, manager, a);
        // a has accepted Kim already: the arc to Korea starts at a's own span.
        Api.as(a).body(Map.of("start", 0, "end", 3, "label", "PERSON"))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201);

        Page page = browser.loggedIn(a, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate");
        page.waitForFunction("() => !!window.relataWorkspace");
        Locator arcs = page.locator(".ws-rel[data-k^='gr']");
        assertThat(arcs).hasCount(2);
        // Dashed, unlike the layer's own arcs.
        assertEquals(true, arcs.first().locator(".ws-arc").evaluate("e => getComputedStyle(e).strokeDasharray !== 'none'"));
        // The threshold hides the weak one.
        page.getByLabel("Hide scores below").fill("0.5");
        assertThat(arcs).hasCount(1);

        Locator suggestion = page.getByRole(AriaRole.BUTTON, named("Suggestion relation LEADER_OF: “Kim” → “Korea” 0.70"));
        suggestion.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#ws-save")).hasText("All changes saved");
        assertEquals(List.of("COUNTRY 10-15", "PERSON 0-3"), layer(a, docId));
        assertEquals(List.of("LEADER_OF"), Api.as(a).get("/api/documents/" + docId + "/layers/me").then()
                .extract().jsonPath().getList("relations.label"));
        // Now a solid arc of a's own layer, between a's own spans; no dashed one is left.
        assertThat(arcs).hasCount(0);
        assertThat(page.locator(".ws-rel[data-k^='r']")).hasCount(1);
        assertThat(page.locator("mark.ws-sp[data-k^='g']")).hasCount(1); // China, still suggested

        // One undo takes the relation and the copied Korea out, and the dashed arc is back.
        page.keyboard().press("Control+z");
        assertThat(arcs).hasCount(1);
        assertThat(page.locator("#ws-save")).hasText("All changes saved");
        assertEquals(List.of("PERSON 0-3"), layer(a, docId));
        assertThat(page.locator(".ws-rel[data-k^='r']")).hasCount(0);

        // Backspace on it rejects it, for a, on the server; Ctrl+Z takes that back too.
        page.getByRole(AriaRole.BUTTON, named("Suggestion relation LEADER_OF: “Kim” → “Korea” 0.70")).focus();
        page.keyboard().press("Backspace");
        assertThat(arcs).hasCount(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> Api.as(a).get("/api/documents/" + docId + "/suggestions")
                .then().extract().jsonPath().getInt("rejectedRelations"), n -> n == 1);
        page.keyboard().press("Control+z");
        assertThat(arcs).hasCount(1);
        page.context().close();
    }
}
