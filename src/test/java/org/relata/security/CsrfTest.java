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
 * Guards issue 17 findings 1, 3 and 4: a cookie-authenticated write is CSRF-checked whatever its content type, an
 * empty Authorization header does not make a cookie request look like a script's, and the token must be the one
 * of the request's own session (no token of another session, nor one planted with a cookie, is accepted).
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

    /**
     * The double-submit attack of finding 4: a sibling subdomain can set cookies for this host, so it chooses the
     * CSRF cookie (here the old {@code relata-csrf}) and the form field alike. Whatever it chooses, only the token
     * stored with the victim's own session is accepted: one from the attacker's session, one from another session of
     * the victim, or one made up is refused (403) on a form post and on a cookie-authenticated API write.
     */
    @Test
    void aTokenOfAnotherSessionOrAPlantedOneIsRefused() {
        String victim = newAdmin();
        long project = newProject(victim);
        Sessions.Page page = Sessions.page(Sessions.login(victim, PASSWORD), "/admin/users");
        String attacker = newUser("csrf-attacker");
        String attackersToken = Sessions.page(Sessions.login(attacker, PASSWORD), "/account").csrfToken();
        String victimsOtherToken = Sessions.page(Sessions.login(victim, PASSWORD), "/account").csrfToken();
        String target = newUser("csrf-target");
        String path = "/admin/users/" + userId(target) + "/enabled";

        for (String token : new String[] {attackersToken, victimsOtherToken, "forged-" + UUID.randomUUID()}) {
            // The planted cookie replaces the browser's own, as a cookie set for the parent domain would.
            Map<String, String> planted = new java.util.HashMap<>(page.cookies());
            planted.put("relata-csrf", token);
            given().redirects().follow(false).cookies(planted)
                    .contentType(ContentType.URLENC).formParam("csrf-token", token).formParam("enabled", "false")
                    .post(path).then().statusCode(403);
            given().cookies(planted).header("X-CSRF-TOKEN", token)
                    .contentType(ContentType.JSON).body(Map.of("description", "forged")).patch("/api/projects/" + project)
                    .then().statusCode(403);
        }
        assertEquals(true, enabled(target), "no forged form acted");
        asAdmin().get("/api/projects/" + project).then().body("description", org.hamcrest.Matchers.equalTo("for a test"));

        // The session's own token works, for forms and the API.
        given().redirects().follow(false).cookies(page.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", page.csrfToken()).formParam("enabled", "false").post(path)
                .then().statusCode(303);
        assertEquals(false, enabled(target));
        given().cookies(page.cookies()).header("X-CSRF-TOKEN", page.csrfToken()).contentType(ContentType.JSON)
                .body(Map.of("description", "from the page")).patch("/api/projects/" + project).then().statusCode(200);
    }

    @Test
    void aSessionKeepsItsTokenAcrossPagesAndALoginGetsANewOne() {
        Map<String, String> session = Sessions.login(newUser("csrf-stable"), PASSWORD);
        String first = Sessions.page(session, "/").csrfToken();
        assertEquals(first, Sessions.page(session, "/account").csrfToken());
        assertNotEquals(first, Sessions.page(Sessions.login(newUser("csrf-stable"), PASSWORD), "/").csrfToken());
    }
}
