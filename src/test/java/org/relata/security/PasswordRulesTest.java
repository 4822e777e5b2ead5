package org.relata.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Guards issue 17 finding 6: bcrypt reads only 72 bytes, so longer passwords are refused (otherwise a wrong
 * tail would log in); a password may not be the username nor one of the common ones.
 */
@QuarkusTest
class PasswordRulesTest {

    private static String name() {
        return "pw-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static io.restassured.response.Response create(String username, String password) {
        return asAdmin().body(Map.of("username", username, "password", password, "admin", false)).post("/api/users");
    }

    @Test
    void passwordsLongerThanBcryptReadsAreRefused() {
        String seventyTwo = "x".repeat(72);
        String user = name();
        create(user, seventyTwo).then().statusCode(201);
        as(user, seventyTwo).get("/api/me").then().statusCode(200);
        // bcrypt alone would accept this: it reads only the first 72 bytes.
        as(user, seventyTwo + "tail").get("/api/me").then().statusCode(401);
        create(name(), "y".repeat(73)).then().statusCode(400).body("field", equalTo("$.password"))
                .body("error", containsString("72 bytes"));
        create(name(), "y".repeat(70) + "\u00e9").then().statusCode(201); // 72 bytes in UTF-8
        create(name(), "y".repeat(71) + "\u00e9").then().statusCode(400); // 72 characters, 73 bytes
    }

    @Test
    void aPasswordEqualToTheUsernameOrACommonOneIsRefused() {
        String user = name() + "-long";
        create(user, user.toUpperCase()).then().statusCode(400).body("field", equalTo("$.password"))
                .body("error", containsString("username"));
        create(name(), "Password123").then().statusCode(400).body("error", containsString("common"));
        create(name(), "qwertyuiop").then().statusCode(400);
        create(name(), "short").then().statusCode(400);
    }
}
