package org.relata.workflow;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.relata.testsupport.Api.as;
import static org.relata.workflow.TeamFixtures.TEXT;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgressApiTest {

    @Inject
    Db db;

    /**
     * a is assigned d1 and d2, b only d1. a marks China and Russia on d1 with ALLY_OF and finishes it; b marks China
     * on d1 and goes on; the manager marks Russia in d2's gold layer.
     */
    @Test
    void progressCountsPerAnnotatorLabelAndDocument() {
        String manager = Api.newUser("manager");
        String a = Api.newUser("progress-a");
        String b = Api.newUser("progress-b");
        long projectId = TeamFixtures.project(manager, a, b);
        long d1 = db.document(projectId, "d1", TEXT);
        long d2 = db.document(projectId, "d2", TEXT);
        as(manager).body(Map.of("documents", List.of(d1, d2), "annotators", List.of(a)))
                .post("/api/projects/" + projectId + "/assignments").then().statusCode(200);
        as(manager).body(Map.of("documents", List.of(d1), "annotators", List.of(b)))
                .post("/api/projects/" + projectId + "/assignments").then().statusCode(200);
        TeamFixtures.relation(a, d1, TeamFixtures.span(a, d1, 0, 5, "COUNTRY"), TeamFixtures.span(a, d1, 10, 16, "COUNTRY"),
                "ALLY_OF");
        TeamFixtures.done(a, d1);
        TeamFixtures.span(b, d1, 0, 5, "COUNTRY");
        as(manager).body(Map.of("start", 10, "end", 16, "label", "COUNTRY"))
                .post("/api/documents/" + d2 + "/layers/gold/spans").then().statusCode(201);

        String first = "annotators.find { it.annotator == " + quoted(a) + " }.";
        String second = "annotators.find { it.annotator == " + quoted(b) + " }.";
        String third = "annotators.find { it.annotator == " + quoted(manager) + " }.";
        as(manager).get("/api/projects/" + projectId + "/progress").then().statusCode(200)
                .body("annotators.annotator", contains(manager, a, b)) // sorted by username
                .body(first + "assigned", equalTo(2))
                .body(first + "done", equalTo(1))
                .body(first + "inProgress", equalTo(0))
                .body(first + "spans", equalTo(2))
                .body(first + "relations", equalTo(1))
                .body(first + "lastActivity", notNullValue())
                .body(second + "assigned", equalTo(1))
                .body(second + "inProgress", equalTo(1))
                .body(second + "spans", equalTo(1))
                .body(third + "role", equalTo("MANAGER"))
                .body(third + "lastActivity", nullValue())
                .body("labels.find { it.label == 'COUNTRY' }.gold", equalTo(1))
                .body("labels.find { it.label == 'COUNTRY' }.byAnnotator." + quoted(a), equalTo(2))
                .body("labels.find { it.label == 'COUNTRY' }.byAnnotator." + quoted(b), equalTo(1))
                .body("labels.find { it.label == 'ALLY_OF' }.kind", equalTo("relation"))
                .body("labels.find { it.label == 'ALLY_OF' }.byAnnotator." + quoted(a), equalTo(1))
                .body("labels.find { it.label == 'PERSON' }.gold", equalTo(0))
                .body("documents.externalId", contains("d1", "d2"))
                .body("documents[0].assigned", contains(a, b))
                .body("documents[0].done", contains(a))
                .body("documents[1].assigned", contains(a))
                .body("documents[1].done", empty());
    }

    @Test
    void annotatorsAndOutsidersDoNotSeeProgress() {
        String manager = Api.newUser("manager");
        String a = Api.newUser("progress-a");
        long projectId = TeamFixtures.project(manager, a);
        as(a).get("/api/projects/" + projectId + "/progress").then().statusCode(403);
        as(Api.newUser("outsider")).get("/api/projects/" + projectId + "/progress").then().statusCode(404);
    }

    private static String quoted(String name) {
        return "'" + name + "'";
    }
}
