package org.relata.annotation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.WorkspaceFixtures.layer;
import static org.relata.testsupport.WorkspacePage.label;
import static org.relata.testsupport.WorkspacePage.ready;
import static org.relata.testsupport.WorkspacePage.saved;
import static org.relata.testsupport.WorkspacePage.spanLabel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.WorkspaceBrowserBase;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The workspace's saving and flow: a stale tab's conflict, a failed save kept and retried, marking done, and
 * a curator's read-only and gold layers.
 */
@QuarkusTest
class WorkspaceSavingBrowserTest extends WorkspaceBrowserBase {

    @Test
    void aStaleTabIsToldOfTheConflictAndShownTheCurrentState() {
        Page first = open(annotator, docId);
        // Live updates would show the first tab's change in the second at once: this tab does not hear of it.
        Page second = browser.loggedIn(annotator, Api.PASSWORD);
        second.route("**/events", route -> route.abort());
        second.navigate("/documents/" + docId + "/annotate");
        ready(second);
        label(first, "China", "c");
        saved(first);

        label(second, "Beijing", "o");
        assertThat(second.getByRole(AriaRole.ALERT)).containsText("changed elsewhere");
        assertThat(second.getByRole(AriaRole.ALERT)).containsText("Add ORGANIZATION “Beijing”");
        assertThat(spanLabel(second, "COUNTRY China")).isVisible();
        assertThat(spanLabel(second, "ORGANIZATION Beijing")).hasCount(0);
        assertEquals(List.of("China"), texts(layer(annotator, docId)));

        // The fresh state is editable again.
        label(second, "Beijing", "o");
        saved(second);
        assertEquals(List.of("China", "Beijing"), texts(layer(annotator, docId)));
    }

    @Test
    void aFailedSaveIsShownKeptAndRetried() {
        Page page = open(annotator, docId);
        java.util.concurrent.atomic.AtomicBoolean offline = new java.util.concurrent.atomic.AtomicBoolean(true);
        page.route("**/layers/me/spans", route -> {
            if (offline.get()) {
                route.abort();
            } else {
                route.resume();
            }
        });
        label(page, "China", "c");
        assertThat(page.locator("#ws-save")).containsText("Save failed");
        assertThat(page.locator("#ws-save")).containsText("Add COUNTRY “China”");
        assertThat(spanLabel(page, "COUNTRY China")).isVisible();
        assertEquals(List.of(), layer(annotator, docId).getList("spans"));

        offline.set(false);
        page.getByRole(AriaRole.BUTTON, named("Retry saving")).click();
        saved(page);
        assertEquals(List.of("China"), texts(layer(annotator, docId)));
    }

    @Test
    void markingDoneOpensTheNextDocumentAndUpdatesProgress() {
        long second = db.document(projectId, "article-2", "Second article about Russia.");
        Api.assignAll(projectId, manager, annotator);
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/projects/" + projectId + "/annotate");
        ready(page);
        assertThat(page.getByRole(AriaRole.HEADING, named("article-1"))).isVisible();
        assertThat(page.locator("#ws-progress")).hasText("0 of 2 done");
        page.getByRole(AriaRole.BUTTON, named("Done")).click();
        page.waitForURL("**/documents/" + second + "/annotate");
        ready(page);
        assertThat(page.getByRole(AriaRole.HEADING, named("article-2"))).isVisible();
        assertThat(page.locator("#ws-progress")).hasText("1 of 2 done");
        assertEquals("DONE", layer(annotator, docId).getString("status"));
    }

    @Test
    void whenAllIsDoneStartAnnotatingSaysSo() {
        Api.as(annotator).body(Map.of("status", "DONE")).put("/api/documents/" + docId + "/layers/me/status")
                .then().statusCode(200);
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/projects/" + projectId + "/annotate");
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("All done");
    }

    @Test
    void aCuratorSeesAnAnnotatorsLayerReadOnly() {
        String curator = Api.newUser("cur");
        Api.addMember(projectId, manager, curator, "CURATOR");
        mySpan("China", "COUNTRY");
        Page page = browser.loggedIn(curator, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate");
        ready(page);
        page.getByLabel("Layer", new Page.GetByLabelOptions().setExact(true)).selectOption(annotator);
        page.waitForURL("**/annotate?owner=" + annotator);
        ready(page);
        assertThat(page.getByText("Read-only: the annotations of " + annotator)).isVisible();
        spanLabel(page, "COUNTRY China").click();
        page.keyboard().press("Delete");
        assertThat(spanLabel(page, "COUNTRY China")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Done"))).isHidden();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Delete span"))).hasCount(0);
        assertEquals(1, layer(annotator, docId).getList("spans").size());
    }

    @Test
    void aCuratorSwitchesToTheGoldLayerAndEditsIt() {
        String curator = Api.newUser("cur");
        Api.addMember(projectId, manager, curator, "CURATOR");
        Page page = browser.loggedIn(curator, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate");
        ready(page);
        page.getByLabel("Layer", new Page.GetByLabelOptions().setExact(true)).selectOption("gold");
        page.waitForURL("**/annotate?owner=gold");
        ready(page);
        label(page, "Russia", "c");
        saved(page);
        List<String> labels = Api.as(curator).get("/api/documents/" + docId + "/layers/gold").then().statusCode(200)
                .extract().jsonPath().getList("spans.label");
        assertEquals(List.of("COUNTRY"), labels);
        assertEquals(List.of(), layer(curator, docId).getList("spans"));
    }
}
