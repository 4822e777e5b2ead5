package org.relata.annotation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.WorkspaceFixtures.at;
import static org.relata.testsupport.WorkspaceFixtures.end;
import static org.relata.testsupport.WorkspaceFixtures.span;
import static org.relata.testsupport.WorkspacePage.label;
import static org.relata.testsupport.WorkspacePage.spanLabel;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;
import org.relata.testsupport.TeamDocument;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Live updates (issue 11 item 3): changes saved elsewhere appear in the workspace and on the progress dashboard
 * without a reload.
 */
@QuarkusTest
class LiveUpdatesBrowserTest extends BrowserTest {

    static final String TEXT = "😀 Report: North Korea and China met in Beijing.\n"
            + "Kim Jong Un spoke with Vladimir Putin in Vladivostok, Russia.";

    @Inject
    Db db;

    String manager;
    String annotator;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        TeamDocument team = TeamDocument.create(db, "pm", "ann", "article-1", TEXT);
        manager = team.manager();
        annotator = team.annotator();
        projectId = team.projectId();
        docId = team.docId();
    }

    @Test
    void anEditInOneTabAppearsInTheOtherWhichKeepsItsSelection() {
        span(annotator, docId, at(TEXT, "China"), end(TEXT, "China"), "COUNTRY");
        Page first = open(annotator, "");
        Page second = open(annotator, "");
        spanLabel(second, "COUNTRY China").click();
        assertThat(second.locator("#ws-doc .ws-selected").first()).isVisible();

        label(first, "Beijing", "o");
        assertThat(first.locator("#ws-save")).hasText("All changes saved");

        assertThat(spanLabel(second, "ORGANIZATION Beijing")).isVisible();
        assertThat(second.locator("#ws-doc .ws-selected").first()).isVisible();
        assertThat(second.getByRole(AriaRole.ALERT)).isHidden();

        // The merged state is the current one: the second tab's next edit is saved, not refused.
        label(second, "North Korea", "c");
        assertThat(second.locator("#ws-save")).hasText("All changes saved");
        assertThat(spanLabel(first, "COUNTRY North Korea")).isVisible();
        assertEquals(3, db.count("select count(*) from spans s join annotation_layers l on l.id = s.layer_id"
                + " where l.document_id = ?1", docId));
    }

    @Test
    void aManagerWatchingAnAnnotatorsLayerSeesTheirEditsAndTheirStatus() {
        Page annotatorPage = open(annotator, "");
        Page managerPage = browser.loggedIn(manager, Api.PASSWORD);
        managerPage.navigate("/documents/" + docId + "/annotate?owner=" + annotator);
        ready(managerPage);

        label(annotatorPage, "Kim Jong Un", "p");
        assertThat(spanLabel(managerPage, "PERSON Kim Jong Un")).isVisible();
        spanLabel(annotatorPage, "PERSON Kim Jong Un").click();
        annotatorPage.keyboard().press("Delete");

        assertThat(spanLabel(managerPage, "PERSON Kim Jong Un")).hasCount(0);
        annotatorPage.getByRole(AriaRole.BUTTON, named("Done")).click();
        assertThat(managerPage.locator("#ws-layer-status")).hasText("Done");
    }

    @Test
    void aDroppedStreamCatchesUpWhenItComesBack() {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate?owner=" + annotator);
        ready(page);
        Locator live = page.getByLabel("Live updates");
        assertThat(live).hasText("Live");

        // The database drops the server's LISTEN connection; the server ends the open streams, and the browser's
        // attempts to reconnect fail while its network is cut off.
        page.route("**/events", route -> route.abort());
        db.column("select pg_terminate_backend(pid) from pg_stat_activity"
                + " where application_name = 'relata-live' and datname = current_database()");
        assertThat(live).hasText("Reconnecting…");

        span(annotator, docId, at(TEXT, "Vladivostok"), end(TEXT, "Vladivostok"), "COUNTRY");
        span(annotator, docId, at(TEXT, "Russia"), end(TEXT, "Russia"), "COUNTRY");
        assertThat(spanLabel(page, "COUNTRY Russia")).hasCount(0);

        page.unroute("**/events");
        assertThat(live).hasText("Live");
        assertThat(spanLabel(page, "COUNTRY Vladivostok")).isVisible();
        assertThat(spanLabel(page, "COUNTRY Russia")).isVisible();
    }

    @Test
    void aConflictingLocalEditStillGetsTheConflictMessage() {
        Page page = open(annotator, "");
        // The other write commits while this tab's own write is on its way: the server refuses it (412).
        page.route("**/layers/me/spans", route -> {
            span(annotator, docId, at(TEXT, "China"), end(TEXT, "China"), "COUNTRY");
            route.resume();
        });
        label(page, "Beijing", "o");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("changed elsewhere");
        assertThat(spanLabel(page, "COUNTRY China")).isVisible();
        assertThat(spanLabel(page, "ORGANIZATION Beijing")).hasCount(0);
        assertEquals(List.of("COUNTRY"), db.column("select t.name from spans s join entity_types t on t.id = s.entity_type_id"
                + " join annotation_layers l on l.id = s.layer_id where l.document_id = ?1", docId));
    }

    @Test
    void theProgressDashboardFollowsTheTeamsWorkAndKeepsItsSortOrder() {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + projectId + "/progress");
        assertThat(page.getByLabel("Live updates")).hasText("Live");
        Locator annotators = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Annotators"));
        annotators.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annotator").setExact(true)).click();
        annotators.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annotator").setExact(true)).click();
        Locator spans = annotators.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(annotator).setExact(true))))
                .getByRole(AriaRole.CELL).nth(5);
        assertThat(spans).hasText("0");

        span(annotator, docId, at(TEXT, "China"), end(TEXT, "China"), "COUNTRY");
        span(annotator, docId, at(TEXT, "Russia"), end(TEXT, "Russia"), "COUNTRY");

        assertThat(spans).hasText("2");
        assertThat(annotators.locator("thead th").first()).hasAttribute("aria-sort", "descending");
    }

    // --- helpers ---

    Page open(String user, String query) {
        Page page = browser.loggedIn(user, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate" + query);
        ready(page);
        return page;
    }

    static void ready(Page page) {
        page.waitForFunction("() => !!window.relataWorkspace");
        assertThat(page.getByLabel("Live updates")).hasText("Live");
    }
}
