package org.relata.lifecycle;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CopyPagesBrowserTest extends BrowserTest {

    @Test
    void managerDownloadsASchemaAndUploadsItIntoAnotherProject() throws Exception {
        String manager = Api.newUser("pm");
        long source = Api.newProject(manager);
        long target = ((Number) as(manager).body(Map.of("name", Api.uniqueName("Target"))).post("/api/projects")
                .then().statusCode(201).extract().path("id")).longValue();
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + source + "/schema");
        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, named("Download schema (JSON)")).click());
        byte[] file = Files.readAllBytes(download.path());
        assertTrue(new String(file, StandardCharsets.UTF_8).contains("\"id\""), "the download carries the type ids");

        page.navigate("/projects/" + target + "/schema");
        page.getByLabel("Schema file (JSON)").setInputFiles(new FilePayload("schema.json", "application/json", file));
        page.getByRole(AriaRole.BUTTON, named("Upload schema")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Schema uploaded.");
        assertThat(page.getByLabel("Name of LEADER_OF")).hasValue("LEADER_OF");
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION"),
                as(manager).get("/api/projects/" + target + "/schema").then().extract().path("entityTypes.name"));

        page.getByLabel("Schema file (JSON)").setInputFiles(new FilePayload("notes.json", "application/json",
                "not json".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, named("Upload schema")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("not a schema in the API's JSON shape");
    }

    @Test
    void newProjectFromAnotherOnTheProjectList() {
        String manager = Api.newUser("pm");
        long source = Api.newProject(manager);
        String sourceName = as(manager).get("/api/projects/" + source).then().extract().path("name");
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        String name = Api.uniqueName("Second round");
        page.getByLabel("Name").fill(name);
        page.getByLabel("Start from").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("The labels, guidelines and settings of " + sourceName));
        page.getByRole(AriaRole.BUTTON, named("Create project")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Project created with the labels");
        assertThat(page.getByRole(AriaRole.HEADING, named(name))).isVisible();
        assertThat(page.locator(".badge", new Page.LocatorOptions().setHasText("PERSON"))).isVisible();
    }
}
