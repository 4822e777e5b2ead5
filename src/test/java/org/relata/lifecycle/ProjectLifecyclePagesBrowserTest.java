package org.relata.lifecycle;

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
class ProjectLifecyclePagesBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void aRetiredProjectIsHiddenUntilShownAndReadOnly() {
        String manager = Api.newUser("pm");
        String name = Api.uniqueName("Old corpus");
        long id = ((Number) as(manager).body(Map.of("name", name)).post("/api/projects").then().statusCode(201)
                .extract().path("id")).longValue();
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + id);
        page.getByRole(AriaRole.BUTTON, named("Retire project")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Project retired");
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("retired: it is read-only");

        // Saving settings is refused while retired.
        page.getByLabel("Description").fill("changed");
        page.getByRole(AriaRole.BUTTON, named("Save settings")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is retired and read-only");

        page.navigate("/");
        assertThat(page.getByRole(AriaRole.LINK, named(name))).hasCount(0);
        page.getByRole(AriaRole.LINK, named("Show retired projects (1)")).click();
        assertThat(page.getByRole(AriaRole.LINK, named(name))).isVisible();

        page.getByRole(AriaRole.LINK, named(name)).click();
        page.getByRole(AriaRole.BUTTON, named("Make active again")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Project active again.");
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.LINK, named(name))).isVisible();
    }

    @Test
    void deletingAProjectAsksToTypeItsName() {
        String manager = Api.newUser("pm");
        String name = Api.uniqueName("Doomed corpus");
        long id = ((Number) as(manager).body(Map.of("name", name)).post("/api/projects").then().statusCode(201)
                .extract().path("id")).longValue();
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + id);
        page.getByLabel("Type the project's name to confirm").fill("Doomed");
        page.getByRole(AriaRole.BUTTON, named("Delete project")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("repeat its name exactly");
        as(manager).get("/api/projects/" + id).then().statusCode(200);

        page.getByLabel("Type the project's name to confirm").fill(name);
        page.getByRole(AriaRole.BUTTON, named("Delete project")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Project '" + name + "' deleted.");
        assertThat(page.getByRole(AriaRole.HEADING, named("Projects"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named(name))).hasCount(0);
        as(manager).get("/api/projects/" + id).then().statusCode(404);
    }

    @Test
    void anAdminDeletesAUserKeepingTheirLayersInOneProjectAndDeletingThemInAnother() {
        String manager = Api.newUser("pm");
        String leaver = Api.newUser("leaver");
        long kept = Api.newProject(manager);
        long dropped = Api.newProject(manager);
        for (long project : java.util.List.of(kept, dropped)) {
            Api.addMember(project, manager, leaver, "ANNOTATOR");
            long doc = db.document(project, "d", "Seoul.");
            Api.assignAll(project, manager, leaver);
            as(leaver).body(Map.of("start", 0, "end", 5, "label", "COUNTRY"))
                    .post("/api/documents/" + doc + "/layers/me/spans").then().statusCode(201);
        }
        String droppedName = as(manager).get("/api/projects/" + dropped).path("name");
        Page page = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.navigate("/admin/users?q=" + leaver);
        page.getByRole(AriaRole.LINK, named("Delete " + leaver)).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Delete " + leaver))).isVisible();
        page.getByLabel("Delete the layers in " + droppedName).check();
        // The button asks first; dismissed, nothing happens.
        page.onceDialog(dialog -> dialog.dismiss());
        page.getByRole(AriaRole.BUTTON, named("Delete " + leaver)).click();
        as(leaver).get("/api/me").then().statusCode(200);
        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, named("Delete " + leaver)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("User deleted. 1 layer(s) kept as former-annotator-");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(", 1 deleted.");
        assertThat(page.getByRole(AriaRole.CELL, named(leaver))).hasCount(0);
        as(leaver).get("/api/me").then().statusCode(401);
    }
}
