package org.relata.annotation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Guards issue 19 finding 6: the import and the API share one relation rule (RelationRules): no relation from a
 * span to itself, no duplicate, and an undirected relation and its reverse are one.
 */
@QuarkusTest
class RelationRulesTest {

    @Inject
    Db db;

    private static final String TEXT = "Laos and Vietnam";

    private static String doc(String relations) {
        return "{\"id\":\"d1\",\"text\":\"" + TEXT + "\",\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":4,\"label\":\"COUNTRY\"},"
                + "{\"id\":\"T2\",\"start\":9,\"end\":16,\"label\":\"COUNTRY\"}],\"relations\":[" + relations + "]}\n";
    }

    private static String rel(String id, String head, String tail) {
        return "{\"id\":\"" + id + "\",\"label\":\"ALLY_OF\",\"head\":\"" + head + "\",\"tail\":\"" + tail + "\"}";
    }

    @Test
    void theImportRefusesWhatTheApiRefuses() {
        String user = newUser("relrules");
        long projectId = newProject(user);
        Exchange.importJsonl(user, projectId, "", doc(rel("R1", "T1", "T1"))).then().statusCode(400)
                .body("error", containsString("two different spans"));
        Exchange.importJsonl(user, projectId, "", doc(rel("R1", "T1", "T2") + "," + rel("R2", "T1", "T2")))
                .then().statusCode(400).body("error", containsString("appears twice"));
        // ALLY_OF is undirected: T2–T1 repeats T1–T2.
        Exchange.importJsonl(user, projectId, "", doc(rel("R1", "T1", "T2") + "," + rel("R2", "T2", "T1")))
                .then().statusCode(400).body("error", containsString("appears twice"));
        assertEquals(0, db.count("select count(*) from documents where project_id = ?1", projectId));
        Exchange.importJsonl(user, projectId, "", doc(rel("R1", "T1", "T2"))).then().statusCode(200)
                .body("relations", equalTo(1));
    }

    @Test
    void theApiTreatsAnUndirectedReverseAsTheSameRelation() {
        String user = newUser("relapi");
        long projectId = newProject(user);
        long docId = db.document(projectId, "d1", TEXT);
        String layer = "/api/documents/" + docId + "/layers/me";
        long laos = ((Number) as(user).body(Map.of("start", 0, "end", 4, "label", "COUNTRY")).post(layer + "/spans")
                .then().statusCode(201).extract().path("id")).longValue();
        long vietnam = ((Number) as(user).body(Map.of("start", 9, "end", 16, "label", "COUNTRY")).post(layer + "/spans")
                .then().statusCode(201).extract().path("id")).longValue();
        as(user).body(Map.of("head", laos, "tail", laos, "label", "ALLY_OF")).post(layer + "/relations").then()
                .statusCode(400).body("field", equalTo("tail"));
        as(user).body(Map.of("head", laos, "tail", vietnam, "label", "ALLY_OF")).post(layer + "/relations").then()
                .statusCode(201);
        as(user).body(Map.of("head", laos, "tail", vietnam, "label", "ALLY_OF")).post(layer + "/relations").then()
                .statusCode(409);
        as(user).body(Map.of("head", vietnam, "tail", laos, "label", "ALLY_OF")).post(layer + "/relations").then()
                .statusCode(409).body("error", containsString("reverse"));
    }
}
