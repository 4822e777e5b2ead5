package org.relata.exchange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 20 item 8: the import page guesses the format, zips brat files (chosen one by one or as a folder), previews
 * with a dry run, fails visibly. */
@QuarkusTest
class ImportPageBrowserTest extends BrowserTest {

    @Inject
    Db db;

    private static FilePayload file(String name, String type, String content) {
        return new FilePayload(name, type, content.getBytes(StandardCharsets.UTF_8));
    }

    private long documents(long project) {
        return db.count("select count(*) from documents where project_id = ?1", project);
    }

    private Page importPage(String manager, long project) {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + project + "/import");
        return page;
    }

    @Test
    void aTxtFileIsGuessedAsPlainTextAndImportedWithALinkToIt() {
        String manager = Api.newUser("imp-txt");
        long project = Api.newProject(manager);
        Page page = importPage(manager, project);
        page.getByLabel("Files").setInputFiles(file("minutes.txt", "text/plain", "The talks began on Sunday.\r\n"));
        assertThat(page.locator("#import-guess")).containsText("plain text");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Preview: 1 document, 0 spans and 0 relations would be imported");
        assertEquals(0, documents(project), "the preview stores nothing");

        page.getByRole(AriaRole.BUTTON, named("Import")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Imported 1 document, 0 spans and 0 relations.");
        assertEquals(1, documents(project));
        page.getByRole(AriaRole.LINK, named("minutes")).click();
        assertThat(page).hasURL(Pattern.compile(".*/documents/\\d+/annotate.*"));
    }

    @Test
    void severalTxtAndAnnFilesAreZippedAndImportedAsBrat() {
        String manager = Api.newUser("imp-brat");
        long project = Api.newProject(manager);
        Page page = importPage(manager, project);
        page.getByLabel("Files").setInputFiles(new FilePayload[] {
            file("kim.txt", "text/plain", "Kim leads Korea."),
            file("kim.ann", "application/octet-stream", "T1\tPERSON 0 3\tKim\nT2\tCOUNTRY 10 15\tKorea\n"
                    + "R1\tLEADER_OF Arg1:T1 Arg2:T2\n"),
            file("xi.txt", "text/plain", "Xi 😀 visits China."),
            file("xi.ann", "application/octet-stream", "T1\tPERSON 0 2\tXi\nT2\tCOUNTRY 12 17\tChina\n")});
        assertThat(page.locator("#import-guess")).containsText("brat standoff");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Preview: 2 documents, 4 spans and 1 relation would be imported");

        page.getByRole(AriaRole.BUTTON, named("Import")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Imported 2 documents, 4 spans and 1 relation.");
        assertEquals(2, documents(project));
        assertEquals(1, db.count("select count(*) from spans s join annotation_layers l on l.id = s.layer_id"
                + " join documents d on d.id = l.document_id where d.project_id = ?1 and d.external_id = 'xi'"
                + " and s.start_offset = 12 and s.end_offset = 17", project), "offsets count code points");
        assertThat(page.getByRole(AriaRole.LINK, named("kim"))).isVisible();
    }

    @Test
    void aChosenFolderIsZippedWithItsSubfoldersAndOtherFilesAreLeftOut(@TempDir Path folder) throws IOException {
        String manager = Api.newUser("imp-dir");
        long project = Api.newProject(manager);
        Path news = Files.createDirectories(folder.resolve("corpus").resolve("news"));
        Files.writeString(news.resolve("kim.txt"), "Kim leads Korea.\r\nHe met Xi.");
        Files.writeString(news.resolve("kim.ann"), "T1\tPERSON 0 3\tKim\nT2\tCOUNTRY 10 15\tKorea\n"
                + "R1\tLEADER_OF Arg1:T1 Arg2:T2\n");
        Files.writeString(folder.resolve("corpus").resolve("xi.txt"), "Xi 😀 visits China.");
        Files.writeString(folder.resolve("corpus").resolve("xi.ann"), "T1\tPERSON 0 2\tXi\nT2\tCOUNTRY 12 17\tChina\n");
        Files.writeString(folder.resolve("corpus").resolve("README.md"), "Notes on the corpus.");
        Page page = importPage(manager, project);

        page.getByLabel("Or a folder").setInputFiles(folder.resolve("corpus"));
        assertThat(page.locator("#import-guess")).containsText("brat standoff");
        assertThat(page.locator("#import-guess")).containsText("1 other file left out");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Preview: 2 documents, 4 spans and 1 relation would be imported");
        assertEquals(0, documents(project), "the preview stores nothing");

        page.getByRole(AriaRole.BUTTON, named("Import")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Imported 2 documents, 4 spans and 1 relation.");
        assertEquals(2, documents(project));
        assertEquals(1, db.count("select count(*) from spans s join annotation_layers l on l.id = s.layer_id"
                + " join documents d on d.id = l.document_id where d.project_id = ?1 and d.external_id like '%xi'"
                + " and s.start_offset = 12 and s.end_offset = 17", project), "offsets count code points");
    }

    @Test
    void thePreviewLetsTheUserMapAFileLabelBeforeAnythingIsWritten() {
        String manager = Api.newUser("imp-map");
        long project = Api.newProject(manager);
        Page page = importPage(manager, project);
        String jsonl = "{\"id\":\"m1\",\"text\":\"Kim met Xi.\",\"spans\":[{\"id\":\"a\",\"start\":0,\"end\":3,\"label\":\"person\"},"
                + "{\"id\":\"b\",\"start\":8,\"end\":10,\"label\":\"Leader\"}]}\n";
        page.getByLabel("Files").setInputFiles(file("people.jsonl", "application/x-ndjson", jsonl));
        assertThat(page.locator("#import-guess")).containsText("Relata JSONL");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("with 1 new label (Leader)");
        var labels = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Labels in the file"));
        assertThat(labels.getByLabel("person becomes")).hasValue("PERSON");
        assertThat(labels.getByLabel("Leader becomes")).hasValue("");

        labels.getByLabel("Leader becomes").selectOption("PERSON");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(
                "Preview: 1 document, 2 spans and 0 relations would be imported. Nothing is stored until you press Import.");
        assertEquals(0, documents(project));
        assertEquals(3, db.count("select count(*) from entity_types where project_id = ?1", project));

        page.getByRole(AriaRole.BUTTON, named("Import")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Imported 1 document, 2 spans and 0 relations.");
        assertEquals(3, db.count("select count(*) from entity_types where project_id = ?1", project), "no label Leader");
        assertEquals(2, db.count("select count(*) from spans s join entity_types t on t.id = s.entity_type_id"
                + " where t.project_id = ?1 and t.name = 'PERSON'", project));
    }

    @Test
    void aFailureShowsItsErrorBesideTheButtonInWordsAndTheBarTurnsRed() {
        String manager = Api.newUser("imp-fail");
        long project = Api.newProject(manager);
        Page page = importPage(manager, project);
        String bad = "{\"id\":\"a\",\"text\":\"Hello\"}\n{\"id\":\"b\",\"text\":\"Hi\",\"spans\":[{\"start\":0,\"end\":7,\"label\":\"COUNTRY\"}]}\n";
        page.getByLabel("Files").setInputFiles(file("broken.jsonl", "application/x-ndjson", bad));

        var status = page.getByRole(AriaRole.STATUS);
        assertThat(status).hasText("The preview found a problem; nothing would be imported. Fix the problem below and"
                + " choose the file again.");
        assertThat(status).not().containsText("400");
        var report = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Import errors"));
        assertThat(report).containsText("broken.jsonl");
        assertThat(report.locator("tbody tr")).containsText("$.spans[0].end");
        assertThat(page.getByLabel("Upload progress")).hasClass(Pattern.compile(".*\\bfailed\\b.*"));
        assertThat(page.getByRole(AriaRole.BUTTON, named("Import"))).isDisabled();
        // Beside the button: the report starts on the first screen, right under the button.
        BoundingBox button = page.getByRole(AriaRole.BUTTON, named("Import")).boundingBox();
        BoundingBox table = report.boundingBox();
        assertTrue(table.y + 40 < page.viewportSize().height, "the error is above the fold: " + table.y);
        assertTrue(table.y - (button.y + button.height) < 120, "the error is right under the button");
    }
}
