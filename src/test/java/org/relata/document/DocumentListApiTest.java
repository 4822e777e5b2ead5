package org.relata.document;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The managers' document list: sort by name, length, status and last change of a chosen layer; filter by status and
 * annotator; keyset pages through after=; bulk mark done / reopen of one layer.
 */
@QuarkusTest
class DocumentListApiTest {

    @Inject
    Db db;

    String manager;
    String alice;
    String bob;
    long projectId;
    long beta;
    long alpha;
    long gamma;
    long delta;

    @BeforeEach
    void project() {
        manager = Api.newUser("list-manager");
        alice = Api.newUser("list-alice");
        bob = Api.newUser("list-bob");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, alice, "ANNOTATOR");
        Api.addMember(projectId, manager, bob, "ANNOTATOR");
        // Created out of name order, with lengths in yet another order.
        beta = db.document(projectId, "beta", "Russia and China 🇨🇳.");
        alpha = db.document(projectId, "alpha", "Moscow.");
        gamma = db.document(projectId, "gamma", "North Korea’s envoy met the Chinese foreign minister.");
        delta = db.document(projectId, "delta", "Pyongyang and Beijing.");
        as(manager).body(Map.of("documents", List.of(alpha, beta, gamma), "annotators", List.of(alice)))
                .post("/api/projects/" + projectId + "/assignments").then().statusCode(200);
        as(manager).body(Map.of("documents", List.of(delta), "annotators", List.of(bob)))
                .post("/api/projects/" + projectId + "/assignments").then().statusCode(200);
        // alice: gamma done, then beta in progress (changed last), alpha untouched.
        setStatus(gamma, alice, "DONE");
        as(alice).body(Map.of("start", 0, "end", 6, "label", "COUNTRY"))
                .post("/api/documents/" + beta + "/layers/me/spans").then().statusCode(201);
    }

    @Test
    void sortsByEveryColumnBothWays() {
        assertEquals(List.of("alpha", "beta", "delta", "gamma"), names("sort=name"));
        assertEquals(List.of("gamma", "delta", "beta", "alpha"), names("sort=-name"));
        assertEquals(List.of("alpha", "beta", "delta", "gamma"), names("sort=length"));
        assertEquals(List.of("gamma", "delta", "beta", "alpha"), names("sort=-length"));
        assertEquals(List.of(beta, alpha, gamma, delta), ids("size=50"), "the contract's order stays: by id");
        // Status and last change read alice's layer: new first, then in progress, then done.
        assertEquals(List.of("alpha", "delta", "beta", "gamma"), names("sort=status&owner=" + alice));
        // Ties (never changed) go by id, in the same direction.
        assertEquals(List.of("beta", "gamma", "delta", "alpha"), names("sort=-changed&owner=" + alice));
        JsonPath page = list("sort=name&owner=" + alice);
        assertEquals(List.of("NEW", "IN_PROGRESS", "NEW", "DONE"), page.getList("items.status"));
        assertEquals(4, page.getInt("total"));
    }

    @Test
    void filtersByStatusAndAnnotator() {
        assertEquals(List.of("gamma"), names("sort=name&owner=" + alice + "&status=DONE"));
        assertEquals(List.of("alpha", "delta"), names("sort=name&owner=" + alice + "&status=new"));
        assertEquals(List.of("delta"), names("sort=name&annotator=" + bob));
        JsonPath filtered = list("sort=name&annotator=" + alice + "&owner=" + alice + "&status=IN_PROGRESS");
        assertEquals(List.of("beta"), filtered.getList("items.externalId"));
        assertEquals(1, filtered.getInt("total"), "total counts the matching documents, not the project's");
    }

    @Test
    void keysetPagesReadTheWholeListOnceInEveryOrder() {
        for (String sort : List.of("id", "name", "-name", "length", "-length", "status", "-status", "changed",
                "-changed")) {
            List<String> expected = names("size=100&owner=" + alice + "&sort=" + sort);
            List<String> seen = new ArrayList<>();
            String after = null;
            do {
                JsonPath page = list("size=1&owner=" + alice + "&sort=" + sort + (after == null ? "" : "&after=" + after));
                seen.addAll(page.getList("items.externalId"));
                assertEquals(4, page.getInt("total"));
                after = page.getString("next");
            } while (after != null);
            assertEquals(expected, seen, "sort=" + sort);
        }
    }

    @Test
    void refusesWhatItCannotRead() {
        as(manager).get("/api/projects/" + projectId + "/documents?sort=colour").then().statusCode(400)
                .body("field", equalTo("sort"));
        as(manager).get("/api/projects/" + projectId + "/documents?status=FINISHED").then().statusCode(400)
                .body("field", equalTo("status"));
        as(manager).get("/api/projects/" + projectId + "/documents?after=not-a-cursor").then().statusCode(400)
                .body("field", equalTo("after"));
        String byName = list("size=1&sort=name").getString("next");
        as(manager).get("/api/projects/" + projectId + "/documents?sort=length&after=" + byName).then()
                .statusCode(400).body("field", equalTo("after"));
        as(alice).get("/api/projects/" + projectId + "/documents?annotator=" + bob).then().statusCode(403);
        as(alice).get("/api/projects/" + projectId + "/documents?owner=" + bob).then().statusCode(403);
        // A blind annotator's list is still only their documents, whatever they sort by.
        as(alice).get("/api/projects/" + projectId + "/documents?sort=-length").then().statusCode(200)
                .body("items.externalId", contains("gamma", "beta", "alpha")).body("total", equalTo(3));
    }

    @Test
    void managerMarksOneLayerDoneAndReopensItInBulk() {
        long aliceVersion = Long.parseLong(as(alice).get("/api/documents/" + beta + "/layers/me").then()
                .extract().header("ETag").replace("\"", ""));
        as(manager).body(Map.of("documents", List.of(alpha, beta), "owner", alice, "status", "DONE"))
                .post("/api/projects/" + projectId + "/documents/status").then().statusCode(200)
                .body("changed", equalTo(2));
        assertEquals(List.of("alpha", "beta", "gamma"), names("sort=name&owner=" + alice + "&status=DONE"));
        // alice's open page still holds the old version: her next write is told, not applied over the change.
        as(alice).header("If-Match", "\"" + aliceVersion + "\"").body(Map.of("start", 11, "end", 16, "label", "COUNTRY"))
                .post("/api/documents/" + beta + "/layers/me/spans").then().statusCode(412);

        // Reopen every document whose alice layer is done: all three, and nothing of bob's.
        as(manager).body(Map.of("documents", "all", "owner", alice, "status", "IN_PROGRESS",
                "filter", Map.of("status", "DONE")))
                .post("/api/projects/" + projectId + "/documents/status").then().statusCode(200)
                .body("changed", equalTo(3));
        assertEquals(List.of("alpha", "beta", "gamma"), names("sort=name&owner=" + alice + "&status=IN_PROGRESS"));
        assertEquals(3, db.count("select count(*) from audit_events where project_id = ?1 and action = 'status'"
                + " and change->'status'->>0 = 'DONE' and change->'status'->>1 = 'IN_PROGRESS'", projectId));
    }

    @Test
    void bulkStatusIsAllOrNothingAndForManagersOnly() {
        long otherProject = Api.newProject(manager);
        long foreign = db.document(otherProject, "foreign", "Seoul.");
        as(manager).body(Map.of("documents", List.of(alpha, foreign), "owner", alice, "status", "DONE"))
                .post("/api/projects/" + projectId + "/documents/status").then().statusCode(400)
                .body("field", equalTo("documents"));
        assertEquals(List.of("gamma"), names("sort=name&owner=" + alice + "&status=DONE"), "nothing changed");
        as(manager).body(Map.of("documents", List.of(alpha), "owner", alice, "status", "NEW"))
                .post("/api/projects/" + projectId + "/documents/status").then().statusCode(400)
                .body("field", equalTo("status"));
        as(alice).body(Map.of("documents", List.of(alpha), "owner", "me", "status", "DONE"))
                .post("/api/projects/" + projectId + "/documents/status").then().statusCode(403);
        assertEquals(null, list("sort=name&owner=" + alice + "&status=DONE&size=1").getString("next"));
    }

    private void setStatus(long document, String user, String status) {
        as(user).body(Map.of("status", status)).put("/api/documents/" + document + "/layers/me/status").then()
                .statusCode(200);
    }

    private JsonPath list(String query) {
        return as(manager).get("/api/projects/" + projectId + "/documents?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private List<String> names(String query) {
        return list(query).getList("items.externalId");
    }

    private List<Long> ids(String query) {
        return list(query).getList("items.id", Long.class);
    }
}
