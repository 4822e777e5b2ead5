package org.relata.document;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.relata.testsupport.Api.as;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TrashPagesBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void managerDeletesSelectedDocumentsAndRestoresOneFromTheTrash() {
        String manager = Api.newUser("pm");
        long id = Api.newProject(manager);
        long keep = db.document(id, "keep-me", "Kept text.");
        long first = db.document(id, "bin-one", "First text.");
        long second = db.document(id, "bin-two", "Second text.");

        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + id);
        page.getByLabel("Select bin-one").check();
        page.getByLabel("Select bin-two").check();
        page.getByRole(AriaRole.BUTTON, named("Delete selected")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("2 documents moved to the trash");
        assertThat(page.getByRole(AriaRole.LINK, named("keep-me"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named("bin-one"))).hasCount(0);
        as(manager).get("/api/documents/" + first).then().statusCode(404);
        as(manager).get("/api/documents/" + keep).then().statusCode(200);

        page.getByRole(AriaRole.LINK, named("Trash")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Trash"))).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, named("bin-two"))).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Restore bin-one")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Document restored.");
        assertThat(page.getByRole(AriaRole.CELL, named("bin-one"))).hasCount(0);
        as(manager).get("/api/documents/" + first).then().statusCode(200);
        as(manager).get("/api/documents/" + second).then().statusCode(404);
    }

    @Test
    void annotatorsSeeNeitherTheBulkDeleteNorTheTrash() {
        String manager = Api.newUser("pm");
        String annotator = Api.newUser("ann");
        long id = Api.newProject(manager);
        Api.addMember(id, manager, annotator, "ANNOTATOR");
        db.document(id, "doc-a", "Some text.");
        Api.assignAll(id, manager, annotator);
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/projects/" + id);
        assertThat(page.getByRole(AriaRole.LINK, named("doc-a"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Delete selected"))).hasCount(0);
        assertThat(page.getByLabel("Select doc-a")).hasCount(0);
        as(annotator).get("/projects/" + id + "/trash").then().statusCode(403);
    }
}
