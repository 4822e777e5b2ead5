package org.relata.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 19, finding 2 (its last part): a JSON body over the API's own limit answers 413 in the error shape before it
 * is parsed, and changes nothing; imports keep the large request limit.
 */
@QuarkusTest
class JsonBodyLimitTest {

    @Test
    void anOversizedJsonBodyIs413AndNothingIsCreated() {
        String manager = Api.newUser("pm");
        String name = Api.uniqueName("Huge");
        String padding = "x".repeat(3 * 1024 * 1024);
        Api.as(manager).contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"description\":\"" + padding + "\"}")
                .post("/api/projects").then().statusCode(413)
                .body("error", containsString("relata.max-json-body"));
        Api.as(manager).get("/api/projects").then().statusCode(200).body("findAll { it.name == '" + name + "' }.size()",
                equalTo(0));
    }

    @Test
    void aLargeImportIsStillTaken() {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        StringBuilder jsonl = new StringBuilder();
        String text = "Pyongyang and Moscow. ".repeat(2_000);
        for (int i = 0; i < 60; i++) {
            jsonl.append("{\"id\":\"d").append(i).append("\",\"text\":\"").append(text).append("\"}\n");
        }
        org.relata.testsupport.Exchange.importJsonl(manager, project, "", jsonl.toString())
                .then().statusCode(200).body("documents", equalTo(60));
    }
}
