package org.relata.document;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;
import org.relata.testsupport.Exchange;

import io.quarkus.test.junit.QuarkusTest;

/** DELETE /api/documents/{id} and the project's trash: list, restore, purge, the purge job. */
@QuarkusTest
class TrashApiTest {

    static final String TEXT = "China and Russia.";

    @Inject
    Db db;

    @Inject
    Trash trash;

    String manager;
    String a;
    String b;
    String curator;
    String outsider;
    long projectId;
    long d1;
    long d2;

    @BeforeEach
    void project() {
        manager = Api.newUser("manager");
        a = Api.newUser("trash-a");
        b = Api.newUser("trash-b");
        curator = Api.newUser("curator");
        outsider = Api.newUser("outsider");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, a, "ANNOTATOR");
        Api.addMember(projectId, manager, b, "ANNOTATOR");
        Api.addMember(projectId, manager, curator, "CURATOR");
        d1 = db.document(projectId, "d1", TEXT);
        d2 = db.document(projectId, "d2", TEXT);
        Api.assignAll(projectId, manager, a, b);
        for (String annotator : List.of(a, b)) {
            span(annotator, d1, 0, 5, "COUNTRY");
            done(annotator, d1);
        }
    }

    static void span(String user, long docId, int start, int end, String label) {
        as(user).body(Map.of("start", start, "end", end, "label", label))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201);
    }

    static void done(String user, long docId) {
        as(user).body(Map.of("status", "DONE")).put("/api/documents/" + docId + "/layers/me/status")
                .then().statusCode(200);
    }

    void trashD1() {
        as(manager).delete("/api/documents/" + d1).then().statusCode(204);
    }

    @Test
    void onlyAManagerDeletesADocument() {
        as(a).delete("/api/documents/" + d1).then().statusCode(403).body("error", containsString("MANAGER"));
        as(curator).delete("/api/documents/" + d1).then().statusCode(403);
        as(outsider).delete("/api/documents/" + d1).then().statusCode(404);
        as(a).get("/api/documents/" + d1).then().statusCode(200);
        trashD1();
        as(manager).delete("/api/documents/" + d1).then().statusCode(404);
    }

    @Test
    void aTrashedDocumentAnswers404EverywhereElse() {
        as(curator).get("/api/projects/" + projectId + "/agreement").then().statusCode(200).body("documents", equalTo(1));
        trashD1();

        as(manager).get("/api/documents/" + d1).then().statusCode(404);
        as(a).get("/api/documents/" + d1).then().statusCode(404);
        as(a).get("/api/documents/" + d1 + "/layers/me").then().statusCode(404);
        as(manager).get("/api/documents/" + d1 + "/layers/" + a).then().statusCode(404);
        as(a).body(Map.of("start", 6, "end", 9, "label", "COUNTRY"))
                .post("/api/documents/" + d1 + "/layers/me/spans").then().statusCode(404);
        as(manager).get("/documents/" + d1 + "/annotate").then().statusCode(404);

        as(manager).get("/api/projects/" + projectId + "/documents").then().statusCode(200)
                .body("total", equalTo(1)).body("items.externalId", contains("d2"));
        as(a).get("/api/projects/" + projectId + "/queue").then().statusCode(200)
                .body("total", equalTo(1)).body("next.externalId", equalTo("d2"));
        String export = Exchange.export(manager, projectId, "format=jsonl&source=all&status=any")
                .then().statusCode(200).extract().asString();
        assertEquals(false, export.contains("\"d1\""), export);
        as(curator).get("/api/projects/" + projectId + "/agreement").then().statusCode(200).body("documents", equalTo(0));
        as(manager).get("/api/projects/" + projectId + "/progress").then().statusCode(200)
                .body("documents.externalId", contains("d2"));
    }

    @Test
    void theTrashListsWhatWasDeletedWhenAndByWhomForManagersOnly() {
        trashD1();
        as(manager).get("/api/projects/" + projectId + "/trash").then().statusCode(200)
                .body("externalId", contains("d1"))
                .body("[0].id", equalTo((int) d1))
                .body("[0].trashedBy", equalTo(manager))
                .body("[0].trashedAt", not(equalTo(null)))
                .body("[0].purgedAfter", not(equalTo(null)));
        as(a).get("/api/projects/" + projectId + "/trash").then().statusCode(403);
        as(curator).get("/api/projects/" + projectId + "/trash").then().statusCode(403);
        as(outsider).get("/api/projects/" + projectId + "/trash").then().statusCode(404);
    }

    @Test
    void restoringBringsTheDocumentBackWithAllItsLayers() {
        trashD1();
        as(a).post("/api/projects/" + projectId + "/trash/" + d1 + "/restore").then().statusCode(403);
        as(outsider).post("/api/projects/" + projectId + "/trash/" + d1 + "/restore").then().statusCode(404);
        as(manager).post("/api/projects/" + projectId + "/trash/" + d2 + "/restore").then().statusCode(404);
        as(manager).post("/api/projects/" + projectId + "/trash/" + d1 + "/restore").then().statusCode(200)
                .body("externalId", equalTo("d1"));

        as(a).get("/api/documents/" + d1 + "/layers/me").then().statusCode(200)
                .body("status", equalTo("DONE")).body("spans.label", contains("COUNTRY"));
        as(manager).get("/api/documents/" + d1 + "/layers/" + b).then().statusCode(200).body("spans", hasSize(1));
        as(manager).get("/api/projects/" + projectId + "/trash").then().statusCode(200).body("$", empty());
        as(curator).get("/api/projects/" + projectId + "/agreement").then().statusCode(200).body("documents", equalTo(1));
    }

    @Test
    void aTrashedExternalIdStaysTakenUntilPurged() {
        trashD1();
        String line = "{\"id\": \"d1\", \"text\": \"Again.\"}\n";
        Exchange.importJsonl(manager, projectId, "", line).then().statusCode(409)
                .body("error", containsString("trash"));

        as(a).delete("/api/projects/" + projectId + "/trash/" + d1).then().statusCode(403);
        as(outsider).delete("/api/projects/" + projectId + "/trash/" + d1).then().statusCode(404);
        as(manager).delete("/api/projects/" + projectId + "/trash/" + d2).then().statusCode(404);
        as(manager).delete("/api/projects/" + projectId + "/trash/" + d1).then().statusCode(204);
        assertEquals(0, db.count("select count(*) from all_documents where id = ?1", d1));
        assertEquals(0, db.count("select count(*) from annotation_layers where document_id = ?1", d1));

        Exchange.importJsonl(manager, projectId, "", line).then().statusCode(200).body("documents", equalTo(1));
        as(manager).post("/api/projects/" + projectId + "/trash/" + d1 + "/restore").then().statusCode(404);
    }

    @Test
    void theJobPurgesOnlyWhatIsOlderThanTheRetention() {
        trashD1();
        Instant now = Instant.now();
        trash.purgeExpired(now.plus(trash.retentionDays() - 1, ChronoUnit.DAYS));
        assertEquals(1, db.count("select count(*) from all_documents where id = ?1", d1));

        trash.purgeExpired(now.plus(trash.retentionDays() + 1, ChronoUnit.DAYS));
        assertEquals(0, db.count("select count(*) from all_documents where id = ?1", d1));
        assertEquals(1, db.count("select count(*) from documents where id = ?1", d2));
        assertEquals(1, db.count("select count(*) from audit_events where project_id = ?1 and action = 'purge'"
                + " and entity_id = ?2 and user_id is null", projectId, d1));
    }

    @Test
    void trashingRestoringAndPurgingAreAudited() {
        trashD1();
        as(manager).post("/api/projects/" + projectId + "/trash/" + d1 + "/restore").then().statusCode(200);
        trashD1();
        as(manager).delete("/api/projects/" + projectId + "/trash/" + d1).then().statusCode(204);
        assertEquals(List.of("trash", "restore", "trash", "purge"), db.column("""
                select e.action from audit_events e join users u on u.id = e.user_id
                 where e.project_id = ?1 and e.entity = 'document' and e.entity_id = ?2 and u.username = ?3
                 order by e.id""", projectId, d1, manager));
    }
}
