package org.relata.workflow;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.workflow.TeamFixtures.TEXT;
import static org.relata.workflow.TeamFixtures.done;
import static org.relata.workflow.TeamFixtures.relation;
import static org.relata.workflow.TeamFixtures.span;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The progress dashboard, the agreement page and blind annotation in Chromium, on one blind project built once:
 * a and b have d1, d2 and d3, c only d1.
 * a: d1 and d2 China + Russia COUNTRY with ALLY_OF; b: d1 China + Russia, d2 China; c: d1 China as PERSON.
 * a–b span F1 (exact): d1 2 matched, d2 1 matched and 1 unmatched: 2·3 / (2·3 + 1) = 0.857.
 * a–c and b–c: nothing matched, 0. Where a and b disagree: d2 (1 span + 1 relation) before d1 (1 relation).
 */
@QuarkusTest
class TeamPagesBrowserTest extends BrowserTest {

    static String manager;
    static String a;
    static String b;
    static String c;
    static long projectId;
    static long d1;
    static long d2;
    static long d3;

    @Inject
    Db db;

    @BeforeEach
    void project() {
        if (projectId != 0) {
            return;
        }
        manager = Api.newUser("dash-pm");
        a = Api.newUser("dash-a");
        b = Api.newUser("dash-b");
        c = Api.newUser("dash-c");
        long id = ((Number) Api.as(manager)
                .body(Map.of("name", Api.uniqueName("Dashboard"), "schema", TeamFixtures.schema()))
                .post("/api/projects").then().statusCode(201).extract().path("id")).longValue();
        for (String annotator : List.of(a, b, c)) {
            Api.addMember(id, manager, annotator, "ANNOTATOR");
        }
        d1 = db.document(id, "d1", TEXT);
        d2 = db.document(id, "d2", TEXT);
        d3 = db.document(id, "d3", TEXT);
        Api.assignAll(id, manager, a, b);
        Api.as(manager).body(Map.of("documents", List.of(d1), "annotators", List.of(c)))
                .post("/api/projects/" + id + "/assignments").then().statusCode(200);
        for (long doc : new long[] {d1, d2}) {
            relation(a, doc, span(a, doc, 0, 5, "COUNTRY"), span(a, doc, 10, 16, "COUNTRY"), "ALLY_OF");
            done(a, doc);
        }
        span(b, d1, 0, 5, "COUNTRY");
        span(b, d1, 10, 16, "COUNTRY");
        span(b, d2, 0, 5, "COUNTRY");
        done(b, d1);
        done(b, d2);
        span(c, d1, 0, 5, "PERSON");
        done(c, d1);
        projectId = id;
    }

