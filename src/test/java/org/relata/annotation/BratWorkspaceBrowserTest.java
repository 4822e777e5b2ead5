package org.relata.annotation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.relata.testsupport.Exchange.cp;
import static org.relata.testsupport.Exchange.cpEnd;
import static org.relata.testsupport.WorkspaceFixtures.layer;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;
import org.relata.testsupport.WorkspacePage;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 13 in the workspace: discontinuous spans drawn as linked pieces and made with Alt, equivalences as a shared
 * badge, events as arcs from the trigger labelled with the role, entity links added, changed and removed.
 */
@QuarkusTest
class BratWorkspaceBrowserTest extends BrowserTest {

    static final String TEXT = "😀 North and South Korea met China in Beijing.\nThe DPRK and Pyongyang agreed.";

    @Inject
    Db db;

    String manager;
    String annotator;
    long projectId;
    long docId;

    static String span(String id, String label, String part) {
        return "{\"id\":\"" + id + "\",\"start\":" + cp(TEXT, part) + ",\"end\":" + cpEnd(TEXT, part) + ",\"label\":\""
                + label + "\"}";
    }

    @BeforeEach
    void project() {
        manager = Api.newUser("pm");
        annotator = Api.newUser("ann");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        // "North … Korea" is one country in two pieces; three spans name the same state; "agreed" is an event whose
        // argument is the meeting event.
        String north = "{\"id\":\"S1\",\"start\":" + cp(TEXT, "North") + ",\"end\":" + cpEnd(TEXT, "Korea")
                + ",\"label\":\"COUNTRY\",\"fragments\":[[" + cp(TEXT, "North") + "," + cpEnd(TEXT, "North") + "],["
                + cp(TEXT, "Korea") + "," + cpEnd(TEXT, "Korea") + "]]}";
        String line = "{\"id\":\"korea\",\"text\":" + Exchange.json(TEXT) + ",\"spans\":[" + north + ","
                + span("S2", "COUNTRY", "China") + "," + span("S3", "Meeting", "met") + "," + span("S4", "COUNTRY", "DPRK")
                + "," + span("S5", "COUNTRY", "Pyongyang") + "," + span("S6", "Agreement", "agreed") + "],"
                + "\"equivalences\":[{\"type\":\"Equiv\",\"spans\":[\"S1\",\"S4\",\"S5\"]}],"
                + "\"events\":[{\"id\":\"E1\",\"label\":\"Meeting\",\"trigger\":\"S3\",\"arguments\":[{\"role\":\"Agent\","
                + "\"ref\":\"S1\"},{\"role\":\"Partner\",\"ref\":\"S2\"}]},{\"id\":\"E2\",\"label\":\"Agreement\","
                + "\"trigger\":\"S6\",\"arguments\":[{\"role\":\"Topic\",\"ref\":\"E1\"}]}]}\n";
        Exchange.importJsonl(manager, projectId, "createLabels=true&target=user:" + annotator, line).then().statusCode(200);
        docId = db.count("select min(id) from documents where project_id = ?1", projectId);
        Api.assignAll(projectId, manager, annotator);
    }

    @Test
    void discontinuousSpansEquivalencesAndEventsAreDrawnAndAPieceIsAddedWithAlt() {
        Page page = open();
        // Two pieces, one label with the whole quote, a dashed link between them.
        assertThat(WorkspacePage.spanLabel(page, "COUNTRY North … Korea")).isVisible();
        assertThat(page.locator("mark.ws-piece")).hasCount(1);
        assertThat(page.locator("svg.ws-arcs .ws-piece-link")).hasCount(1);
        // The equivalence set: the same badge on its three spans.
        assertThat(page.locator(".ws-eq", new Page.LocatorOptions().setHasText("≡1"))).hasCount(3);
        // Events: arcs from the trigger, labelled with the role; the Topic arc points at the meeting's trigger.
        Locator eventArcs = page.locator("svg.ws-arcs .ws-ev text");
        assertThat(eventArcs.filter(new Locator.FilterOptions().setHasText("Agent"))).hasCount(1);
        assertThat(eventArcs.filter(new Locator.FilterOptions().setHasText("Partner"))).hasCount(1);
        assertThat(eventArcs.filter(new Locator.FilterOptions().setHasText("Topic"))).not().hasCount(0);

        // Select China, then select "Beijing" with Alt held: Beijing becomes China's second piece.
        WorkspacePage.spanLabel(page, "COUNTRY China").click();
        page.keyboard().down("Alt");
        WorkspacePage.drag(page, "Beijing");
        page.keyboard().up("Alt");
        assertThat(WorkspacePage.spanLabel(page, "COUNTRY China … Beijing")).isVisible();
        assertThat(page.locator("mark.ws-piece")).hasCount(2);
        WorkspacePage.saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of(List.of(cp(TEXT, "China"), cpEnd(TEXT, "China")), List.of(cp(TEXT, "Beijing"), cpEnd(TEXT, "Beijing"))),
                layer.getList("spans.find { it.start == " + cp(TEXT, "China") + " }.fragments"));

