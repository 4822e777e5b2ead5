package org.relata.exchange.archive;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.as;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Exchange;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;

/** "Download archive" on the project page, "Create from archive" on the project list (admins). */
@QuarkusTest
class ArchivePagesBrowserTest extends BrowserTest {

    @Test
    void aManagerDownloadsTheArchiveAndAnAdminCreatesAProjectFromIt() throws Exception {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        Exchange.importJsonl(manager, project, "target=gold", Exchange.nativeFixture()).then().statusCode(200);

        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + project);
        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, named("Download archive")).click());
        byte[] zip = Files.readAllBytes(download.path());
        assertEquals(List.of("documents.jsonl", "guidelines.md", "manifest.json", "members.json", "project.json",
                "schema.json"), List.copyOf(Exchange.unzip(zip).keySet()));
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Create from archive"))).hasCount(0);

        Page admin = browser.loggedIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        String name = Api.uniqueName("From archive");
        admin.getByLabel("Project archive (.zip)").setInputFiles(new FilePayload("archive.zip", "application/zip", zip));
        admin.getByLabel("Name of the new project").fill(name);
        admin.getByRole(AriaRole.BUTTON, named("Create from archive")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("created from the archive: 2 documents");
        assertThat(admin.getByRole(AriaRole.HEADING, named(name))).isVisible();
        long created = Long.parseLong(admin.url().replaceAll(".*/projects/(\\d+).*", "$1"));
        assertEquals(2, ((List<?>) as(manager).get("/api/projects/" + created + "/documents").then().statusCode(200)
                .extract().path("items")).size());

        admin.navigate("/");
        admin.getByLabel("Project archive (.zip)").setInputFiles(new FilePayload("notes.zip", "application/zip",
                Exchange.zip(Map.of("notes.txt", "hello".getBytes()))));
        admin.getByRole(AriaRole.BUTTON, named("Create from archive")).click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Nothing was created. manifest.json");
    }
}
