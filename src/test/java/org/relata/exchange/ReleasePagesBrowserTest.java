package org.relata.exchange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.relata.testsupport.Api.as;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReleasePagesBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void managerCreatesTwoReleasesAndComparesThem() {
        String manager = Api.newUser("pm");
        String annotator = Api.newUser("ann");
        long id = Api.newProject(manager);
        Api.addMember(id, manager, annotator, "ANNOTATOR");
        long doc = db.document(id, "d1", "China and Russia.");
        long russia = ((Number) as(manager).body(Map.of("start", 10, "end", 16, "label", "COUNTRY"))
                .post("/api/documents/" + doc + "/layers/gold/spans").then().statusCode(201).extract().path("id"))
                .longValue();

        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + id);
        page.getByRole(AriaRole.LINK, named("Releases")).click();
        page.getByLabel("Name").fill("v1");
        page.getByLabel("Documents").selectOption("any");
        page.getByRole(AriaRole.BUTTON, named("Create release")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Release v1 created.");
        assertThat(page.getByRole(AriaRole.LINK, named("Download v1"))).isVisible();

        as(manager).body(Map.of("label", "PERSON")).patch("/api/documents/" + doc + "/layers/gold/spans/" + russia)
                .then().statusCode(200);
        page.getByLabel("Name").fill("v2");
        page.getByLabel("Documents").selectOption("any");
        page.getByRole(AriaRole.BUTTON, named("Create release")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Release v2 created.");

        page.getByRole(AriaRole.BUTTON, named("Compare")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("From v1 to v2"))).isVisible();
        assertThat(page.getByText("relabelled span [10, 16) from COUNTRY to PERSON")).isVisible();

        as(annotator).get("/projects/" + id + "/releases").then().statusCode(403);
    }
}
