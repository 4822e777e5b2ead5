package org.relata.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema editor's add forms start from a colour no type has yet (issue 20, item 9): adding relation types one
 * after the other with the proposed colour gives each its own colour, not the same green every time.
 */
@QuarkusTest
class SchemaEditorColoursTest {

    @Test
    @SuppressWarnings("unchecked")
    void eachNewRelationTypeIsOfferedAColourNoTypeHas() {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> current = Api.as(manager).get("/api/projects/" + project + "/schema").then()
                    .statusCode(200).extract().path("");
            for (String kind : List.of("entityTypes", "relationTypes")) {
                for (Map<String, Object> type : (List<Map<String, Object>>) current.get(kind)) {
                    taken.add(((String) type.get("color")).toLowerCase());
                }
            }
            String offered = offeredColour(manager, project);
            assertFalse(taken.contains(offered.toLowerCase()), offered + " is already used: " + taken);
            List<Map<String, Object>> relationTypes = new ArrayList<>((List<Map<String, Object>>) current.get("relationTypes"));
            relationTypes.add(Map.of("name", "NEW_" + i, "color", offered, "directed", true));
            Map<String, Object> schema = Map.of("entityTypes", current.get("entityTypes"), "relationTypes", relationTypes,
                    "attributes", current.get("attributes"));
            String etag = Api.as(manager).get("/api/projects/" + project + "/schema").then().extract().header("ETag");
            Api.as(manager).header("If-Match", etag).body(schema).put("/api/projects/" + project + "/schema")
                    .then().statusCode(200);
            assertNotEquals(offered, offeredColour(manager, project));
        }
    }

    private static String offeredColour(String manager, long project) {
        String page = Api.as(manager).accept("text/html").get("/projects/" + project + "/schema").then().statusCode(200)
                .extract().asString();
        Matcher m = Pattern.compile("id=\"new-relation-color\" name=\"color\" value=\"(#[0-9a-fA-F]{6})\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no relation colour field on the schema page");
        }
        return m.group(1);
    }
}