    static Locator.GetByRoleOptions inside(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    Locator row(Page page, String tableName, String firstCell) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(tableName))
                .getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(
                        page.getByRole(AriaRole.CELL, named(firstCell))));
    }

    @Test
    void managerSeesProgressBarsAHeatMapAndSortsTheTables() {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + projectId);
        page.getByRole(AriaRole.LINK, named("Progress")).click();
        page.waitForURL("**/projects/" + projectId + "/progress");

        // Annotator, Role, Assigned, In progress, Done, Spans, Relations, Last activity, Progress
        Locator cells = row(page, "Annotators", a).getByRole(AriaRole.CELL);
        String[] expected = {a, "ANNOTATOR", "3", "0", "2", "4", "2"};
        for (int i = 0; i < expected.length; i++) {
            assertThat(cells.nth(i)).hasText(expected[i]);
        }
        assertThat(row(page, "Annotators", c).getByRole(AriaRole.CELL).nth(2)).hasText("1");
        assertThat(page.getByRole(AriaRole.IMG, named(a + ": 2 done, 0 in progress, 3 assigned"))).isVisible();

        Locator heatMap = page.getByRole(AriaRole.IMG, named("Pairwise agreement"));
        assertThat(heatMap).isVisible();
        assertThat(heatMap.locator("title", new Locator.LocatorOptions().setHasText(a + " and " + b)).first())
                .hasText(a + " and " + b + ": span F1 (exact) 0.86 from 3 matched, 1 unmatched spans");
        assertThat(heatMap.locator("text", new Locator.LocatorOptions().setHasText("0.86"))).hasCount(2);
        assertThat(heatMap.locator("text", new Locator.LocatorOptions().setHasText("0.00"))).hasCount(4);

        // Labels: Label, Kind, Gold, then one column per member by name: COUNTRY spans by a (4), b (3), c (0)
        Locator country = row(page, "Labels", "COUNTRY").getByRole(AriaRole.CELL);
        assertThat(country.nth(2)).hasText("0");
        assertThat(country.nth(3)).hasText("4");
        assertThat(country.nth(4)).hasText("3");
        assertThat(country.nth(5)).hasText("0");
        assertThat(row(page, "Documents", "d3").getByRole(AriaRole.CELL).nth(3)).hasText("0 of 2");
        assertThat(row(page, "Documents", "d1").getByRole(AriaRole.CELL).nth(3)).hasText("all done");

        Locator annotators = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Annotators"));
        annotators.getByRole(AriaRole.BUTTON, inside("Spans")).click();
        assertThat(annotators.locator("tbody tr").first().locator("td").first()).hasText(manager);
        // Spans is the sixth column; aria-sort tells screen readers the order (the arrow is decoration)
        assertThat(annotators.locator("thead th").nth(5)).hasAttribute("aria-sort", "ascending");
        annotators.getByRole(AriaRole.BUTTON, inside("Spans")).click();
        assertThat(annotators.locator("tbody tr").first().locator("td").first()).hasText(a);
        assertThat(annotators.locator("tbody tr").nth(1).locator("td").first()).hasText(b);
    }

    @Test
    void agreementPageShowsPairsByMetricWithTheirUnitsAndWhereAPairDisagrees() {
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + projectId);
        page.getByRole(AriaRole.LINK, named("Agreement")).click();
        page.waitForURL("**/projects/" + projectId + "/agreement");

        Locator pair = row(page, "Annotator pairs", a + " – " + b);
        // Spans exact: 3 tp + 1 unmatched = 4 units; relations exact: a's 2, b's none: F1 0 from 2 units.
        assertThat(pair.getByRole(AriaRole.CELL).nth(1)).hasText("0.864 units");
        assertThat(pair.getByRole(AriaRole.CELL).nth(3)).hasText("0.002 units");
        assertThat(pair.getByRole(AriaRole.CELL).nth(1)).hasAttribute("title", "tp 3, fp 0, fn 1");
        assertThat(row(page, "Annotator pairs", a + " – " + c).getByRole(AriaRole.CELL).nth(1)).hasText("0.003 units");
        assertThat(page.getByRole(AriaRole.HEADING, named("COUNTRY span"))).isVisible();
        assertThat(row(page, "COUNTRY span", a + " – " + b).getByRole(AriaRole.CELL).nth(1)).hasText("0.864 units");

        pair.getByRole(AriaRole.LINK, inside("Where " + a + " and " + b + " disagree most")).click();
        page.waitForURL("**/agreement/disagreements?**");
        Locator rows = page.getByRole(AriaRole.TABLE).locator("tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0).locator("td")).hasText(new String[] {"d2", "1", "1", "2", a + "'s layer · " + b + "'s layer"});
        assertThat(rows.nth(1).locator("td").first()).hasText("d1");
        rows.nth(0).getByRole(AriaRole.LINK, inside(b + "'s layer")).click();
        page.waitForURL("**/documents/" + d2 + "/annotate?owner=" + b);
    }

    @Test
    void blindAnnotatorSeesOnlyTheirDocumentAndGetsNotFoundForTheRest() {
        Page page = browser.loggedIn(c, Api.PASSWORD);
        page.navigate("/projects/" + projectId);
        assertThat(page.getByRole(AriaRole.LINK, named("d1"))).isVisible();
        assertEquals(0, page.getByRole(AriaRole.LINK, named("d2")).count());
        assertEquals(0, page.getByRole(AriaRole.LINK, named("Progress")).count());
        assertThat(page.getByText("My progress: 1 of 1 documents done")).isVisible();
        long before = db.count("select count(*) from annotation_layers where document_id = ?1", d2);

        assertEquals(404, page.navigate("/documents/" + d2 + "/annotate").status());
        assertEquals(404, page.navigate("/documents/" + d1 + "/annotate?owner=" + a).status());
        assertEquals(403, page.navigate("/projects/" + projectId + "/progress").status());
        assertEquals(before, db.count("select count(*) from annotation_layers where document_id = ?1", d2));
    }

    @Test
    void managerTurnsBlindAnnotationOffOnTheProjectPage() {
        long other = Api.newProject(manager);
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + other);
        assertThat(page.getByLabel("Annotators see")).hasValue("on");
        page.getByLabel("Annotators see").selectOption("off");
        page.getByRole(AriaRole.BUTTON, named("Save settings")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Project saved.");
        assertThat(page.getByLabel("Annotators see")).hasValue("off");
        Api.as(manager).get("/api/projects/" + other).then().body("blind", org.hamcrest.Matchers.equalTo(false));
    }
}
