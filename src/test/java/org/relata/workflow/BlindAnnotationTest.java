package org.relata.workflow;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.WorkspaceFixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Blind annotation (issue 10, item 2): annotators a and b each have one document of their own and share a third;
 * one more document is assigned to nobody. What b may not see answers 404 through the API and the pages, and
 * asking changes nothing.
 */
@QuarkusTest
class BlindAnnotationTest {

    static final String TEXT = "China and Russia.";

    @Inject
    Db db;

    String manager;
    String curator;
    String a;
    String b;
    long projectId;
    long onlyA;
    long onlyB;
    long shared;
    long nobodys;

    @BeforeEach
    void project() {
        manager = Api.newUser("blind-pm");
        curator = Api.newUser("blind-cur");
        a = Api.newUser("blind-a");
        b = Api.newUser("blind-b");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, curator, "CURATOR");
        Api.addMember(projectId, manager, a, "ANNOTATOR");
        Api.addMember(projectId, manager, b, "ANNOTATOR");
        onlyA = db.document(projectId, "1-only-a", TEXT);
        onlyB = db.document(projectId, "2-only-b", TEXT);
        shared = db.document(projectId, "3-shared", TEXT);
        nobodys = db.document(projectId, "4-nobodys", TEXT);
        Api.as(manager).body(Map.of("documents", new long[] {onlyA, shared}, "annotators", new String[] {a}))
                .post("/api/projects/" + projectId + "/assignments").then().statusCode(200);
        Api.as(manager).body(Map.of("documents", new long[] {onlyB, shared}, "annotators", new String[] {b}))
                .post("/api/projects/" + projectId + "/assignments").then().statusCode(200);
        WorkspaceFixtures.span(a, shared, 0, 5, "COUNTRY");
        WorkspaceFixtures.span(a, onlyA, 0, 5, "COUNTRY");
    }

    String layer(long doc, String owner) {
        return "/api/documents/" + doc + "/layers/" + owner;
    }

    long layerRows(long doc) {
        return db.count("select count(*) from annotation_layers where document_id = ?1", doc);
    }

    long spanRows(long doc) {
        return db.count("select count(*) from spans s join annotation_layers l on l.id = s.layer_id where l.document_id = ?1",
                doc);
    }

    @Test
    void projectsAreBlindByDefault() {
        Api.as(b).get("/api/projects/" + projectId).then().statusCode(200).body("blind", equalTo(true));
    }

    @Test
    void annotatorListsAndQueuesOnlyTheDocumentsAssignedToThem() {
        Api.as(b).get("/api/projects/" + projectId + "/documents").then().statusCode(200)
                .body("total", equalTo(2)).body("items.externalId", contains("2-only-b", "3-shared"))
                .body("items.layers.flatten()", org.hamcrest.Matchers.empty())
                .body("items[1].layers", equalTo(java.util.List.of()));
        Api.as(b).get("/api/projects/" + projectId + "/queue").then().statusCode(200)
                .body("total", equalTo(2)).body("done", equalTo(0)).body("next.id", equalTo((int) onlyB));
        Api.as(b).body(Map.of("status", "DONE")).put(layer(onlyB, "me") + "/status").then().statusCode(200);
        Api.as(b).get("/api/projects/" + projectId + "/queue?after=" + onlyB).then()
                .body("done", equalTo(1)).body("next.id", equalTo((int) shared));
        Api.as(b).get("/projects/" + projectId).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("3-shared"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("1-only-a")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("4-nobodys")))
                .body(org.hamcrest.Matchers.containsString("My progress: 1 of 2 documents done"));
    }

    @Test
    void annotatorAskingForAnotherAnnotatorsLayerGetsNotFoundAndNothingChanges() {
        long before = spanRows(shared);
        long version = ((Number) Api.as(a).get(layer(shared, "me")).then().extract().path("version")).longValue();
        Api.as(b).get(layer(shared, a)).then().statusCode(404).body("error", equalTo("No such layer."));
        Api.as(b).body(Map.of("start", 10, "end", 16, "label", "COUNTRY")).post(layer(shared, a) + "/spans")
                .then().statusCode(404);
        Api.as(b).body(Map.of("status", "DONE")).put(layer(shared, a) + "/status").then().statusCode(404);
        Api.as(b).get("/documents/" + shared + "/annotate?owner=" + a).then().statusCode(404);
        Api.as(b).get("/documents/" + shared + "/annotate").then().statusCode(200);
        assertEquals(before, spanRows(shared));
        Api.as(a).get(layer(shared, "me")).then().statusCode(200).body("version", equalTo((int) version))
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void annotatorAskingForADocumentNotAssignedToThemGetsNotFoundAndNothingChanges() {
        long layersBefore = layerRows(onlyA);
        long spansBefore = spanRows(onlyA);
        for (long doc : new long[] {onlyA, nobodys}) {
            Api.as(b).get("/api/documents/" + doc).then().statusCode(404).body("error", equalTo("No such document."));
            Api.as(b).get(layer(doc, "me")).then().statusCode(404);
            Api.as(b).get(layer(doc, a)).then().statusCode(404);
            Api.as(b).get(layer(doc, "suggestions")).then().statusCode(404);
            Api.as(b).body(Map.of("start", 0, "end", 5, "label", "COUNTRY")).post(layer(doc, "me") + "/spans")
                    .then().statusCode(404);
            Api.as(b).body(Map.of("status", "DONE")).put(layer(doc, "me") + "/status").then().statusCode(404);
            Api.as(b).get("/documents/" + doc + "/annotate").then().statusCode(404);
        }
        assertEquals(layersBefore, layerRows(onlyA));
        assertEquals(spansBefore, spanRows(onlyA));
        assertEquals(0, layerRows(nobodys));
    }

    @Test
    void curatorsAndManagersSeeEveryDocumentAndLayer() {
        for (String user : new String[] {curator, manager}) {
            Api.as(user).get("/api/projects/" + projectId + "/documents").then().statusCode(200)
                    .body("total", equalTo(4));
            Api.as(user).get(layer(onlyA, a)).then().statusCode(200).body("spans", org.hamcrest.Matchers.hasSize(1))
                    .body("editable", equalTo(false));
            Api.as(user).get("/api/documents/" + nobodys).then().statusCode(200);
            Api.as(user).get("/documents/" + onlyA + "/annotate?owner=" + a).then().statusCode(200);
        }
    }

    @Test
    void unassigningHidesTheDocumentAgain() {
        Api.as(b).get("/api/documents/" + onlyB).then().statusCode(200);
        Api.as(manager).delete("/api/projects/" + projectId + "/assignments/" + onlyB + "/" + b).then().statusCode(204);
        Api.as(b).get("/api/documents/" + onlyB).then().statusCode(404);
    }

    @Test
    void withBlindOffAnnotatorsReadEachOthersLayersButCannotChangeThem() {
        Api.as(manager).body(Map.of("blind", false)).patch("/api/projects/" + projectId).then().statusCode(200)
                .body("blind", equalTo(false));
        Api.as(b).get("/api/projects/" + projectId + "/documents").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.find { it.externalId == '3-shared' }.layers.owner", containsInAnyOrder(a));
        Api.as(b).get(layer(onlyA, a)).then().statusCode(200).body("editable", equalTo(false))
                .body("spans", org.hamcrest.Matchers.hasSize(1));
        Api.as(b).get("/documents/" + onlyA + "/annotate?owner=" + a).then().statusCode(200);
        long before = spanRows(onlyA);
        Api.as(b).body(Map.of("start", 10, "end", 16, "label", "COUNTRY")).post(layer(onlyA, a) + "/spans")
                .then().statusCode(403);
        Api.as(b).body(Map.of("status", "DONE")).put(layer(onlyA, a) + "/status").then().statusCode(403);
        assertEquals(before, spanRows(onlyA));
        Api.as(b).get(layer(onlyA, "gold")).then().statusCode(404);
        Api.as(b).get("/api/projects/" + projectId + "/queue").then().body("total", equalTo(4));
    }

    @Test
    void onlyManagersChangeTheBlindSetting() {
        Api.as(a).body(Map.of("blind", false)).patch("/api/projects/" + projectId).then().statusCode(403);
        Api.as(curator).body(Map.of("blind", false)).patch("/api/projects/" + projectId).then().statusCode(403);
        Api.as(manager).get("/api/projects/" + projectId).then().body("blind", equalTo(true));
        Api.as(b).get(layer(shared, a)).then().statusCode(404);
    }

    @Test
    void aProjectMayBeCreatedWithBlindOff() {
        long open = ((Number) Api.as(manager).body(Map.of("name", Api.uniqueName("Open"), "blind", false))
                .post("/api/projects").then().statusCode(201).body("blind", equalTo(false)).extract().path("id"))
                .longValue();
        Api.as(manager).get("/api/projects/" + open).then().body("blind", equalTo(false));
    }
}
