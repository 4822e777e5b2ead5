package org.relata.schema;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.geoSchema;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;
import static org.relata.testsupport.Api.uniqueName;
import static org.relata.testsupport.Exchange.importFile;
import static org.relata.testsupport.Exchange.importJsonl;
import static org.relata.testsupport.Exchange.zip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Look-alike and invisible names (issue 19, finding 7): every example of the finding is refused with 400 naming
 * the field (409 for a name that is taken), names are stored in NFC, and imports find a type case-insensitively.
 */
@QuarkusTest
class NameRulesTest {

    @Inject
    Db db;

    String manager;
    long projectId;

    @BeforeEach
    void setUp() {
        manager = newUser("names");
        projectId = newProject(manager);
    }

    /** The geopolitics schema with one more entity type (index 3) and one more relation type (index 2). */
    @SuppressWarnings("unchecked")
    private ValidatableResponse putWith(String entityName, String relationName) {
        Map<String, Object> schema = new HashMap<>(geoSchema());
        List<Object> entities = new ArrayList<>((List<Object>) schema.get("entityTypes"));
        if (entityName != null) {
            entities.add(Map.of("name", entityName));
        }
        List<Object> relations = new ArrayList<>((List<Object>) schema.get("relationTypes"));
        if (relationName != null) {
            relations.add(Map.of("name", relationName));
        }
        schema.put("entityTypes", entities);
        schema.put("relationTypes", relations);
        return as(manager).body(schema).put("/api/projects/" + projectId + "/schema").then();
    }

    private List<String> entityNames() {
        return as(manager).get("/api/projects/" + projectId + "/schema").then().statusCode(200)
                .extract().path("entityTypes.name");
    }

    @Test
    void lookAlikeAndInvisibleTypeNamesAnswer400NamingTheField() {
        String[] names = {
            "PER\u200B",        // zero-width space
            "P\u0415R",         // Cyrillic capital Ie between Latin letters
            "NEW\u00A0YORK",    // no-break space
            "\u202EREP",        // right-to-left override: renders as PER
            "PER\u3000",        // ideographic space (answered 409 naming entity_types_name_check before)
            "PER\u2060",        // word joiner
            "PER\u0007",        // a control character
        };
        for (String name : names) {
            putWith(name, null).statusCode(400).body("field", equalTo("$.entityTypes[3].name"))
                    .body("error", not(containsString("_check"))).body("error", not(containsString("java")));
            putWith(null, name).statusCode(400).body("field", equalTo("$.relationTypes[2].name"));
        }
        putWith("P\u0415R", null).statusCode(400).body("error", containsString("Latin"))
                .body("error", containsString("Cyrillic"));
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION"), entityNames());
    }

    @Test
    void joinersAndOneWritingSystemAreAccepted() {
        String persian = "\u0646\u0627\u0645\u200C\u0647\u0627";                // nam-ha, with the zero-width non-joiner
        String japanese = "\u56FA\u6709\u540D\u8A5E\u30AB\u30BF\u30AB\u30CA"; // Han with Katakana
        String hindi = "\u0905\u0928\u094D\u200D\u092F";                        // Devanagari with the joiner
        List<Object> entities = new ArrayList<>(List.of(Map.of("name", "COUNTRY"), Map.of("name", "PERSON"),
                Map.of("name", "ORGANIZATION"), Map.of("name", persian), Map.of("name", japanese), Map.of("name", hindi)));
        Map<String, Object> schema = new HashMap<>(geoSchema());
        schema.put("entityTypes", entities);
        as(manager).body(schema).put("/api/projects/" + projectId + "/schema").then().statusCode(200);
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION", persian, japanese, hindi), entityNames());
    }

    @Test
    void namesAreStoredInNormalFormC() {
        putWith("Cafe\u0301", null).statusCode(200);
        assertEquals("Caf\u00E9", entityNames().get(3));
        // The decomposed spelling is the same name: no second type, the first is kept.
        putWith("Caf\u00E9", null).statusCode(200);
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION", "Caf\u00E9"), entityNames());
    }

    @Test
    void typeNamesDifferingOnlyInCaseAnswer409NamingTheField() {
        putWith("Country", null).statusCode(409).body("field", equalTo("$.entityTypes[3].name"))
                .body("error", containsString("COUNTRY"));
        putWith(null, "ally_of").statusCode(409).body("field", equalTo("$.relationTypes[2].name"));
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION"), entityNames());
    }

