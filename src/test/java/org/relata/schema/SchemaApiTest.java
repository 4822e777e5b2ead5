package org.relata.schema;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SchemaApiTest {

    @Inject
    Db db;

    String manager;
    long projectId;

    @BeforeEach
    void setUp() {
        manager = newUser("manager");
        projectId = newProject(manager);
    }

    /** The current version of the schema: replacing it whole (removing types) needs it. */
    private String etag() {
        return as(manager).get("/api/projects/" + projectId + "/schema").header("ETag");
    }

    @Test
    void duplicateEntityTypeNamesAnswer409() {
        Map<String, Object> schema = Map.of("entityTypes", List.of(Map.of("name", "A"), Map.of("name", "A")));
        as(manager).body(schema).put("/api/projects/" + projectId + "/schema").then().statusCode(409)
                .body("error", containsString("'A'")).body("field", equalTo("$.entityTypes[1].name"))
                .body("file", nullValue()).body("line", nullValue());
    }

    @Test
    void duplicateRelationTypeNamesAndHotkeysAnswer409() {
        as(manager).body(Map.of("entityTypes", List.of(Map.of("name", "A")),
                "relationTypes", List.of(Map.of("name", "R"), Map.of("name", "R"))))
                .put("/api/projects/" + projectId + "/schema").then().statusCode(409)
                .body("field", equalTo("$.relationTypes[1].name"));
        as(manager).body(Map.of("entityTypes", List.of(Map.of("name", "A", "hotkey", "a"), Map.of("name", "B", "hotkey", "a"))))
                .put("/api/projects/" + projectId + "/schema").then().statusCode(409)
                .body("field", equalTo("$.entityTypes[1].hotkey"));
    }

    @Test
    void relationTypeNamingAnUnknownEntityTypeAnswers400WithTheErrorBody() {
        Map<String, Object> schema = Map.of(
                "entityTypes", List.of(Map.of("name", "COUNTRY")),
                "relationTypes", List.of(Map.of("name", "LEADER_OF",
                        "allowed", List.of(Map.of("head", "PERSON", "tail", "COUNTRY")))));
        as(manager).body(schema).put("/api/projects/" + projectId + "/schema").then().statusCode(400)
                .body("error", containsString("PERSON"))
                .body("field", equalTo("$.relationTypes[0].allowed[0].head"))
                .body("file", nullValue()).body("line", nullValue());
        // Nothing of the refused schema was stored.
        as(manager).get("/api/projects/" + projectId + "/schema").then().statusCode(200)
                .body("entityTypes.name", equalTo(List.of("COUNTRY", "PERSON", "ORGANIZATION")));
    }

    @Test
    void badColoursHotkeysAndNamesAnswer400() {
        String url = "/api/projects/" + projectId + "/schema";
        as(manager).body(Map.of("entityTypes", List.of(Map.of("name", "A", "color", "red")))).put(url)
                .then().statusCode(400).body("field", equalTo("$.entityTypes[0].color"));
        as(manager).body(Map.of("entityTypes", List.of(Map.of("name", "A", "hotkey", "ab")))).put(url)
                .then().statusCode(400).body("field", equalTo("$.entityTypes[0].hotkey"));
        as(manager).body(Map.of("entityTypes", List.of(Map.of("name", "two words")))).put(url)
                .then().statusCode(400).body("field", equalTo("$.entityTypes[0].name"));
        as(manager).body(Map.of("attributes", List.of(Map.of("name", "X", "on", "document")))).put(url)
                .then().statusCode(400).body("field", equalTo("$.attributes[0].on"));
    }

    @Test
    void renamingATypeKeepsItsSpans() {
        long spanId = db.spanOfType(projectId, "COUNTRY", "China");
        Map<String, Object> schema = as(manager).get("/api/projects/" + projectId + "/schema").then().extract().as(Map.class);
        List<Map<String, Object>> types = new ArrayList<>();
        for (Object t : (List<?>) schema.get("entityTypes")) {
            Map<String, Object> type = new HashMap<>((Map<String, Object>) t);
            if (type.get("name").equals("COUNTRY")) {
                type.put("name", "NATION");
                type.put("color", "#000000");
            }
            types.add(type);
        }
        Map<String, Object> renamed = new HashMap<>(schema);
        renamed.put("entityTypes", types);
        as(manager).body(renamed).put("/api/projects/" + projectId + "/schema").then().statusCode(200)
                .body("entityTypes.name", equalTo(List.of("NATION", "PERSON", "ORGANIZATION")))
                .body("relationTypes.find { it.name == 'ALLY_OF' }.allowed[0].head", equalTo("NATION"));
        assertEquals("NATION", db.typeNameOfSpan(spanId));
    }

    @Test
    void renamingAnAttributeKeepsItsValues() {
        long spanId = db.spanOfType(projectId, "COUNTRY", "Laos");
        db.count("with u as (update spans set attributes = '{\"Negated\": true}' where id = ?1 returning 1)"
                + " select count(*) from u", spanId);
        Map<String, Object> schema = as(manager).get("/api/projects/" + projectId + "/schema").then().extract().as(Map.class);
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (Object a : (List<?>) schema.get("attributes")) {
            Map<String, Object> attribute = new HashMap<>((Map<String, Object>) a);
            if (attribute.get("name").equals("Negated")) {
                attribute.put("name", "Negation");
            }
            attributes.add(attribute);
        }
        Map<String, Object> renamed = new HashMap<>(schema);
        renamed.put("attributes", attributes);
        as(manager).body(renamed).put("/api/projects/" + projectId + "/schema").then().statusCode(200);
        assertEquals(List.of("{\"Negation\": true}"),
                db.column("select attributes::text from spans where id = ?1", spanId).stream().map(Object::toString).toList());
    }

    @Test
    void swappingTwoHotkeysWorks() {
        Map<String, Object> schema = Map.of("entityTypes", List.of(
                Map.of("name", "COUNTRY", "hotkey", "p"), Map.of("name", "PERSON", "hotkey", "c"),
                Map.of("name", "ORGANIZATION")));
        as(manager).header("If-Match", etag()).body(schema).put("/api/projects/" + projectId + "/schema").then().statusCode(200)
                .body("entityTypes.hotkey", equalTo(java.util.Arrays.asList("p", "c", null)));
    }

    @Test
    void removingATypeInUseIsRefused() {
        db.spanOfType(projectId, "PERSON", "Ri");
        Map<String, Object> schema = Map.of("entityTypes", List.of(Map.of("name", "COUNTRY")));
        as(manager).header("If-Match", etag()).body(schema).put("/api/projects/" + projectId + "/schema").then().statusCode(409)
                .body("error", containsString("labels 1 spans"));
        as(manager).get("/api/projects/" + projectId + "/schema").then()
                .body("entityTypes.name", equalTo(List.of("COUNTRY", "PERSON", "ORGANIZATION")));
    }

    @Test
    void malformedJsonAnswers400WithTheErrorBody() {
        as(manager).body("{\"entityTypes\": [").put("/api/projects/" + projectId + "/schema").then().statusCode(400)
                .body("error", containsString("JSON"));
        as(manager).body("{\"entityTypes\": 5}").put("/api/projects/" + projectId + "/schema").then().statusCode(400)
                .log().ifValidationFails().body("field", equalTo("$.entityTypes"));
    }
}
