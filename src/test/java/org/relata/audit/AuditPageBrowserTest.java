package org.relata.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** A manager reads the project's audit page and narrows it to one person, then to one document. */
@QuarkusTest
class AuditPageBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void aManagerFiltersTheAuditPageByUserAndDocument() {
        String manager = Api.newUser("pm");
        String annotator = Api.newUser("ann");
        long project = Api.newProject(manager);
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        Api.notBlind(project, manager);
        long north = db.document(project, "north-<b>doc</b>", "North Korea and China met.");
        long south = db.document(project, "south", "Iran and Russia met.");
        Api.as(annotator).body(Map.of("start", 0, "end", 11, "label", "COUNTRY"))
                .post("/api/documents/" + north + "/layers/me/spans").then().statusCode(201);
        Api.as(annotator).body(Map.of("start", 0, "end", 4, "label", "COUNTRY"))
                .post("/api/documents/" + south + "/layers/me/spans").then().statusCode(201);
        Api.as(manager).body(Map.of("start", 16, "end", 21, "label", "COUNTRY"))
                .post("/api/documents/" + north + "/layers/gold/spans").then().statusCode(201);

        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + project);
        page.getByRole(AriaRole.LINK, named("Audit log")).click();
        Locator rows = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Changes"))
                .locator("tbody tr");
        // Three span creations, and the project's creation, membership and settings.
        assertThat(rows).hasCount(6);

        page.getByLabel("User").fill(annotator);
        page.getByRole(AriaRole.BUTTON, named("Filter")).click();
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0)).containsText("south");
        assertThat(rows.nth(1)).containsText("north-<b>doc</b>");
        assertThat(page.getByLabel("User")).hasValue(annotator);

        page.getByLabel("Document").fill("north-<b>doc</b>");
        page.getByRole(AriaRole.BUTTON, named("Filter")).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(annotator);
        assertThat(rows.first()).containsText("start: 0, end: 11, label: COUNTRY");
        assertThat(page.locator("table b")).hasCount(0);

        page.getByLabel("User").fill(manager);
        page.getByRole(AriaRole.BUTTON, named("Filter")).click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("gold");
    }
}
