package org.relata.schema;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 20 item 3: the schema page merges one entity type into another after asking. */
@QuarkusTest
class TypeMergeBrowserTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void managerMergesADuplicateEntityTypeFromTheSchemaPage() {
        String manager = Api.newUser("merge-page");
        long project = Api.newProject(manager);
        Api.as(manager).contentType("application/x-ndjson").body(("{\"id\":\"n1\",\"text\":\"Korea\",\"spans\":[{\"start\":0,"
                + "\"end\":5,\"label\":\"NATION\"}]}\n").getBytes())
                .post("/api/projects/" + project + "/import?format=jsonl&createLabels=true").then().statusCode(200);
        Page page = browser.loggedIn(manager, Api.PASSWORD);
        page.navigate("/projects/" + project + "/schema");
        page.getByLabel("Merge entity type").selectOption(new SelectOption().setLabel("NATION"));
        page.getByLabel("into", new Page.GetByLabelOptions().setExact(true)).first()
                .selectOption(new SelectOption().setLabel("COUNTRY"));
        String[] asked = new String[1];
        page.onceDialog(dialog -> {
            asked[0] = dialog.message();
            dialog.accept();
        });
        page.getByRole(AriaRole.BUTTON, named("Merge entity types")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(
                "NATION merged into COUNTRY: 1 span relabelled.");
        assertEquals("Merge these entity types? Every span of the first takes the second, and the first is removed.",
                asked[0]);
        assertEquals(0, db.count("select count(*) from entity_types where project_id = ?1 and name = 'NATION'", project));
        assertEquals(1, db.count("select count(*) from audit_events where project_id = ?1 and action = 'merge'", project));
    }
}