    @Test
    void aPairStoredBeforeTheRuleIsKeptAndTheSchemaStaysEditable() {
        db.count("with t as (insert into entity_types (project_id, name, color, position)"
                + " values (?1, 'Country', '#000000', 99) returning id) select count(*) from t", projectId);
        List<String> names = entityNames();
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION", "Country"), names);
        // Adding a type keeps both until a manager merges them.
        putWith("Country", null).statusCode(200);
        putWith("Country", "SPOUSE_OF").statusCode(200);
        assertEquals(names, entityNames());
    }

    @Test
    void projectNamesWithControlsOrOtherSpacesAnswer400AndNormalFormsAreOneName() {
        for (String bad : new String[] {"\u202EProject " + uniqueName("x"), "Project\u00A0" + uniqueName("x"),
                "Pro\u200Bject " + uniqueName("x"), "P\u0430ypal " + uniqueName("x")}) {
            as(manager).body(Map.of("name", bad)).post("/api/projects").then().statusCode(400)
                    .body("field", equalTo("$.name"));
        }
        as(manager).body(Map.of("name", "\u202Ebad")).patch("/api/projects/" + projectId).then().statusCode(400)
                .body("field", equalTo("$.name"));
        String suffix = uniqueName("normal form");
        as(manager).body(Map.of("name", "Caf\u00E9 " + suffix)).post("/api/projects").then().statusCode(201)
                .body("name", equalTo("Caf\u00E9 " + suffix));
        as(manager).body(Map.of("name", "Cafe\u0301 " + suffix)).post("/api/projects").then().statusCode(409)
                .body("field", equalTo("$.name"));
        // A plain space, and Persian with its joiner beside Latin, are a name; Latin with Greek is not.
        as(manager).body(Map.of("name", "Alpha \u03B1 " + suffix)).post("/api/projects").then().statusCode(400)
                .body("field", equalTo("$.name"));
        as(manager).body(Map.of("name", "\u0646\u0627\u0645\u200C\u0647\u0627 " + suffix)).post("/api/projects")
                .then().statusCode(201);
    }

    @Test
    void tokenNamesWithBidiControlsAnswer400() {
        as(manager).body(Map.of("name", "ci\u202Etob")).post("/api/tokens").then().statusCode(400)
                .body("field", equalTo("$.name"));
        as(manager).body(Map.of("name", "ci\u00A0bot")).post("/api/tokens").then().statusCode(400)
                .body("field", equalTo("$.name"));
        as(manager).body(Map.of("name", "Cafe\u0301 bot")).post("/api/tokens").then().statusCode(201)
                .body("name", equalTo("Caf\u00E9 bot"));
    }

    @Test
    void importWithCreateLabelsUsesTheTypeThatDiffersOnlyInCase() {
        String line = "{\"id\":\"names-1\",\"text\":\"Hello world\",\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":5,"
                + "\"label\":\"Country\"}],\"relations\":[]}\n";
        importJsonl(manager, projectId, "createLabels=true", line).then().statusCode(200).body("spans", equalTo(1));
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION"), entityNames());
        assertEquals(1, db.count("select count(*) from spans s join entity_types t on t.id = s.entity_type_id"
                + " where t.project_id = ?1 and t.name = 'COUNTRY'", projectId));

        byte[] brat = zip(Map.of("names-2.txt", "Hello world".getBytes(StandardCharsets.UTF_8),
                "names-2.ann", "T1\tCountry 0 5\tHello\nT2\tcountry 6 11\tworld\nR1\tAlly_Of Arg1:T1 Arg2:T2\n"
                        .getBytes(StandardCharsets.UTF_8)));
        importFile(manager, projectId, "format=brat&createLabels=true", "application/zip", brat).then().statusCode(200);
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION"), entityNames());
        as(manager).get("/api/projects/" + projectId + "/schema").then()
                .body("relationTypes.name", equalTo(List.of("ALLY_OF", "LEADER_OF")));
    }

    @Test
    void importRefusesLookAlikeLabels() {
        String line = "{\"id\":\"names-3\",\"text\":\"Hello world\",\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":5,"
                + "\"label\":\"P\u0415R\"}],\"relations\":[]}\n";
        importJsonl(manager, projectId, "createLabels=true", line).then().statusCode(400)
                .body("field", equalTo("$.spans[0].label")).body("error", containsString("Cyrillic"));
        assertEquals(List.of("COUNTRY", "PERSON", "ORGANIZATION"), entityNames());
        as(manager).get("/api/projects/" + projectId + "/schema").then()
                .body("entityTypes.name", not(hasItem("P\u0415R")));
    }
}
