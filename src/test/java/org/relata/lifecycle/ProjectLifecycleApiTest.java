package org.relata.lifecycle;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.as;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;

import io.quarkus.test.junit.QuarkusTest;

/** PUT /api/projects/{id}/state (retired = read-only) and DELETE /api/projects/{id}?confirm=. */
@QuarkusTest
class ProjectLifecycleApiTest {

    static final String TEXT = "China and Russia.";

    @Inject
    Db db;

    String manager;
    String annotator;
    String outsider;
    long projectId;
    String name;
    long docId;

    @BeforeEach
    void project() {
        manager = Api.newUser("manager");
        annotator = Api.newUser("annotator");
        outsider = Api.newUser("outsider");
        projectId = Api.newProject(manager);
        name = as(manager).get("/api/projects/" + projectId).then().extract().path("name");
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        docId = db.document(projectId, "d1", TEXT);
        Api.assignAll(projectId, manager, annotator);
    }

    long span(String user, long document) {
        return ((Number) as(user).body(Map.of("start", 0, "end", 5, "label", "COUNTRY"))
                .post("/api/documents/" + document + "/layers/me/spans").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    void state(String user, String state, int status) {
        as(user).body(Map.of("state", state)).put("/api/projects/" + projectId + "/state").then().statusCode(status);
    }

    @Test
    void onlyAManagerRetiresAProjectAndTheListShowsItsState() {
        state(annotator, "RETIRED", 403);
        state(outsider, "RETIRED", 404);
        as(manager).body(Map.of("state", "ASLEEP")).put("/api/projects/" + projectId + "/state")
                .then().statusCode(400).body("field", equalTo("$.state"));
        as(manager).get("/api/projects").then().statusCode(200)
                .body("find { it.id == " + projectId + " }.state", equalTo("ACTIVE"));
        state(manager, "RETIRED", 200);
        as(annotator).get("/api/projects").then().statusCode(200)
                .body("find { it.id == " + projectId + " }.state", equalTo("RETIRED"));
        as(annotator).get("/api/projects/" + projectId).then().statusCode(200).body("state", equalTo("RETIRED"));
        Api.asAdmin().get("/api/projects").then().body("id", hasItem((int) projectId));
        assertEquals(1, db.count("select count(*) from audit_events where project_id = ?1 and action = 'set-state'",
                projectId));
    }

    @Test
    void aRetiredProjectIsReadOnlyForEveryoneUntilActiveAgain() {
        long spanId = span(annotator, docId);
        state(manager, "RETIRED", 200);

        as(annotator).body(Map.of("start", 6, "end", 9, "label", "COUNTRY"))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(409)
                .body("error", containsString("retired")).body("field", equalTo(null));
        as(annotator).delete("/api/documents/" + docId + "/layers/me/spans/" + spanId).then().statusCode(409);
        as(manager).body(Api.geoSchema()).put("/api/projects/" + projectId + "/schema").then().statusCode(409);
        as(manager).body(Map.of("description", "changed")).patch("/api/projects/" + projectId).then().statusCode(409);
        as(manager).body(Map.of("role", "CURATOR")).put("/api/projects/" + projectId + "/members/" + annotator)
                .then().statusCode(409);
        Exchange.importJsonl(manager, projectId, "", "{\"id\": \"d2\", \"text\": \"New.\"}\n").then().statusCode(409);
        as(manager).delete("/api/documents/" + docId).then().statusCode(409);
        Api.asAdmin().delete("/api/documents/" + docId).then().statusCode(409);
        // Who may not see the project learns nothing: 404 as before.
        as(outsider).body(Map.of("start", 6, "end", 9, "label", "COUNTRY"))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(404);

        // Reads and exports work.
        as(annotator).get("/api/documents/" + docId + "/layers/me").then().statusCode(200);
        Exchange.export(manager, projectId, "format=jsonl&source=all&status=any").then().statusCode(200);

        state(manager, "ACTIVE", 200);
        span(annotator, docId);
    }

    @Test
    void deletingNeedsTheExactNameAndTheRightRole() {
        as(manager).delete("/api/projects/" + projectId).then().statusCode(400).body("field", equalTo("confirm"));
        as(manager).queryParam("confirm", name.toUpperCase()).delete("/api/projects/" + projectId)
                .then().statusCode(400).body("field", equalTo("confirm"));
        as(annotator).queryParam("confirm", name).delete("/api/projects/" + projectId).then().statusCode(403);
        as(outsider).queryParam("confirm", name).delete("/api/projects/" + projectId).then().statusCode(404);
        as(manager).get("/api/projects/" + projectId).then().statusCode(200);

        // An admin who is no member may delete it, retired or not.
        state(manager, "RETIRED", 200);
        Api.asAdmin().queryParam("confirm", name).delete("/api/projects/" + projectId).then().statusCode(204);
        as(manager).get("/api/projects/" + projectId).then().statusCode(404);
        as(manager).get("/api/documents/" + docId).then().statusCode(404);
    }

    @Test
    void deletingAProjectRemovesEveryRowOfItButTheDeletionRecord() {
        // Something in every table: members, schema with pairs and attributes, documents (one in the trash),
        // layers with spans and relations, assignments, audit events.
        long other = db.document(projectId, "d2", TEXT);
        long head = span(annotator, docId);
        long tail = ((Number) as(annotator).body(Map.of("start", 10, "end", 16, "label", "COUNTRY"))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201)
                .extract().path("id")).longValue();
        as(annotator).body(Map.of("head", head, "tail", tail, "label", "ALLY_OF"))
                .post("/api/documents/" + docId + "/layers/me/relations").then().statusCode(201);
        as(manager).body(Map.of("start", 0, "end", 5, "label", "COUNTRY"))
                .post("/api/documents/" + other + "/layers/gold/spans").then().statusCode(201);
        as(manager).body(Map.of("documents", List.of(docId, other), "annotators", List.of(annotator)))
                .post("/api/projects/" + projectId + "/assignments").then().statusCode(200);
        as(manager).delete("/api/documents/" + other).then().statusCode(204);

        String documents = ids("select id from all_documents where project_id = ?1", projectId);
        String layers = ids("select id from annotation_layers where document_id in (" + documents + ")");
        assertTrue(db.count("select count(*) from spans where layer_id in (" + layers + ")") >= 3);
        assertTrue(db.count("select count(*) from relations where layer_id in (" + layers + ")") == 1);

        as(manager).queryParam("confirm", name).delete("/api/projects/" + projectId).then().statusCode(204);

        // Every table of the schema that names a project, a document or a layer: nothing of this project is left.
        List<Object> tables = db.column("""
                select c.table_name || '.' || c.column_name from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                   and c.column_name in ('project_id', 'document_id', 'layer_id')
                 order by 1""");
        assertTrue(tables.containsAll(List.of("project_members.project_id", "all_documents.project_id",
                "annotation_layers.document_id", "spans.layer_id", "relations.layer_id", "assignments.project_id",
                "audit_events.project_id", "entity_types.project_id", "project_deletions.project_id")), tables.toString());
        for (Object entry : tables) {
            String[] parts = ((String) entry).split("\\.");
            String in = switch (parts[1]) {
                case "project_id" -> String.valueOf(projectId);
                case "document_id" -> documents;
                default -> layers;
            };
            long left = db.count("select count(*) from " + parts[0] + " where " + parts[1] + " in (" + in + ")");
            assertEquals(parts[0].equals("project_deletions") ? 1 : 0, left, "rows left in " + entry);
        }
        assertEquals(0, db.count("select count(*) from projects where id = ?1", projectId));
        assertEquals(1, db.count("""
                select count(*) from project_deletions d join users u on u.id = d.user_id
                 where d.project_id = ?1 and d.project_name = ?2 and u.username = ?3
                   and (d.counts ->> 'documents')::int = 2""", projectId, name, manager));
    }

    String ids(String sql, Object... params) {
        List<Object> ids = db.column(sql, params);
        return ids.isEmpty() ? "-1" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
