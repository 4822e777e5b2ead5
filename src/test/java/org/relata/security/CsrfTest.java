package org.relata.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.asAdmin;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;
import org.relata.testsupport.Sessions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Guards issue 17 findings 1 and 3: a cookie-authenticated write is CSRF-checked whatever its content type,
 * and an empty Authorization header does not make a cookie request look like a script's.
 */
@QuarkusTest
class CsrfTest {

    @Inject
    Db db;

    @TestHTTPResource("/")
    URI base;

    private String newAdmin() {
        String name = "csrf-admin-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(Map.of("username", name, "password", PASSWORD, "admin", true)).post("/api/users")
                .then().statusCode(201);
        return name;
    }

    private boolean enabled(String username) {
        return db.count("select count(*) from users where username = ?1 and enabled", username) == 1;
    }

    private long userId(String username) {
        return ((Number) db.column("select id from users where username = ?1", username).get(0)).longValue();
    }

    @Test
    void formRoutesRefuseTokenlessPostsInAnyContentType() throws Exception {
        Sessions.Page page = Sessions.page(Sessions.login(newAdmin(), PASSWORD), "/admin/users");
        String victim = newUser("victim");
        String path = "/admin/users/" + userId(victim) + "/enabled";

        int plain = given().redirects().follow(false).cookies(page.cookies()).contentType(ContentType.TEXT)
                .body("enabled=false").post(path).statusCode();
        assertNotEquals(303, plain, "text/plain without a token must not act");
        int multipart = given().redirects().follow(false).cookies(page.cookies()).multiPart("enabled", "false")
                .post(path).statusCode();
        assertNotEquals(303, multipart, "multipart without a token must not act");

        // No Content-Type header at all: RestAssured always sends one, the JDK client does not.
        String cookieHeader = page.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Cookie", cookieHeader).POST(HttpRequest.BodyPublishers.ofString("enabled=false")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(303, none.statusCode(), "a post without content type must not act");
        assertEquals(true, enabled(victim), "the user is still enabled");

        // The page's own form (with its token) still works.
        given().redirects().follow(false).cookies(page.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", page.csrfToken()).formParam("enabled", "false").post(path)
                .then().statusCode(303);
        assertEquals(false, enabled(victim));
    }

    @Test
    void anEmptyAuthorizationHeaderDoesNotSkipTheApiCsrfCheck() {
        String user = newUser("csrf-empty-auth");
        long projectId = newProject(user);
        Sessions.Page page = Sessions.page(Sessions.login(user, PASSWORD), "/projects/" + projectId);
        for (String authorization : new String[] {"", " ", "Basic", "Bearer ", "Negotiate abc"}) {
            given().cookies(page.cookies()).header("Authorization", authorization).contentType(ContentType.JSON)
                    .body(Map.of("description", "forged")).patch("/api/projects/" + projectId)
                    .then().statusCode(403);
        }
        given().cookies(page.cookies()).header("X-CSRF-TOKEN", page.csrfToken()).contentType(ContentType.JSON)
                .body(Map.of("description", "from the page")).patch("/api/projects/" + projectId)
                .then().statusCode(200);
    }
}
