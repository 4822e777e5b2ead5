package org.relata.workflow;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.as;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AssignmentApiTest {

    @Inject
    Db db;

    String manager;
    String a;
    String b;
    String c;
    long projectId;

    @BeforeEach
    void project() {
        manager = Api.newUser("manager");
        a = Api.newUser("assign-a");
        b = Api.newUser("assign-b");
        c = Api.newUser("assign-c");
        projectId = TeamFixtures.project(manager, a, b, c);
    }

    String assignments() {
        return "/api/projects/" + projectId + "/assignments";
    }

    int assign(long project, Map<String, Object> request) {
        return as(manager).body(request).post("/api/projects/" + project + "/assignments")
                .then().statusCode(200).extract().path("created");
    }

    @Test
    void manualAssignmentGivesEveryListedAnnotatorEveryDocument() {
        long d1 = db.document(projectId, "d1", "One.");
        long d2 = db.document(projectId, "d2", "Two.");
        assertEquals(4, assign(projectId, Map.of("documents", List.of(d1, d2), "annotators", List.of(a, b))));
        assertEquals(0, assign(projectId, Map.of("documents", List.of(d1, d2), "annotators", List.of(a, b))));
        as(manager).get(assignments() + "?annotator=" + a).then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].document", equalTo((int) d1))
                .body("[0].externalId", equalTo("d1"))
                .body("[0].annotator", equalTo(a))
                .body("[0].status", equalTo("NEW"));
    }

    /** 10 documents, 2 each among 3 annotators: 20 assignments, loads 7, 7 and 6, never twice the same annotator. */
    @Test
    void automaticAssignmentIsBalancedByLoad() {
        db.documents(projectId, 10);
        assertEquals(20, assign(projectId, Map.of("documents", "all", "annotators", List.of(a, b, c),
                "perDocument", 2, "seed", 7)));
        Map<String, Integer> load = new HashMap<>();
        Map<Integer, List<String>> byDocument = new HashMap<>();
        for (Map<String, Object> row : rows(projectId)) {
            load.merge((String) row.get("annotator"), 1, Integer::sum);
            byDocument.computeIfAbsent((Integer) row.get("document"), k -> new ArrayList<>()).add((String) row.get("annotator"));
        }
        assertEquals(List.of(6, 7, 7), load.values().stream().sorted().toList());
        assertEquals(10, byDocument.size());
        byDocument.values().forEach(names -> assertEquals(2, names.stream().distinct().count()));
    }

    /** Two projects in the same state and the same seed: the same documents (by position) go to the same annotators. */
    @Test
    void theSameSeedGivesTheSameAssignment() {
        long other = TeamFixtures.project(manager, a, b, c);
        db.documents(projectId, 12);
        db.documents(other, 12);
        Map<String, Object> request = Map.of("documents", "all", "annotators", List.of(a, b, c), "perDocument", 1,
                "seed", 42);
        assign(projectId, request);
        assign(other, request);
        assertEquals(pattern(projectId), pattern(other));
    }

    @Test
    void unassignedTakesOnlyDocumentsNobodyHas() {
        long d1 = db.document(projectId, "d1", "One.");
        db.document(projectId, "d2", "Two.");
        db.document(projectId, "d3", "Three.");
        assign(projectId, Map.of("documents", List.of(d1), "annotators", List.of(a)));
        assertEquals(2, assign(projectId, Map.of("documents", "unassigned", "annotators", List.of(b, c),
                "perDocument", 1, "seed", 1)));
        as(manager).get(assignments() + "?annotator=" + a).then().body("", hasSize(1));
    }

    @Test
    void unassigningKeepsTheLayerUnlessDiscarded() {
        long docId = db.document(projectId, "d1", TeamFixtures.TEXT);
        assign(projectId, Map.of("documents", List.of(docId), "annotators", List.of(a, b)));
        TeamFixtures.span(a, docId, 0, 5, "COUNTRY");
        TeamFixtures.span(b, docId, 0, 5, "COUNTRY");
        as(manager).delete(assignments() + "/" + docId + "/" + a).then().statusCode(204);
        as(manager).get("/api/documents/" + docId + "/layers/" + a).then().statusCode(200).body("spans", hasSize(1));
        as(manager).delete(assignments() + "/" + docId + "/" + b + "?discard=true").then().statusCode(204);
        as(manager).get("/api/documents/" + docId + "/layers/" + b).then().statusCode(200).body("spans", hasSize(0));
        as(manager).get(assignments()).then().body("", hasSize(0));
        as(manager).delete(assignments() + "/" + docId + "/" + a).then().statusCode(404);
        assertEquals(1, db.count("select count(*) from audit_events where project_id = ?1 and action = 'unassign'",
                projectId));
        assertEquals(1, db.count(
                "select count(*) from audit_events where project_id = ?1 and action = 'unassign-discard'", projectId));
    }

    @Test
    void badRequestsNameTheField() {
        long docId = db.document(projectId, "d1", "One.");
        long foreignProject = Api.newProject(manager);
        long foreignDoc = db.document(foreignProject, "x", "Elsewhere.");
        String stranger = Api.newUser("stranger");
        as(manager).body(Map.of("documents", List.of(docId), "annotators", List.of(a, stranger)))
                .post(assignments()).then().statusCode(400).body("field", equalTo("annotators[1]"));
        as(manager).body(Map.of("documents", List.of(foreignDoc), "annotators", List.of(a)))
                .post(assignments()).then().statusCode(400).body("field", equalTo("documents[0]"));
        as(manager).body(Map.of("documents", "all", "annotators", List.of(a), "perDocument", 2))
                .post(assignments()).then().statusCode(400).body("field", equalTo("perDocument"));
        assertEquals(0, db.count("select count(*) from assignments where project_id = ?1", projectId));
    }

    @Test
    void onlyManagersAssignAndAnnotatorsSeeOnlyTheirOwn() {
        long docId = db.document(projectId, "d1", "One.");
        assign(projectId, Map.of("documents", List.of(docId), "annotators", List.of(a, b)));
        as(a).body(Map.of("documents", "all", "annotators", List.of(a))).post(assignments()).then().statusCode(403);
        as(a).delete(assignments() + "/" + docId + "/" + b).then().statusCode(403);
        as(a).get(assignments() + "?annotator=" + b).then().statusCode(200)
                .body("", hasSize(1)).body("[0].annotator", equalTo(a));
        as(Api.newUser("outsider")).get(assignments()).then().statusCode(404);
    }

    private List<Map<String, Object>> rows(long project) {
        return as(manager).get("/api/projects/" + project + "/assignments").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    /** Document position → annotator, with documents numbered in id order. */
    private List<String> pattern(long project) {
        List<Map<String, Object>> rows = rows(project);
        List<Integer> ids = rows.stream().map(r -> (Integer) r.get("document")).distinct().sorted().toList();
        List<String> pattern = new ArrayList<>();
        rows.forEach(r -> pattern.add(ids.indexOf((Integer) r.get("document")) + ":" + r.get("annotator")));
        assertTrue(pattern.size() == 12, pattern.toString());
        return pattern;
    }
}
