package org.relata.curation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.curation.CurationFixtures.TEXT;
import static org.relata.curation.CurationFixtures.relation;
import static org.relata.curation.CurationFixtures.span;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.curation.CurationFixtures.TwoAnnotators;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** The curation flow end to end in Chromium (issue 11, item 1): two annotators disagree, a curator resolves. */
@QuarkusTest
class CurationBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void twoAnnotatorsDisagreeTheCuratorResolvesWithKeysAndTheGoldExportHasTheResult() {
        TwoAnnotators team = TwoAnnotators.create(db);
        String manager = team.manager(), curator = team.curator(), a = team.a(), b = team.b();
        long projectId = team.projectId(), docId = team.docId();
        // Both: Kim PERSON and Korea COUNTRY. a alone: LEADER_OF Kim → Korea and China as COUNTRY; b: China as
        // ORGANIZATION.
        long kim = span(a, docId, 0, 3, "PERSON");
        long korea = span(a, docId, 10, 15, "COUNTRY");
        relation(a, docId, kim, korea, "LEADER_OF");
        span(a, docId, 17, 22, "COUNTRY");
        span(b, docId, 0, 3, "PERSON");
        span(b, docId, 10, 15, "COUNTRY");
        span(b, docId, 17, 22, "ORGANIZATION");

        Page page = browser.loggedIn(curator, Api.PASSWORD);
        page.navigate("/projects/" + projectId);
        page.getByRole(AriaRole.LINK, named("Curate kim")).click();
        page.waitForURL("**/documents/" + docId + "/curate");
        assertThat(page.locator("#curation")).hasAttribute("data-ready", "true");

        // Opening pre-accepted what both agree on; three disagreements are left.
        assertThat(page.locator("#cur-count")).hasText("3 disagreements left");
        Locator items = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Annotations of all annotators"))
                .getByRole(AriaRole.BUTTON);
        assertThat(items.filter(new Locator.FilterOptions().setHasText("PERSON “Kim”")))
                .containsText(a + ", " + b + " (2 of 2)in gold");
        assertThat(items.filter(new Locator.FilterOptions().setHasText("ORGANIZATION “China”")))
                .containsText(b + " (1 of 2)disagreement");
        assertThat(page.locator("mark.ws-sp")).hasCount(4);

        // The first disagreement is chosen on opening; n and p move between them.
        Locator announce = page.locator("#cur-announce");
        assertThat(announce).hasText("COUNTRY “China”: " + a + " (1 of 2), disagreement.");
        page.keyboard().press("n");
        assertThat(announce).hasText("ORGANIZATION “China”: " + b + " (1 of 2), disagreement.");
        page.keyboard().press("p");
        assertThat(announce).hasText("COUNTRY “China”: " + a + " (1 of 2), disagreement.");
        page.keyboard().press("Enter");
        assertThat(page.locator("#cur-count")).hasText("2 disagreements left");
        // Accepting moves on to the next disagreement: b's ORGANIZATION, which the curator rejects.
        assertThat(announce).hasText("ORGANIZATION “China”: " + b + " (1 of 2), disagreement.");
        page.keyboard().press("Backspace");
        assertThat(page.locator("#cur-count")).hasText("1 disagreement left");
        assertThat(items.filter(new Locator.FilterOptions().setHasText("ORGANIZATION “China”"))).containsText("rejected");
        assertThat(announce).hasText("LEADER_OF: “Kim” → “Korea”: " + a + " (1 of 2), disagreement.");
        page.keyboard().press("Enter");
        assertThat(page.locator("#cur-count")).hasText("0 disagreements left");

        page.getByRole(AriaRole.BUTTON, named("Mark gold done")).click();
        assertThat(page.locator("#cur-gold-status")).hasText("Gold: done");

