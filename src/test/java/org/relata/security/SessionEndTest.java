package org.relata.security;

import static io.restassured.RestAssured.given;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;
import org.relata.testsupport.Sessions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Guards issue 17 finding 2: logout, a password change, disabling the user and an admin's "end all sessions"
 * end every session of that user at once; a replayed cookie is then refused.
 */
@QuarkusTest
class SessionEndTest {

    @Inject
    Db db;

    private long userId(String username) {
        return ((Number) db.column("select id from users where username = ?1", username).get(0)).longValue();
    }

    private static int me(Map<String, String> cookies) {
        return given().cookies(cookies).get("/api/me").statusCode();
    }

    /** An admin's page session, to use the admin forms as a browser would. */
    private static Sessions.Page adminPage() {
        return Sessions.page(Sessions.login("admin", "admin-test-password"), "/admin/users");
    }

    private static void adminPost(Sessions.Page admin, String path, Map<String, String> form) {
        var request = given().redirects().follow(false).cookies(admin.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", admin.csrfToken());
        form.forEach(request::formParam);
        request.post(path).then().statusCode(303);
    }

    @Test
    void logoutEndsTheSessionEvenWhenItsCookieIsReplayed() {
        String user = newUser("logout");
        Map<String, String> other = Sessions.login(user, PASSWORD);
        Sessions.Page page = Sessions.page(Sessions.login(user, PASSWORD), "/");
        given().redirects().follow(false).cookies(page.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", page.csrfToken()).post("/logout").then().statusCode(303);

        given().cookies(page.cookies()).get("/api/me").then().statusCode(401);
        given().cookies(other).get("/api/me").then().statusCode(401);
        // The stale cookies make the visitor anonymous (and are cleared), so the login page itself still answers.
        given().redirects().follow(false).cookies(other).get("/login").then().statusCode(200);
        // Without the epoch cookie a session cookie counts for nothing.
        given().cookie("relata-session", page.cookies().get("relata-session")).get("/api/me").then().statusCode(401);
        // Logging in again works.
        given().cookies(Sessions.login(user, PASSWORD)).get("/api/me").then().statusCode(200);
    }

    @Test
    void aPasswordChangeEndsSessionsAndTheOldBasicLogin() {
        String user = newUser("pwchange");
        long projectId = newProject(user);
        Sessions.Page page = Sessions.page(Sessions.login(user, PASSWORD), "/projects/" + projectId);
        as(user).get("/api/me").then().statusCode(200); // the Basic login is now remembered

        adminPost(adminPage(), "/admin/users/" + userId(user) + "/password", Map.of("password", "a-new-passphrase-7"));

        given().cookies(page.cookies()).header("X-CSRF-TOKEN", page.csrfToken()).contentType(ContentType.JSON)
                .body(Map.of("description", "after the change")).patch("/api/projects/" + projectId)
                .then().statusCode(401);
        as(user).get("/api/me").then().statusCode(401);
        as(user, "a-new-passphrase-7").get("/api/me").then().statusCode(200);
    }

    @Test
    void disablingAndEnablingAgainDoesNotBringOldSessionsBack() {
        String user = newUser("disable");
        Map<String, String> session = Sessions.login(user, PASSWORD);
        Sessions.Page admin = adminPage();
        String path = "/admin/users/" + userId(user) + "/enabled";
        adminPost(admin, path, Map.of("enabled", "false"));
        adminPost(admin, path, Map.of("enabled", "true"));
        given().cookies(session).get("/api/me").then().statusCode(401);
    }

    @Test
    void anAdminEndsAllSessionsOfAUser() {
        String user = newUser("endall");
        Map<String, String> first = Sessions.login(user, PASSWORD);
        Map<String, String> second = Sessions.login(user, PASSWORD);
        org.junit.jupiter.api.Assertions.assertEquals(200, me(first));
        adminPost(adminPage(), "/admin/users/" + userId(user) + "/sessions/end", Map.of());
        org.junit.jupiter.api.Assertions.assertEquals(401, me(first));
        org.junit.jupiter.api.Assertions.assertEquals(401, me(second));
        asAdmin().get("/api/me").then().statusCode(200);
    }
}
