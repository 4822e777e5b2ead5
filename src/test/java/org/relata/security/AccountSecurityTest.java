package org.relata.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Sessions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Guards issue 19 finding 11 (accounts): changing one's own password ends one's other sessions (and, if asked,
 * one's tokens) but not the session that changed it; API tokens can be read-only and limited to projects, and the
 * scope holds on every call.
 */
@QuarkusTest
class AccountSecurityTest {

    @jakarta.inject.Inject
    org.relata.testsupport.Db db;

    private static final String NEW_PASSWORD = "a-fresh-passphrase-7";

    private static int me(Map<String, String> cookies) {
        return given().cookies(cookies).get("/api/me").statusCode();
    }

    private static String token(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/tokens").then().statusCode(201).extract().path("token");
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void changingMyPasswordEndsMyOtherSessionsButNotThisOne() {
        String user = newUser("owner");
        String kept = token(user, Map.of("name", "kept"));
        Map<String, String> other = Sessions.login(user, PASSWORD);
        Sessions.Page here = Sessions.page(Sessions.login(user, PASSWORD), "/account");

        Response change = given().cookies(here.cookies()).header("X-CSRF-TOKEN", here.csrfToken())
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD)).post("/api/me/password");
        change.then().statusCode(200).body("tokensRevoked", equalTo(0));
        Map<String, String> after = new HashMap<>(here.cookies());
        after.putAll(change.cookies());

        org.junit.jupiter.api.Assertions.assertEquals(200, me(after), "the session that changed it goes on");
        org.junit.jupiter.api.Assertions.assertEquals(401, me(other), "every other session has ended");
        as(user, PASSWORD).get("/api/me").then().statusCode(401);
        as(user, NEW_PASSWORD).get("/api/me").then().statusCode(200);
        bearer(kept).get("/api/me").then().statusCode(200);
    }

    @Test
    void theCurrentPasswordIsRequiredAndTokensEndWhenAsked() {
        String user = newUser("owner");
        String secret = token(user, Map.of("name", "script"));
        as(user).body(Map.of("currentPassword", "not-my-password-1", "password", NEW_PASSWORD))
                .post("/api/me/password").then().statusCode(400).body("field", equalTo("$.currentPassword"));
        as(user).body(Map.of("password", NEW_PASSWORD)).post("/api/me/password").then().statusCode(400);
        as(user, PASSWORD).get("/api/me").then().statusCode(200);

        as(user).body(Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD, "revokeTokens", true))
                .post("/api/me/password").then().statusCode(200).body("tokensRevoked", equalTo(1));
        bearer(secret).get("/api/me").then().statusCode(401);
    }

    @Test
    void aReadOnlyTokenReadsButEveryWriteIsRefused() {
        String user = newUser("reader");
        long project = newProject(user);
        String secret = token(user, Map.of("name", "reader", "readOnly", true));
        as(user).get("/api/tokens").then().body("find { it.name == 'reader' }.readOnly", equalTo(true));

        bearer(secret).get("/api/projects/" + project).then().statusCode(200);
        bearer(secret).get("/api/projects/" + project + "/documents").then().statusCode(200);
        bearer(secret).body(Map.of("description", "changed")).patch("/api/projects/" + project).then().statusCode(403);
        bearer(secret).body(Map.of("name", "more")).post("/api/tokens").then().statusCode(403);
        bearer(secret).body(Map.of("name", "New")).post("/api/projects").then().statusCode(403);
        bearer(secret).delete("/api/projects/" + project + "/membership").then().statusCode(403);
        as(user).get("/api/projects/" + project).then().body("description", equalTo("for a test"));
    }

    @Test
    void aProjectTokenSeesOnlyItsProjects() {
        String user = newUser("scoped");
        long mine = newProject(user);
        long other = newProject(user);
        String secret = token(user, Map.of("name", "one project", "projects", List.of(mine)));
        as(user).get("/api/tokens").then().body("find { it.name == 'one project' }.projects", contains((int) mine));

        bearer(secret).get("/api/projects/" + mine).then().statusCode(200);
        bearer(secret).body(Map.of("description", "by the script")).patch("/api/projects/" + mine).then()
                .statusCode(200);
        bearer(secret).get("/api/projects").then().statusCode(200).body("id", contains((int) mine));
        String elsewhere = bearer(secret).get("/api/projects/" + other).then().statusCode(404).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(
                bearer(secret).get("/api/projects/999999999").then().statusCode(404).extract().asString(), elsewhere);
        bearer(secret).get("/api/projects/" + other + "/documents").then().statusCode(404);
        long document = db.document(other, "elsewhere", "Text elsewhere.");
        as(user).get("/api/documents/" + document).then().statusCode(200);
        bearer(secret).get("/api/documents/" + document).then().statusCode(404);
        bearer(secret).body(Map.of("description", "x")).patch("/api/projects/" + other).then().statusCode(404);
        // Nothing outside its projects: no new (unlimited) token, no new project.
        bearer(secret).body(Map.of("name", "wider")).post("/api/tokens").then().statusCode(403);
        bearer(secret).body(Map.of("name", "New")).post("/api/projects").then().statusCode(403);
        bearer(secret).get("/api/me").then().statusCode(200);
    }

    @Test
    void aTokenCanBeLimitedOnlyToProjectsItsOwnerSees() {
        String user = newUser("scoped");
        long hidden = newProject(newUser("else"));
        as(user).body(Map.of("name", "sneaky", "projects", List.of(hidden))).post("/api/tokens").then()
                .statusCode(400).body("field", equalTo("$.projects"));
        as(user).body(Map.of("name", "empty", "projects", List.of())).post("/api/tokens").then()
                .statusCode(400).body("field", equalTo("$.projects"));
    }
}