        // Undo makes it one piece again, on the server too.
        page.keyboard().press("Control+z");
        assertThat(WorkspacePage.spanLabel(page, "COUNTRY China")).isVisible();
        WorkspacePage.saved(page);
        assertNull(layer(annotator, docId).get("spans.find { it.start == " + cp(TEXT, "China") + " }.fragments"));
    }

    @Test
    void entityLinksAreAddedChangedAndRemovedOnASpan() {
        Page page = open();
        WorkspacePage.spanLabel(page, "COUNTRY China").click();
        page.getByLabel("Resource").fill("Wikidata");
        page.getByLabel("Id", new Page.GetByLabelOptions().setExact(true)).fill("Q148");
        page.getByLabel("Text (optional)").fill("People's Republic of China");
        page.getByRole(AriaRole.BUTTON, named("Add link")).click();
        Locator links = page.getByRole(AriaRole.LIST, named("Entity links"));
        assertThat(links).containsText("Wikidata:Q148 “People's Republic of China”");
        WorkspacePage.saved(page);
        String china = "spans.find { it.start == " + cp(TEXT, "China") + " }";
        assertEquals("Q148", layer(annotator, docId).get(china + ".links[0].id"));

        page.getByRole(AriaRole.BUTTON, named("Change link Wikidata:Q148")).click();
        page.getByLabel("Id", new Page.GetByLabelOptions().setExact(true)).fill("Q29520");
        page.getByLabel("Text (optional)").fill("");
        page.getByRole(AriaRole.BUTTON, named("Save link")).click();
        assertThat(links).containsText("Wikidata:Q29520");
        WorkspacePage.saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals("Q29520", layer.get(china + ".links[0].id"));
        assertNull(layer.get(china + ".links[0].text"));

        page.getByRole(AriaRole.BUTTON, named("Remove link Wikidata:Q29520")).click();
        assertThat(links).hasText("None.");
        WorkspacePage.saved(page);
        assertEquals(List.of(), layer(annotator, docId).getList(china + ".links"));

        // The manager lists the resources on the schema page; the workspace then offers exactly those.
        Page schemaPage = browser.loggedIn(manager, Api.PASSWORD);
        schemaPage.navigate("/projects/" + projectId + "/schema");
        schemaPage.getByLabel("Link resources (comma-separated)").fill("GeoNames, Wikidata");
        schemaPage.getByRole(AriaRole.BUTTON, named("Save link resources")).click();
        assertThat(schemaPage.getByText("Link resources saved.")).isVisible();
        assertEquals(List.of("GeoNames", "Wikidata"), Api.as(manager).get("/api/projects/" + projectId + "/schema")
                .then().statusCode(200).extract().jsonPath().getList("linkResources"));
        page.reload();
        WorkspacePage.ready(page);
        WorkspacePage.spanLabel(page, "COUNTRY China").click();
        Locator resource = page.getByRole(AriaRole.COMBOBOX, named("Resource"));
        assertThat(resource.locator("option")).hasText(new String[] {"GeoNames", "Wikidata"});
        resource.selectOption("GeoNames");
        page.getByLabel("Id", new Page.GetByLabelOptions().setExact(true)).fill("1871859");
        page.getByRole(AriaRole.BUTTON, named("Add link")).click();
        assertThat(links).containsText("GeoNames:1871859");
        WorkspacePage.saved(page);
        assertEquals("GeoNames", layer(annotator, docId).get(china + ".links[0].resource"));
    }

    Page open() {
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        page.navigate("/documents/" + docId + "/annotate");
        WorkspacePage.ready(page);
        return page;
    }
}
