package org.relata.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
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
import org.relata.testsupport.Sessions;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 21 item 7: an admin deletes a user, keeping their layers under a pseudonym in one project only. */
@QuarkusTest
class UserDeletionApiTest {

    @Inject
    Db db;

    String manager;
    String leaver;
    long leaverId;
    long kept;
    long dropped;
    long keptDoc;
    long droppedDoc;

    @BeforeEach
    void twoProjectsWithOneLayerEach() {
        manager = Api.newUser("manager");
        leaver = Api.newUser("leaver");
        leaverId = ((Number) Api.asAdmin().get("/api/users").jsonPath()
                .param("name", leaver).get("find { it.username == name }.id")).longValue();
        kept = Api.newProject(manager);
        dropped = Api.newProject(manager);
        keptDoc = db.document(kept, "k1", "Moscow 🇷🇺 and Pyongyang.");
        droppedDoc = db.document(dropped, "d1", "Beijing.");
        for (long project : List.of(kept, dropped)) {
            Api.addMember(project, manager, leaver, "ANNOTATOR");
            Api.assignAll(project, manager, leaver);
        }
        span(keptDoc, 0, 6);
        span(droppedDoc, 0, 7);
    }

    void span(long docId, int start, int end) {
        as(leaver).body(Map.of("start", start, "end", end, "label", "COUNTRY"))
                .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201);
    }

    @Test
    void layersAreKeptUnderAPseudonymOrDeletedPerProjectAndTheAccountEndsAtOnce() {
        String token = as(leaver).body(Map.of("name", "script")).post("/api/tokens").then().statusCode(201)
                .extract().path("token");
        Map<String, String> session = Sessions.login(leaver, Api.PASSWORD);
        Api.asAdmin().get("/api/users/" + leaverId + "/projects").then().statusCode(200)
                .body("find { it.projectId == " + kept + " }.layers", equalTo(1))
                .body("find { it.projectId == " + dropped + " }.layers", equalTo(1));

        String pseudonym = Api.asAdmin()
                .body(Map.of("layers", "KEEP", "projects", Map.of(String.valueOf(dropped), "DELETE")))
                .delete("/api/users/" + leaverId)
                .then().statusCode(200)
                .body("pseudonym", matchesPattern("former-annotator-\\d+"))
                .body("layersKept", equalTo(1)).body("layersDeleted", equalTo(1))
                .extract().path("pseudonym");

        // The kept layer is there under the pseudonym, span and all; the other is gone.
        as(manager).get("/api/documents/" + keptDoc + "/layers/" + pseudonym).then().statusCode(200)
                .body("spans", hasSize(1)).body("spans[0].end", equalTo(6));
        as(manager).get("/api/projects/" + kept + "/export?format=jsonl&status=any&source=user:" + pseudonym).then()
                .statusCode(200).body(containsString("\"end\":6"));
        assertEquals(0, db.layerCount(dropped));
        // Password, token and session all stop at once; the user is gone from the user and member lists.
        as(leaver).get("/api/me").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
        given().cookies(session).get("/api/me").then().statusCode(401);
        Api.asAdmin().get("/api/users").then().body("username", not(hasItem(leaver)))
                .body("username", not(hasItem(pseudonym)));
        as(manager).get("/api/projects/" + kept + "/members").then().body("username", not(hasItem(leaver)))
                .body("username", not(hasItem(pseudonym)));
        // The audit trail names the pseudonym, never the name.
        List<String> audit = db.auditAfter("delete-user", leaverId);
        assertEquals(3, audit.size());
        audit.forEach(row -> {
            org.hamcrest.MatcherAssert.assertThat(row, containsString(pseudonym));
            org.hamcrest.MatcherAssert.assertThat(row, not(containsString(leaver)));
        });
    }

    @Test
    void theNameIsFreeAgainAndTheNewcomerSeesNothingOfTheOld() {
        Api.asAdmin().delete("/api/users/" + leaverId).then().statusCode(200).body("layersKept", equalTo(2));
        Api.asAdmin().body(Map.of("username", leaver, "password", Api.PASSWORD)).post("/api/users")
                .then().statusCode(201);
        as(leaver).get("/api/projects").then().statusCode(200).body("id", not(hasItem((int) kept)));
        as(leaver).get("/api/documents/" + keptDoc + "/layers/me").then().statusCode(404);
    }

    @Test
    void onlyAnotherAdminDeletesAndOnlyOnce() {
        as(manager).delete("/api/users/" + leaverId).then().statusCode(403);
        as(manager).get("/api/users/" + leaverId + "/projects").then().statusCode(403);
        long adminId = ((Number) Api.asAdmin().get("/api/me").path("id")).longValue();
        Api.asAdmin().delete("/api/users/" + adminId).then().statusCode(409)
                .body("error", containsString("your own account"));
        Api.asAdmin().body(Map.of("projects", Map.of("not-a-project", "DELETE"))).delete("/api/users/" + leaverId)
                .then().statusCode(400).body("field", equalTo("$.projects.not-a-project"));
        as(leaver).get("/api/me").then().statusCode(200);

        String pseudonym = Api.asAdmin().delete("/api/users/" + leaverId).then().statusCode(200)
                .extract().path("pseudonym");
        Api.asAdmin().delete("/api/users/" + leaverId).then().statusCode(404);
        Api.asAdmin().delete("/api/users/999999999").then().statusCode(404);
        // A pseudonym names kept layers; it cannot become a member again.
        as(manager).body(Map.of("role", "ANNOTATOR")).put("/api/projects/" + kept + "/members/" + pseudonym)
                .then().statusCode(404);
    }
}
