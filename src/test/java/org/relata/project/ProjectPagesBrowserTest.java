package org.relata.project;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import jakarta.inject.Inject;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProjectPagesBrowserTest extends BrowserTest {

    @Test
    void managerCreatesAProjectAndAddsAnEntityTypeWithColourAndHotkey() {
        String manager = Api.newUser("pm");
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        String name = Api.uniqueName("Sanctions corpus");
        page.getByLabel("Name").fill(name);
        page.getByLabel("Description").fill("Who sanctions whom");
        page.getByRole(AriaRole.BUTTON, named("Create project")).click();

        assertThat(page.getByRole(AriaRole.HEADING, named("Labels"))).isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Project created");
        page.getByLabel("New entity type").fill("COUNTRY");
        page.getByLabel("Colour", new Page.GetByLabelOptions().setExact(true)).first().fill("#aa3300");
        page.getByLabel("Hotkey", new Page.GetByLabelOptions().setExact(true)).fill("k");
        page.getByRole(AriaRole.BUTTON, named("Add entity type")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entity type COUNTRY added.");
        assertThat(page.getByLabel("Name of COUNTRY")).hasValue("COUNTRY");
        assertThat(page.getByLabel("Colour of COUNTRY")).hasValue("#aa3300");
        assertThat(page.getByLabel("Hotkey of COUNTRY")).hasValue("k");

        // A second type with the same hotkey is refused with a message, and nothing is added.
        page.getByLabel("New entity type").fill("PERSON");
        page.getByLabel("Hotkey", new Page.GetByLabelOptions().setExact(true)).fill("k");
        page.getByRole(AriaRole.BUTTON, named("Add entity type")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Hotkey 'k' is used twice.");
        assertEquals(0, page.getByLabel("Name of PERSON").count());

        // The project page lists the label with its hotkey.
        page.getByRole(AriaRole.LINK, named("← " + name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, named(name))).isVisible();
        assertThat(page.locator(".badge", new Page.LocatorOptions().setHasText("COUNTRY"))).containsText("k");
        // Deleting a type asks first: dismissed, the type stays; accepted, it goes.
        page.navigate("/projects/" + page.url().replaceAll(".*/projects/(\\d+).*", "$1") + "/schema");
        List<String> asked = new ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        page.getByRole(AriaRole.BUTTON, named("Delete COUNTRY")).click();
        assertEquals(List.of("Delete the entity type COUNTRY? This cannot be undone."), asked);
        assertThat(page.getByLabel("Name of COUNTRY")).hasValue("COUNTRY");
        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, named("Delete COUNTRY")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("deleted");
        assertEquals(0, page.getByLabel("Name of COUNTRY").count());
    }

    @Inject
    Db db;

    @Test
    void projectPageListsDocumentsAPageAtATime() {
        String manager = Api.newUser("pm");
        long id = Api.newProject(manager);
        db.documents(id, ProjectPages.PAGE_SIZE + 5);
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + id);
        assertThat(page.getByText("Page 1 of 2 (" + (ProjectPages.PAGE_SIZE + 5) + " documents)")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named("doc-0000"))).isVisible();
        page.getByRole(AriaRole.LINK, named("Next →")).click();
        assertThat(page.getByText("Page 2 of 2")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named(String.format("doc-%04d", ProjectPages.PAGE_SIZE + 4)))).isVisible();
        assertEquals(0, page.getByRole(AriaRole.LINK, named("doc-0000")).count());
    }

    @Test
    void managerSortsFiltersAndMarksAnAnnotatorsDocumentsDone() {
        String manager = Api.newUser("pm");
        String annotator = Api.newUser("ann");
        long id = Api.newProject(manager);
        Api.addMember(id, manager, annotator, "ANNOTATOR");
        db.document(id, "short", "Seoul.");
        db.document(id, "long", "Pyongyang, Beijing and Moscow met.");
        db.document(id, "middle", "Beijing and Moscow.");
        Api.assignAll(id, manager, annotator);
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + id);
        var names = page.locator("#documents tbody td:nth-child(2)");
        assertThat(names).hasText(new String[] {"long", "middle", "short"});
        page.getByRole(AriaRole.LINK, named("Length")).click();
        assertThat(names).hasText(new String[] {"short", "middle", "long"});
        page.getByRole(AriaRole.LINK, named("Length ▲")).click();
        assertThat(names).hasText(new String[] {"long", "middle", "short"});
        assertThat(page.locator("th[aria-sort=descending]")).hasText("Length ▼");

        // The annotator's layer: mark two documents done, then list only the done ones.
        page.getByLabel("of the layer").selectOption(annotator);
        page.getByRole(AriaRole.BUTTON, named("Show")).click();
        page.getByLabel("Select short").check();
        page.getByLabel("Select long").check();
        page.getByRole(AriaRole.BUTTON, named("Mark done")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("2 layers marked done.");
        page.navigate("/projects/" + id + "?owner=" + annotator);
        page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("DONE");
        page.getByRole(AriaRole.BUTTON, named("Show")).click();
        assertThat(names).hasText(new String[] {"long", "short"});
        assertThat(page.locator("#documents tbody .badge")).hasText(new String[] {"DONE", "DONE"});

        // Reopen every matching document at once.
        page.getByLabel("all 2 matching documents").check();
        page.getByRole(AriaRole.BUTTON, named("Reopen")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("2 layers reopened.");
        Api.as(manager).get("/api/projects/" + id + "/documents?owner=" + annotator + "&status=DONE").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aProjectNameWithMarkupIsShownAsText() {
        String manager = Api.newUser("xss");
        String name = "<script>window.pwned=true</script><img src=x onerror=\"window.pwned=true\"> " + Api.uniqueName("P");
        long id = ((Number) Api.as(manager).body(java.util.Map.of("name", name)).post("/api/projects")
                .then().statusCode(201).extract().path("id")).longValue();
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        AtomicBoolean dialog = new AtomicBoolean();
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        page.navigate("/projects/" + id);
        assertThat(page.getByRole(AriaRole.HEADING, named(name))).isVisible();
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.LINK, named(name))).isVisible();
        assertEquals(Boolean.FALSE, page.evaluate("() => window.pwned === true"));
        assertFalse(dialog.get());
    }

    @Test
    void managerAddsAMemberFromTheMembersPage() {
        String manager = Api.newUser("pm");
        String annotator = Api.newUser("ann");
        long id = Api.newProject(manager);
        // A manager adds people who share a project with them (issue 19, finding 5): the two met in another one.
        Api.addMember(Api.newProject(manager), manager, annotator, "ANNOTATOR");
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + id + "/members");
        assertThat(page.locator("#member-candidates option[value='" + annotator + "']")).hasCount(1);
        page.getByLabel("User", new Page.GetByLabelOptions().setExact(true)).fill(annotator);
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("ANNOTATOR");
        page.getByRole(AriaRole.BUTTON, named("Add member")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(annotator + " is now ANNOTATOR.");
        assertThat(page.getByLabel("Role of " + annotator)).hasValue("ANNOTATOR");
        Api.as(annotator).get("/api/projects/" + id).then().statusCode(200);
    }

    @Test
    void userCreatesAndRevokesAnApiToken() {
        String user = Api.newUser("tok");
        Page page = browser.loggedIn(user, Api.PASSWORD);
        page.navigate("/tokens");
        page.getByLabel("Name").fill("notebook");
        page.getByRole(AriaRole.BUTTON, named("Create token")).click();
        String token = page.locator("#new-token").textContent().trim();
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).get("/api/me")
                .then().statusCode(200);
        page.navigate("/tokens");
        page.getByRole(AriaRole.BUTTON, named("Revoke notebook")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Token revoked.");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).get("/api/me")
                .then().statusCode(401);
    }

    @Test
    void adminCreatesAUserWhoCanThenLogIn() {
        Page page = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        page.navigate("/admin/users");
        String username = "page-made-" + System.nanoTime();
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("a-good-password");
        page.getByRole(AriaRole.BUTTON, named("Create user")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("User " + username + " created.");
        Api.as(username, "a-good-password").get("/api/me").then().statusCode(200);
    }
}
