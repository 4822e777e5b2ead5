package org.relata.schema;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 20, items 9 and 13: the schema editor's inputs sit under their headers, allowed pairs are picked from the
 * entity types (one shared list, issue 19 finding 2) and shown as chips, a refused form keeps what was typed, and a
 * type's chip gets readable text with a warning for faint colours.
 */
@QuarkusTest
class SchemaEditorBrowserTest extends BrowserTest {

    String manager;
    long projectId;
    Page page;

    @BeforeEach
    void open() {
        manager = Api.newUser("schema-pm");
        projectId = Api.newProject(manager);
        page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + projectId + "/schema");
    }

    @Test
    void everyInputSitsUnderItsHeader() {
        Locator entities = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Entity types"));
        underHeader(entities, "Name", page.getByLabel("Name of COUNTRY"));
        underHeader(entities, "Colour", page.getByLabel("Colour of COUNTRY"));
        underHeader(entities, "Hotkey", page.getByLabel("Hotkey of COUNTRY"));
        underHeader(entities, "Actions", page.getByRole(AriaRole.BUTTON, named("Save COUNTRY")));

        Locator relations = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Relation types"));
        underHeader(relations, "Name", page.getByLabel("Name of LEADER_OF"));
        underHeader(relations, "Colour", page.getByLabel("Colour of LEADER_OF"));
        underHeader(relations, "Directed", page.getByLabel("LEADER_OF is directed"));
        underHeader(relations, "Allowed pairs (head → tail)", page.getByLabel("Head type of a new pair for LEADER_OF"));
        underHeader(relations, "Actions", page.getByRole(AriaRole.BUTTON, named("Save LEADER_OF")));
    }

    @Test
    void allowedPairsArePickedAsHeadAndTailAndShownAsChips() {
        Locator pairs = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Allowed pairs of ALLY_OF"));
        assertThat(pairs.getByRole(AriaRole.CHECKBOX)).hasCount(1);
        assertThat(pairs.getByLabel("COUNTRY → COUNTRY")).isChecked();

        page.getByLabel("Head type of a new pair for ALLY_OF").fill("PERSON");
        page.getByLabel("Tail type of a new pair for ALLY_OF").fill("COUNTRY");
        page.getByRole(AriaRole.BUTTON, named("Save ALLY_OF")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Relation type ALLY_OF saved.");
        assertThat(pairs.getByLabel("PERSON → COUNTRY")).isChecked();
        assertThat(pairs.getByLabel("COUNTRY → COUNTRY")).isChecked();

        pairs.getByLabel("COUNTRY → COUNTRY").uncheck();
        page.getByRole(AriaRole.BUTTON, named("Save ALLY_OF")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Relation type ALLY_OF saved.");
        assertThat(pairs.getByRole(AriaRole.CHECKBOX)).hasCount(1);
        assertEquals(List.of(Map.of("head", "PERSON", "tail", "COUNTRY")), allowedOf("ALLY_OF"));

        // A new relation type with a pair picked in the add form.
        page.getByLabel("New relation type", new Page.GetByLabelOptions().setExact(true)).fill("BORDERS");
        page.getByLabel("Head type of a new pair for the new relation type").fill("COUNTRY");
        page.getByLabel("Tail type of a new pair for the new relation type").fill("COUNTRY");
        page.getByRole(AriaRole.BUTTON, named("Add relation type")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Relation type BORDERS added.");
        assertEquals(List.of(Map.of("head", "COUNTRY", "tail", "COUNTRY")), allowedOf("BORDERS"));
    }

    @Test
    void aRefusedFormKeepsWhatWasTyped() {
        page.getByLabel("New entity type", new Page.GetByLabelOptions().setExact(true)).fill("COUNTRY"); // taken
        page.getByLabel("Hotkey", new Page.GetByLabelOptions().setExact(true)).fill("z");
        page.getByRole(AriaRole.BUTTON, named("Add entity type")).click();
        assertThat(page.locator(".flash.error")).isVisible();
        assertThat(page.getByLabel("New entity type", new Page.GetByLabelOptions().setExact(true))).hasValue("COUNTRY");
        assertThat(page.getByLabel("Hotkey", new Page.GetByLabelOptions().setExact(true))).hasValue("z");

        page.getByLabel("New relation type", new Page.GetByLabelOptions().setExact(true)).fill("MEETS");
        page.getByLabel("Head type of a new pair for the new relation type").fill("PERSON");
        page.getByRole(AriaRole.BUTTON, named("Add relation type")).click(); // no tail picked
        assertThat(page.locator(".flash.error")).containsText("Pick both a head and a tail");
        assertThat(page.getByLabel("New relation type", new Page.GetByLabelOptions().setExact(true))).hasValue("MEETS");
        assertThat(page.getByLabel("Head type of a new pair for the new relation type")).hasValue("PERSON");

        // A row's form too (its fields live in the row's cells, tied to the form by form="…").
        page.getByLabel("Name of PERSON").fill("COUNTRY"); // taken
        page.getByRole(AriaRole.BUTTON, named("Save PERSON")).click();
        assertThat(page.locator(".flash.error")).isVisible();
        assertThat(page.getByLabel("Name of PERSON")).hasValue("COUNTRY");

        // Given back once: a reload starts empty.
        page.reload();
        assertThat(page.getByLabel("Name of PERSON")).hasValue("PERSON");
        assertThat(page.getByLabel("New relation type", new Page.GetByLabelOptions().setExact(true))).hasValue("");
    }

    @Test
    void chipsGetBlackOrWhiteTextAndAFaintColourIsWarnedAbout() {
        page.getByLabel("Colour of PERSON").fill("#ffff66");
        page.getByRole(AriaRole.BUTTON, named("Save PERSON")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entity type PERSON saved.");
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(page.getByLabel("Name of PERSON")));
        assertThat(row.locator(".type-chip")).hasCSS("color", "rgb(0, 0, 0)");
        assertThat(row.locator(".colour-warning")).containsText("Too light for lines on a light page");

        page.getByLabel("Colour of PERSON").fill("#d62728"); // 4.8:1 on white, 3.4:1 on the dark page
        page.getByRole(AriaRole.BUTTON, named("Save PERSON")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entity type PERSON saved.");
        assertThat(row.locator(".type-chip")).hasCSS("color", "rgb(255, 255, 255)");
        assertThat(row.locator(".colour-warning")).hasCount(0);
    }

    private List<Map<String, Object>> allowedOf(String relation) {
        List<Map<String, Object>> types = Api.as(manager).get("/api/projects/" + projectId + "/schema")
                .then().statusCode(200).extract().jsonPath().getList("relationTypes");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allowed = (List<Map<String, Object>>) types.stream()
                .filter(t -> relation.equals(t.get("name"))).findFirst().orElseThrow().get("allowed");
        return allowed.stream().map(p -> Map.<String, Object>of("head", p.get("head"), "tail", p.get("tail"))).toList();
    }

    /** The control's left edge is inside its header's column, near the column's start. */
    private static void underHeader(Locator table, String header, Locator control) {
        BoundingBox th = table.getByRole(AriaRole.COLUMNHEADER, new Locator.GetByRoleOptions().setName(header).setExact(true))
                .boundingBox();
        BoundingBox box = control.boundingBox();
        assertTrue(box.x >= th.x - 1 && box.x <= th.x + 16 && box.x + Math.min(box.width, 20) <= th.x + th.width + 1,
                header + ": header at x=" + th.x + " width " + th.width + ", control at x=" + box.x);
    }
}
