package org.relata.lifecycle;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.as;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** POST /api/projects/{id}/copy, and a schema from another project uploaded with its ids. */
@QuarkusTest
class ProjectCopyApiTest {

    @Inject
    Db db;

    String manager;
    String annotator;
    String outsider;
    long projectId;
    long docId;

    @BeforeEach
    void project() {
        manager = Api.newUser("manager");
        annotator = Api.newUser("annotator");
        outsider = Api.newUser("outsider");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        as(manager).body(Map.of("guidelines", "# Label countries\nOnly sovereign states.", "description", "geo"))
                .patch("/api/projects/" + projectId).then().statusCode(200);
        docId = db.document(projectId, "d1", "China and Russia.");
        db.document(projectId, "d2", "Kim 🇰🇵 met Xi.\r\nThen left.");
        long trashed = db.document(projectId, "d3", "Gone.");
        as(manager).body(Map.of("start", 0, "end", 5, "label", "COUNTRY"))
                .post("/api/documents/" + docId + "/layers/gold/spans").then().statusCode(201);
        as(manager).delete("/api/documents/" + trashed).then().statusCode(204);
    }

    Response copy(String user, String name, boolean documents) {
        return as(user).body(Map.of("name", name, "documents", documents)).post("/api/projects/" + projectId + "/copy");
    }

    @Test
    void aCopyHasTheSchemaGuidelinesAndSettingsButNoDocumentsOrMembers() {
        String name = Api.uniqueName("Copy");
        Response created = copy(manager, name, false);
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/projects/"
                + created.path("id"))).body("name", equalTo(name)).body("role", equalTo("MANAGER"))
                .body("state", equalTo("ACTIVE"));
        long copyId = ((Number) created.path("id")).longValue();

        Map<String, Object> original = as(manager).get("/api/projects/" + projectId + "/schema").then().extract().path("");
        as(manager).get("/api/projects/" + copyId).then().statusCode(200)
                .body("guidelines", equalTo("# Label countries\nOnly sovereign states."))
                .body("description", equalTo("geo"));
        as(manager).get("/api/projects/" + copyId + "/schema").then().statusCode(200)
                .body("entityTypes.name", contains("COUNTRY", "PERSON", "ORGANIZATION"))
                .body("entityTypes.hotkey", contains("c", "p", "o"))
                .body("entityTypes.color", equalTo(((List<Map<String, Object>>) original.get("entityTypes")).stream()
                        .map(t -> t.get("color")).toList()))
                .body("relationTypes.name", contains("ALLY_OF", "LEADER_OF"))
                .body("relationTypes[1].allowed[0].head", equalTo("PERSON"))
                .body("attributes.name", containsInAnyOrder("Negated", "Certainty"))
                .body("entityTypes[0].id", not(equalTo(((List<Map<String, Object>>) original.get("entityTypes")).get(0).get("id"))));
        as(manager).get("/api/projects/" + copyId + "/documents").then().body("total", equalTo(0));
        as(manager).get("/api/projects/" + copyId + "/members").then().body("username", contains(manager));
        as(annotator).get("/api/projects/" + copyId).then().statusCode(404);
    }

    @Test
    void withDocumentsTheTextsComeWithoutAnnotationsAndWithoutTheTrash() {
        long copyId = ((Number) copy(manager, Api.uniqueName("Copy"), true).then().statusCode(201)
                .extract().path("id")).longValue();
        as(manager).get("/api/projects/" + copyId + "/documents").then().statusCode(200)
                .body("total", equalTo(2)).body("items.externalId", contains("d1", "d2"))
                .body("items[0].layers", equalTo(List.of()));
        assertEquals(1, db.count("select count(*) from documents where project_id = ?1 and text = ?2", copyId,
                "Kim 🇰🇵 met Xi.\r\nThen left."));
        assertEquals(0, db.count("select count(*) from annotation_layers l join all_documents d on d.id = l.document_id"
                + " where d.project_id = ?1", copyId));
    }

    @Test
    void onlyManagersCopyAndTheNameMustBeFree() {
        copy(annotator, Api.uniqueName("Copy"), false).then().statusCode(403);
        copy(outsider, Api.uniqueName("Copy"), false).then().statusCode(404);
        String taken = as(manager).get("/api/projects/" + projectId).then().extract().path("name");
        copy(manager, taken, false).then().statusCode(409).body("field", equalTo("$.name"));
        copy(manager, " ", false).then().statusCode(400).body("field", equalTo("$.name"));
    }

    @Test
    void aSchemaWithAnotherProjectsTypeIdsIsTakenByName() {
        Map<String, Object> downloaded = as(manager).get("/api/projects/" + projectId + "/schema").then().statusCode(200)
                .extract().path("");
        String other = Api.newUser("other");
        long otherId = ((Number) as(other).body(Map.of("name", Api.uniqueName("Other"),
                "schema", Map.of("entityTypes", List.of(Map.of("name", "COUNTRY", "color", "#000000")))))
                .post("/api/projects").then().statusCode(201).extract().path("id")).longValue();

        as(other).body(downloaded).put("/api/projects/" + otherId + "/schema").then().statusCode(200)
                .body("entityTypes.name", contains("COUNTRY", "PERSON", "ORGANIZATION"))
                .body("entityTypes[0].color", equalTo("#1f77b4"));
        // COUNTRY kept its own id in the other project: matched by name, not replaced.
        assertEquals(1, db.count("select count(*) from entity_types where project_id = ?1 and name = 'COUNTRY'", otherId));
    }
}
