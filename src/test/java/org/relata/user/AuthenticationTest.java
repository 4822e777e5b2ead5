package org.relata.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;
import org.relata.testsupport.Sessions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class AuthenticationTest {

    @Inject
    Db db;

    @Test
    void basicLoginWorksAndAWrongPasswordAnswers401() {
        String user = newUser("basic");
        as(user).get("/api/me").then().statusCode(200).body("username", equalTo(user));
        as(user, "wrong-password").get("/api/me").then().statusCode(401);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String user = newUser("hash");
        Object hash = db.column("select password_hash from users where username = ?1", user).get(0);
        assertTrue(hash.toString().startsWith("$2"), "bcrypt modular crypt format");
        assertNotEquals(PASSWORD, hash);
    }

    @Test
    void apiTokenWorksUntilRevoked() {
        String user = newUser("tokens");
        Response created = as(user).body(Map.of("name", "pipeline")).post("/api/tokens");
        created.then().statusCode(201).body("token", startsWith("rlt_"));
        String token = created.path("token");
        long id = ((Number) created.path("id")).longValue();

        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(200)
                .body("username", equalTo(user));
        as(user).get("/api/tokens").then().statusCode(200).body("name", hasItem("pipeline"))
                .body("find { it.name == 'pipeline' }.lastUsedAt", notNullValue())
                .body("find { it.name == 'pipeline' }.token", equalTo(null));
        assertEquals(0, db.count("select count(*) from api_tokens where token_hash = ?1", token),
                "the token itself is never stored");

        as(user).delete("/api/tokens/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
        given().header("Authorization", "Bearer rlt_made-up").get("/api/me").then().statusCode(401);
    }

    @Test
    void nobodyRevokesAnotherUsersToken() {
        String owner = newUser("owner");
        String other = newUser("other");
        long id = ((Number) as(owner).body(Map.of("name", "mine")).post("/api/tokens").path("id")).longValue();
        as(other).delete("/api/tokens/" + id).then().statusCode(404);
    }

    @Test
    void disabledUsersCannotLogIn() {
        String user = newUser("disabled");
        long id = ((Number) db.column("select id from users where username = ?1", user).get(0)).longValue();
        as(user).get("/api/me").then().statusCode(200);
        db.count("with u as (update users set enabled = false where id = ?1 returning 1) select count(*) from u", id);
        as(user).get("/api/me").then().statusCode(401);
    }

    @Test
    void formLoginSetsAnHttpOnlySameSiteSessionCookie() {
        String user = newUser("form");
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", PASSWORD).post("/j_security_check");
        login.then().statusCode(302);
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("relata-session=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        given().cookies(login.cookies()).get("/api/me").then().statusCode(200)
                .body("username", equalTo(user));
    }

    @Test
    void cookieAuthenticatedApiWritesNeedTheCsrfToken() {
        String user = newUser("csrf");
        long projectId = newProject(user);
        Map<String, String> session = Sessions.login(user, PASSWORD);
        Response page = given().cookies(session).get("/projects/" + projectId);
        page.then().statusCode(200);
        Matcher meta = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(meta.find(), "the page carries the CSRF token");

        given().cookies(session).contentType(ContentType.JSON)
                .body(Map.of("description", "forged")).patch("/api/projects/" + projectId).then().statusCode(403);
        given().cookies(session).contentType(ContentType.JSON)
                .header("X-CSRF-TOKEN", "wrong").body(Map.of("description", "forged"))
                .patch("/api/projects/" + projectId).then().statusCode(403);
        given().cookies(session).contentType(ContentType.JSON)
                .header("X-CSRF-TOKEN", meta.group(1)).body(Map.of("description", "from the page"))
                .patch("/api/projects/" + projectId).then().statusCode(200).body("description", equalTo("from the page"));
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefused() {
        String user = newUser("csrf-form");
        Map<String, String> session = Sessions.login(user, PASSWORD);
        given().redirects().follow(false).cookies(session).contentType(ContentType.URLENC)
                .formParam("name", "forged project").post("/projects").then().statusCode(403);
        asAdmin().get("/api/projects").then().body("name", org.hamcrest.Matchers.not(hasItem("forged project")));
    }
}
