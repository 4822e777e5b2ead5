package org.relata.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.WorkspaceFixtures.at;
import static org.relata.testsupport.WorkspaceFixtures.relation;
import static org.relata.testsupport.WorkspaceFixtures.span;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The screenshots of the documentation (README, docs/annotating.md), taken of a demo article in the light and the
 * dark theme, and a check that the theme follows the system's setting. They are written to target/screenshots;
 * to refresh the ones in docs/images run
 * {@code ./mvnw -o test -Dtest=DocsScreenshotsBrowserTest -Drelata.screenshots=docs/images}.
 */
@QuarkusTest
class DocsScreenshotsBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void theWorkspaceInTheLightAndTheDarkTheme() throws IOException {
        String text = demoArticle("summit-vladivostok");
        String manager = Api.newUser("docs-pm");
        String annotator = Api.newUser("docs-ann");
        long projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        long docId = db.document(projectId, "summit-vladivostok", text);
        Api.assignAll(projectId, manager, annotator);
        mark(annotator, docId, text, "Vladivostok between", "Vladivostok", "COUNTRY");
        long russia = mark(annotator, docId, text, "Russia and", "Russia", "COUNTRY");
        long northKorea = mark(annotator, docId, text, "North Korea ended", "North Korea", "COUNTRY");
        relation(annotator, docId, russia, northKorea, "ALLY_OF");
        mark(annotator, docId, text, "United States Department of State", "United States Department of State",
                "ORGANIZATION");
        long russia2 = mark(annotator, docId, text, "Russia is expected", "Russia", "COUNTRY");
        long northKorea2 = mark(annotator, docId, text, "North Korea, while", "North Korea", "COUNTRY");
        relation(annotator, docId, russia2, northKorea2, "ALLY_OF");
        mark(annotator, docId, text, "European Union", "European Union", "ORGANIZATION");
        long volkov = mark(annotator, docId, text, "Andrei Volkov", "Andrei Volkov", "PERSON");
        relation(annotator, docId, volkov, russia, "LEADER_OF");

        Path dir = Path.of(System.getProperty("relata.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        for (ColorScheme scheme : new ColorScheme[] { ColorScheme.LIGHT, ColorScheme.DARK }) {
            Page page = browser.loggedIn(annotator, Api.PASSWORD, scheme);
            page.navigate("/documents/" + docId + "/annotate");
            page.waitForFunction("() => !!window.relataWorkspace");
            assertThat(page.locator("svg.ws-arcs .ws-rel")).not().hasCount(0);
            String background = (String) page.evaluate("() => getComputedStyle(document.documentElement).backgroundColor");
            assertEquals(scheme == ColorScheme.DARK ? "rgb(20, 23, 29)" : "rgb(246, 247, 249)", background);
            String name = scheme == ColorScheme.DARK ? "dark" : "light";
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("workspace-" + name + ".png")));
            if (scheme == ColorScheme.LIGHT) {
                page.navigate("/projects/" + projectId);
                page.waitForLoadState();
                page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("project-light.png")));
            }
            page.context().close();
        }
        assertTrue(Files.size(dir.resolve("workspace-dark.png")) > 10_000);
    }

    /** A span over {@code word} where it occurs at the start of {@code context}. */
    private static long mark(String user, long docId, String text, String context, String word, String label) {
        int start = at(text, context);
        return span(user, docId, start, start + word.codePointCount(0, word.length()), label);
    }

    private static String demoArticle(String name) throws IOException {
        try (InputStream in = DocsScreenshotsBrowserTest.class.getResourceAsStream("/demo/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
