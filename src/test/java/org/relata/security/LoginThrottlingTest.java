package org.relata.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newUser;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Guards issue 17 finding 5 and issue 14 item 2: password guessing is answered 429 with Retry-After (Basic
 * and form), and a verified Basic login is remembered briefly instead of paying bcrypt on every request.
 */
@QuarkusTest
class LoginThrottlingTest {

    @Inject
    Db db;

    @Test
    void guessingBasicPasswordsEndsIn429EvenForTheRightOne() {
        String user = newUser("guess-basic");
        for (int i = 0; i < 6; i++) {
            as(user, "wrong-" + i).get("/api/me").then().statusCode(401);
        }
        Response refused = as(user, PASSWORD).get("/api/me");
        refused.then().statusCode(429);
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
        // Another account from the same address is not affected.
        as(newUser("bystander")).get("/api/me").then().statusCode(200);
    }

    @Test
    void guessingFormPasswordsEndsIn429() {
        String user = newUser("guess-form");
        for (int i = 0; i < 6; i++) {
            given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", user)
                    .formParam("j_password", "wrong-" + i).post("/j_security_check")
                    .then().statusCode(302).header("Location", containsString("error"));
        }
        Response refused = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", PASSWORD).post("/j_security_check");
        assertEquals(429, refused.statusCode());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
    }

    @Test
    void aVerifiedBasicLoginIsRememberedAndAFailureIsNot() {
        String user = newUser("remembered");
        as(user, "not-it-at-all").get("/api/me").then().statusCode(401);
        as(user).get("/api/me").then().statusCode(200);
        // Replace the stored hash behind the application's back: only a remembered verification still passes.
        db.count("with u as (update users set password_hash = '$2a$10$' || repeat('x', 53) where username = ?1"
                + " returning 1) select count(*) from u", user);
        as(user).get("/api/me").then().statusCode(200);
        as(user, "not-it-at-all").get("/api/me").then().statusCode(401);
    }
}
