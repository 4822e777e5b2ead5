package org.relata.exchange;

import org.relata.testsupport.Exchange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExchangePagesBrowserTest extends BrowserTest {

    @Test
    void managerUploadsAFileSeesTheErrorReportThenImportsAFixedFile() {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + project);
        page.getByRole(AriaRole.LINK, named("Import")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Import"))).isVisible();
        // The page's script is a module, run after the page is parsed: a format chosen before it listens would be lost.
        assertThat(page.locator("#import-form")).hasAttribute("data-ready", "true");

        String bad = "{\"id\":\"a\",\"text\":\"Hello\"}\n{\"id\":\"b\",\"text\":\"Hi\",\"spans\":[{\"start\":0,\"end\":7,\"label\":\"COUNTRY\"}]}\n";
        page.getByLabel("Format").selectOption("jsonl");
        page.getByLabel("Files").setInputFiles(new FilePayload("broken.jsonl", "application/x-ndjson",
                bad.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("nothing would be imported");
        var report = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Import errors"));
        assertThat(report).containsText("broken.jsonl");
        assertThat(report.locator("tbody tr")).containsText("$.spans[0].end");
        assertThat(report.locator("tbody td").nth(1)).hasText("2");

        page.getByLabel("Files").setInputFiles(new FilePayload("gold.jsonl", "application/x-ndjson",
                Exchange.nativeFixture().getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Preview: 2 documents, 6 spans and 2 relations would be imported");
        page.getByRole(AriaRole.BUTTON, named("Import")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Imported 2 documents, 6 spans and 2 relations.");
        assertThat(page.getByLabel("Upload progress")).hasAttribute("value", "100");
        assertThat(page.locator("#import-errors")).isHidden();
    }

    @Test
    void curatorDownloadsAnExportFromTheForm() throws IOException {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        Exchange.importJsonl(manager, project, "", Exchange.nativeFixture() + "{\"id\":\"doc-3\",\"text\":\"Open\"}\n")
                .then().statusCode(200);
        String curator = Api.newUser("cur");
        Api.addMember(project, manager, curator, "CURATOR");
        Page page = browser.loggedIn(curator, Api.PASSWORD);
        page.navigate("/projects/" + project + "/export");
        // Gold holds the fixture's two finished documents: the page counts them before anything is downloaded.
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Will export 2 documents with 6 spans and 2 relations.");
        page.getByLabel("Format").selectOption("jsonl");
        page.getByLabel("Documents").selectOption("any");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Will export 3 documents with 6 spans and 2 relations.");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("Download")).click());
        String projectName = Api.as(curator).get("/api/projects/" + project).then().extract().path("name");
        assertEquals(projectName.toLowerCase().replace(' ', '-') + "-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl",
                download.suggestedFilename());
        String body = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertEquals(3, body.split("\n").length);
        assertTrue(body.startsWith("{\"id\":\"doc-1\""), body);
    }

    @Test
    void anEmptyExportIsExplainedNotDownloadedAndBadSplitsShowAtTheirField() {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        String annotator = Api.newUser("ann");
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        Exchange.importJsonl(manager, project, "target=user:" + annotator, Exchange.nativeFixture()).then().statusCode(200);
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + project + "/export");

        // Gold has nothing finished, the annotator has: the page starts from every annotator's layers.
        assertThat(page.getByLabel("Annotations of")).hasValue("all");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Will export 2 documents with 6 spans and 2 relations.");

        page.getByLabel("Annotations of").selectOption("gold");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Gold has no finished documents; 2 annotator layers are"
                + " finished — export them (“Every annotator”), or curate first.");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Download"))).isDisabled();

        page.getByLabel("Annotations of").selectOption("all");
        page.getByLabel("Split (optional)").fill("train");
        page.getByLabel("Split (optional)").dispatchEvent("change");
        assertThat(page.locator("#export-split-error")).isVisible();
        assertThat(page.locator("#export-split-error")).containsText("name:share");
        assertThat(page.getByRole(AriaRole.BUTTON, named("Download"))).isDisabled();
        assertEquals("/projects/" + project + "/export", java.net.URI.create(page.url()).getPath());
    }

    @Test
    void annotatorGetsNoImportPage() {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        String annotator = Api.newUser("ann");
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/projects/" + project);
        assertEquals(0, page.getByRole(AriaRole.LINK, named("Import")).count());
        assertEquals(403, page.navigate("/projects/" + project + "/import").status());
    }
}
