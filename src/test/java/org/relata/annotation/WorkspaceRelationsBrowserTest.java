package org.relata.annotation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.relata.testsupport.WorkspaceFixtures.layer;
import static org.relata.testsupport.WorkspaceFixtures.relation;
import static org.relata.testsupport.WorkspacePage.label;
import static org.relata.testsupport.WorkspacePage.saved;
import static org.relata.testsupport.WorkspacePage.shiftClick;
import static org.relata.testsupport.WorkspacePage.spanLabel;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.WorkspaceBrowserBase;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The workspace's relations and undo: the relation menu (mouse, drag, keyboard), deleting a span with its
 * relations, and undo/redo of spans, labels and relations.
 */
@QuarkusTest
class WorkspaceRelationsBrowserTest extends WorkspaceBrowserBase {

    @Test
    void theRelationMenuOffersOnlyTheTypesAllowedForThePair() {
        mySpan("North Korea", "COUNTRY");
        mySpan("China", "COUNTRY");
        mySpan("Kim Jong Un", "PERSON");
        Page page = open(annotator, docId);

        spanLabel(page, "COUNTRY North Korea").click();
        shiftClick(spanLabel(page, "COUNTRY China"));
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.getByRole(AriaRole.MENUITEM, named("ALLY_OF")).click();

        // PERSON and COUNTRY: only LEADER_OF, with the person as head even when the country was picked first.
        spanLabel(page, "COUNTRY North Korea").click();
        shiftClick(spanLabel(page, "PERSON Kim Jong Un"));
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.getByRole(AriaRole.MENUITEM, named("LEADER_OF")).click();
        assertThat(page.locator("svg.ws-arcs .ws-rel text", new Page.LocatorOptions().setHasText("LEADER_OF")))
                .hasCount(2); // drawn on both lines: it crosses the line break
        saved(page);

        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("ALLY_OF", "LEADER_OF"), layer.getList("relations.label"));
        Map<Object, String> textById = spanTexts(layer);
        assertEquals("Kim Jong Un", textById.get(layer.get("relations[1].head")));
        assertEquals("North Korea", textById.get(layer.get("relations[1].tail")));
    }

    @Test
    void draggingFromOneLabelToAnotherMakesARelation() {
        mySpan("North Korea", "COUNTRY");
        mySpan("China", "COUNTRY");
        Page page = open(annotator, docId);
        var from = spanLabel(page, "COUNTRY North Korea").boundingBox();
        var to = spanLabel(page, "COUNTRY China").boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse().move(to.x + to.width / 2, to.y + to.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.getByRole(AriaRole.MENUITEM, named("ALLY_OF")).click();
        saved(page);
        assertEquals(List.of("ALLY_OF"), layer(annotator, docId).getList("relations.label"));
    }

    @Test
    void aRelationIsMadeFromTheKeyboard() {
        mySpan("North Korea", "COUNTRY");
        mySpan("China", "COUNTRY");
        Page page = open(annotator, docId);
        page.locator("#ws-doc").focus();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#ws-announce")).containsText("Relation from COUNTRY “North Korea”");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(1);
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        saved(page);
        assertEquals(List.of("ALLY_OF"), layer(annotator, docId).getList("relations.label"));
    }

    @Test
    void aPairThatNoTypeAllowsGetsAMenuThatSaysSo() {
        mySpan("Kim Jong Un", "PERSON");
        mySpan("Vladimir Putin", "PERSON");
        Page page = open(annotator, docId);
        spanLabel(page, "PERSON Kim Jong Un").click();
        shiftClick(spanLabel(page, "PERSON Vladimir Putin"));
        // The message stands beside the menu's (empty) list of items and is its description.
        assertThat(page.getByRole(AriaRole.MENU)).hasAccessibleDescription("No relation type allows PERSON and PERSON.");
        assertThat(page.locator(".ws-menu")).containsText("No relation type allows PERSON and PERSON.");
        assertThat(page.getByRole(AriaRole.MENUITEM)).hasCount(0);
    }

    @Test
    void clickingAnArcSelectsTheRelationWhoseAttributeIsThenSet() {
        long kim = mySpan("Kim Jong Un", "PERSON");
        long russia = mySpan("Russia", "COUNTRY");
        relation(annotator, docId, kim, russia, "LEADER_OF");
        Page page = open(annotator, docId);
        page.locator("svg.ws-arcs .ws-rel text").first().click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Selected relation"))).isVisible();
        assertThat(page.getByLabel("Label", new Page.GetByLabelOptions().setExact(true)).locator("option")).hasCount(1);
        page.getByLabel("Certainty").selectOption("high");
        saved(page);
        assertEquals("high", layer(annotator, docId).get("relations[0].attributes.Certainty"));
        page.keyboard().press("Control+z");
        saved(page);
        assertEquals(Map.of(), layer(annotator, docId).get("relations[0].attributes"));
    }

    @Test
    void deletingASpanSaysHowManyRelationsGoWithIt() {
        long korea = mySpan("North Korea", "COUNTRY");
        long china = mySpan("China", "COUNTRY");
        relation(annotator, docId, korea, china, "ALLY_OF");
        Page page = open(annotator, docId);
        spanLabel(page, "COUNTRY North Korea").click();
        page.keyboard().press("Delete");
        assertThat(page.locator("#ws-announce")).hasText("Deleted COUNTRY “North Korea” and 1 relation.");
        assertThat(spanLabel(page, "COUNTRY North Korea")).hasCount(0);
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(0);
        saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("China"), texts(layer));
        assertEquals(List.of(), layer.getList("relations"));
    }

    @Test
    void undoAndRedoRecreateADeletedSpanWithItsRelation() {
        long korea = mySpan("North Korea", "COUNTRY");
        long china = mySpan("China", "COUNTRY");
        relation(annotator, docId, korea, china, "ALLY_OF");
        Page page = open(annotator, docId);
        spanLabel(page, "COUNTRY North Korea").click();
        page.keyboard().press("Delete");
        saved(page);

        page.keyboard().press("Control+z");
        assertThat(spanLabel(page, "COUNTRY North Korea")).isVisible();
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("North Korea", "China"), texts(layer));
        Map<Object, String> byId = spanTexts(layer);
        assertEquals("North Korea", byId.get(layer.get("relations[0].head")));
        assertEquals("China", byId.get(layer.get("relations[0].tail")));
        assertNotEquals(korea, ((Number) layer.get("relations[0].head")).longValue());

        page.keyboard().press("Control+Shift+z");
        assertThat(spanLabel(page, "COUNTRY North Korea")).hasCount(0);
        saved(page);
        assertEquals(List.of("China"), texts(layer(annotator, docId)));
        assertEquals(List.of(), layer(annotator, docId).getList("relations"));

        // And back once more: the recreated span's new id is used by the relation, again.
        page.getByRole(AriaRole.BUTTON, named("Undo")).click();
        saved(page);
        assertEquals(1, layer(annotator, docId).getList("relations").size());
    }

    @Test
    void undoAndRedoOfLabellingAndRelabelling() {
        Page page = open(annotator, docId);
        label(page, "Beijing", "c");
        assertThat(spanLabel(page, "COUNTRY Beijing")).isVisible();
        page.keyboard().press("o"); // the new span is selected: its hotkey relabels
        assertThat(spanLabel(page, "ORGANIZATION Beijing")).isVisible();

        page.keyboard().press("Control+z");
        assertThat(spanLabel(page, "COUNTRY Beijing")).isVisible();
        saved(page);
        assertEquals(List.of("COUNTRY"), layer(annotator, docId).getList("spans.label"));

        page.keyboard().press("Control+z");
        assertThat(spanLabel(page, "COUNTRY Beijing")).hasCount(0);
        saved(page);
        assertEquals(List.of(), layer(annotator, docId).getList("spans"));

        page.keyboard().press("Control+Shift+z");
        page.keyboard().press("Control+Shift+z");
        assertThat(spanLabel(page, "ORGANIZATION Beijing")).isVisible();
        saved(page);
        assertEquals(List.of("ORGANIZATION"), layer(annotator, docId).getList("spans.label"));
    }

    @Test
    void undoAndRedoOfARelationAndItsRelabelling() {
        long korea = mySpan("North Korea", "COUNTRY");
        mySpan("China", "COUNTRY");
        Page page = open(annotator, docId);
        spanLabel(page, "COUNTRY North Korea").click();
        shiftClick(spanLabel(page, "COUNTRY China"));
        page.getByRole(AriaRole.MENUITEM, named("ALLY_OF")).click();
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        page.getByRole(AriaRole.BUTTON, named("Delete relation")).click();
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(0);
        page.keyboard().press("Control+z");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        page.keyboard().press("Control+z");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(0);
        page.keyboard().press("Control+Shift+z");
        assertThat(page.locator("svg.ws-arcs .ws-rel")).hasCount(1);
        saved(page);
        JsonPath layer = layer(annotator, docId);
        assertEquals(List.of("ALLY_OF"), layer.getList("relations.label"));
        assertEquals(korea, ((Number) layer.get("relations[0].head")).longValue());
    }
}