        String export = Api.as(curator).get("/api/projects/" + projectId + "/export?format=jsonl&source=gold")
                .then().statusCode(200).extract().asString();
        assertTrue(export.contains("\"start\":17,\"end\":22,\"label\":\"COUNTRY\""), export);
        assertTrue(export.contains("\"start\":0,\"end\":3,\"label\":\"PERSON\""), export);
        assertTrue(export.contains("\"label\":\"LEADER_OF\""), export);
        assertFalse(export.contains("ORGANIZATION"), export);
        page.context().close();
    }

    @Test
    void anAnnotatorAskingForTheCurationViewGetsNotFound() {
        String manager = Api.newUser("curb-pm");
        String a = Api.newUser("curb-a");
        long projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, a, "ANNOTATOR");
        long docId = db.document(projectId, "kim", TEXT);
        Api.assignAll(projectId, manager, a);
        Page page = browser.loggedIn(a, Api.PASSWORD);
        assertTrue(page.navigate("/documents/" + docId + "/curate").status() == 404);
        page.navigate("/projects/" + projectId);
        assertThat(page.getByRole(AriaRole.LINK, named("Curate kim"))).hasCount(0);
        page.context().close();
    }

    @Test
    void aManagerLowersThePreAcceptShareOnTheCurationPage() {
        String manager = Api.newUser("curb-pm");
        long projectId = Api.newProject(manager);
        String[] annotators = {Api.newUser("curb-a"), Api.newUser("curb-b"), Api.newUser("curb-c")};
        for (String annotator : annotators) {
            Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        }
        long docId = db.document(projectId, "kim", TEXT);
        Api.assignAll(projectId, manager, annotators);
        // Two of three say China is a COUNTRY, the third an ORGANIZATION.
        span(annotators[0], docId, 17, 22, "COUNTRY");
        span(annotators[1], docId, 17, 22, "COUNTRY");
        span(annotators[2], docId, 17, 22, "ORGANIZATION");

        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/curate");
        assertThat(page.locator("#curation")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#cur-count")).hasText("2 disagreements left");
        assertThat(page.getByLabel("Pre-accept share (0.5 to 1; 1 = all annotators agree)")).hasValue("1");

        page.getByLabel("Pre-accept share (0.5 to 1; 1 = all annotators agree)").fill("0.6");
        page.getByRole(AriaRole.BUTTON, named("Save and pre-accept")).click();
        assertThat(page.locator("#cur-announce")).hasText("Pre-accept share saved; 1 more annotation pre-accepted.");
        assertThat(page.locator("#cur-count")).hasText("1 disagreement left");
        Api.as(manager).get("/api/projects/" + projectId + "/curation").then().statusCode(200)
                .body("preAcceptShare", org.hamcrest.Matchers.equalTo(0.6f));
        assertTrue(Api.as(manager).get("/api/documents/" + docId + "/layers/gold").then().statusCode(200)
                .extract().asString().contains("\"label\":\"COUNTRY\""));
        page.context().close();
    }

    @Test
    void theOpenCurationPageShowsAnAnnotatorsNewSpanWithoutAReloadAndKeepsTheChosenAnnotation() {
        TwoAnnotators team = TwoAnnotators.create(db);
        String manager = team.manager(), curator = team.curator(), a = team.a(), b = team.b();
        long projectId = team.projectId(), docId = team.docId();
        span(a, docId, 0, 3, "PERSON");
        span(b, docId, 17, 22, "COUNTRY");

        Page page = browser.loggedIn(curator, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/curate");
        assertThat(page.locator("#curation")).hasAttribute("data-listed", "true");
        assertThat(page.getByLabel("Live updates")).hasText("Live");
        assertThat(page.locator("#cur-count")).hasText("2 disagreements left");
        Locator items = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Annotations of all annotators"))
                .getByRole(AriaRole.BUTTON);
        // The curator chooses b's China.
        page.keyboard().press("n");
        assertThat(page.locator("#cur-announce")).hasText("COUNTRY “China”: " + b + " (1 of 2), disagreement.");
        page.evaluate("() => { window.notReloaded = true; }");

        // a adds Korea over the API: the page shows the new proposal by itself.
        span(a, docId, 10, 15, "COUNTRY");
        assertThat(items.filter(new Locator.FilterOptions().setHasText("COUNTRY “Korea”")))
                .containsText(a + " (1 of 2)disagreement");
        assertThat(page.locator("#cur-count")).hasText("3 disagreements left");
        assertThat(page.locator("mark.ws-sp")).hasCount(3);
        assertTrue((Boolean) page.evaluate("() => window.notReloaded === true"));
        // The chosen annotation is still b's China.
        assertThat(items.filter(new Locator.FilterOptions().setHasText("COUNTRY “China”")))
                .hasAttribute("aria-current", "true");
        page.keyboard().press("Enter");
        assertThat(page.locator("#cur-count")).hasText("2 disagreements left");
        assertThat(items.filter(new Locator.FilterOptions().setHasText("COUNTRY “China”"))).containsText("in gold");
        page.context().close();
    }

    @Test
    void aDecisionOnAViewOlderThanGoldStillGetsTheConflictMessage() {
        TwoAnnotators team = TwoAnnotators.create(db);
        String manager = team.manager(), curator = team.curator(), a = team.a(), b = team.b();
        long projectId = team.projectId(), docId = team.docId();
        span(a, docId, 0, 3, "PERSON");
        span(b, docId, 17, 22, "COUNTRY");

        Page page = browser.loggedIn(curator, Api.PASSWORD);
        // No live updates reach this page (as when gold changes between a decision and the event about it).
        page.route("**/api/documents/" + docId + "/events", route -> route.abort());
        page.navigate("/documents/" + docId + "/curate");
        assertThat(page.locator("#curation")).hasAttribute("data-listed", "true");
        assertThat(page.locator("#cur-announce")).hasText("PERSON “Kim”: " + a + " (1 of 2), disagreement.");

        // The manager puts Russia into gold elsewhere; the curator's accept is refused, never applied over it.
        Api.as(manager).body(java.util.Map.of("start", 27, "end", 33, "label", "COUNTRY"))
                .post("/api/documents/" + docId + "/layers/gold/spans").then().statusCode(201);
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.ALERT))
                .hasText("Gold changed elsewhere since this page read it; the current state is shown now.");
        assertThat(items(page).filter(new Locator.FilterOptions().setHasText("COUNTRY “Russia”"))).containsText("gold only");
        assertThat(items(page).filter(new Locator.FilterOptions().setHasText("PERSON “Kim”"))).containsText("disagreement");
        page.context().close();
    }

    static Locator items(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Annotations of all annotators"))
                .getByRole(AriaRole.BUTTON);
    }
}
