package org.relata.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;
import org.relata.testsupport.Sessions;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Guards issue 19 finding 9: Cache-Control on pages, token answers and the API; tokens that expire; an admin's
 * password reset ends the user's tokens as well as their sessions.
 */
@QuarkusTest
class CacheAndTokenExpiryTest extends BrowserTest {

    @Inject
    Db db;

    @Test
    void pagesAndTokenAnswersAreNotStoredAndOtherApiAnswersAreRevalidated() {
        String user = newUser("cache");
        long projectId = newProject(user);
        Map<String, String> session = Sessions.login(user, PASSWORD);
        for (String page : new String[] { "/", "/projects/" + projectId, "/projects/" + projectId + "/schema", "/tokens", "/account",
                "/login" }) {
            given().cookies(session).get(page).then().statusCode(200).header("Cache-Control", "no-store");
        }
        Map<String, String> admin = Sessions.login("admin", "admin-test-password");
        given().cookies(admin).get("/admin/users").then().statusCode(200).header("Cache-Control", "no-store");

        as(user).body(Map.of("name", "cached")).post("/api/tokens").then().statusCode(201)
                .header("Cache-Control", "no-store");
        as(user).get("/api/tokens").then().statusCode(200).header("Cache-Control", "no-store");
        as(user).get("/api/me").then().statusCode(200).header("Cache-Control", "private, no-cache");
        as(user).get("/api/projects/" + projectId + "/schema").then().statusCode(200)
                .header("Cache-Control", "private, no-cache").header("ETag", notNullValue());
        // Static files are not fingerprinted, so they are revalidated rather than called immutable.
        given().get("/css/relata.css").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void backAfterLogoutShowsNoPageOfTheSession() {
        String user = newUser("back");
        long projectId = newProject(user);
        Page page = browser.loggedIn(user, PASSWORD);
        page.navigate("/projects/" + projectId + "/schema");
        assertThat(page.getByRole(AriaRole.HEADING, named("Labels"))).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Log out")).click();
        assertThat(page.getByText("You are logged out.")).isVisible();
        page.goBack();
        assertThat(page.getByLabel("Username")).isVisible();
        assertEquals(0, page.getByRole(AriaRole.HEADING, named("Labels")).count());
    }

    @Test
    void aTokenMayExpireAndIsRefusedAfterwards() {
        String user = newUser("expiry");
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0);
        String secret = as(user).body(Map.of("name", "for a day", "expiresAt", soon.toString())).post("/api/tokens")
                .then().statusCode(201).extract().path("token");
        as(user).get("/api/tokens").then().body("find { it.name == 'for a day' }.expiresAt", notNullValue());
        given().header("Authorization", "Bearer " + secret).get("/api/me").then().statusCode(200);

        db.count("with u as (update api_tokens set expires_at = now() - interval '1 second' where name = 'for a day'"
                + " and user_id = (select id from users where username = ?1) returning 1) select count(*) from u", user);
        given().header("Authorization", "Bearer " + secret).get("/api/me").then().statusCode(401);

        as(user).body(Map.of("name", "past", "expiresAt", "2020-01-01T00:00:00Z")).post("/api/tokens")
                .then().statusCode(400).body("field", equalTo("$.expiresAt"));
    }

    @Test
    void anAdminsPasswordResetRevokesTheUsersTokensAndSessions() {
        String user = newUser("reset");
        String secret = as(user).body(Map.of("name", "pipeline")).post("/api/tokens").then().statusCode(201)
                .extract().path("token");
        Map<String, String> session = Sessions.login(user, PASSWORD);
        long userId = ((Number) db.column("select id from users where username = ?1", user).get(0)).longValue();

        Sessions.Page admin = Sessions.page(Sessions.login("admin", "admin-test-password"), "/admin/users");
        var reset = given().redirects().follow(false).cookies(admin.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", admin.csrfToken()).formParam("password", "a-new-passphrase-9")
                .post("/admin/users/" + userId + "/password");
        reset.then().statusCode(303);
        String flash = java.net.URLDecoder.decode(reset.cookie("relata-flash"), java.nio.charset.StandardCharsets.UTF_8);
        org.hamcrest.MatcherAssert.assertThat(flash, containsString("1 API token"));

        given().header("Authorization", "Bearer " + secret).get("/api/me").then().statusCode(401);
        given().cookies(session).get("/api/me").then().statusCode(401);
        as(user, "a-new-passphrase-9").get("/api/tokens").then().body("find { it.name == 'pipeline' }.revokedAt",
                notNullValue());
    }
}
