package org.relata.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.newUser;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;
import org.relata.testsupport.Sessions;
import org.relata.user.UserSessions;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 19 finding 11, the sessions part: a user sees their browser sessions one by one (server-side records made
 * at each form login) and ends any one of them; the browser of an ended session is logged out on its next request,
 * the others stay in. Nobody ends another user's session.
 */
@QuarkusTest
class UserSessionsTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Mobile Safari/537.36";

    @Inject
    Db db;

    @Inject
    UserSessions sessions;

    private static Map<String, String> login(String user, String userAgent) {
        Response login = given().redirects().follow(false).header("User-Agent", userAgent).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", PASSWORD).post("/j_security_check");
        login.then().statusCode(302);
        return login.cookies();
    }

    private static int me(Map<String, String> cookies) {
        return given().cookies(cookies).get("/api/me").statusCode();
    }

    private static String idOf(Map<String, String> cookies) {
        return given().cookies(cookies).get("/api/me/sessions").then().statusCode(200).extract()
                .path("find { it.current }.id");
    }

    @Test
    void twoLoginsAreListedWithTheCurrentOneMarked() {
        String user = newUser("sessions");
        Map<String, String> laptop = login(user, FIREFOX);
        Map<String, String> phone = login(user, PHONE);

        given().cookies(laptop).get("/api/me/sessions").then().statusCode(200)
                .body("$", hasSize(2))
                .body("userAgent", containsInAnyOrder("Firefox on Linux", "Chrome on Android"))
                .body("find { it.current }.userAgent", equalTo("Firefox on Linux"))
                .body("findAll { it.current }", hasSize(1))
                .body("[0].clientAddress", equalTo("127.0.0.1"))
                .body("[0].createdAt", startsWith(String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC))));
        given().cookies(phone).get("/api/me/sessions").then()
                .body("find { it.current }.userAgent", equalTo("Chrome on Android"));
        // A script (Basic) sees the same sessions, none of them its own.
        as(user).get("/api/me/sessions").then().statusCode(200).body("$", hasSize(2))
                .body("findAll { it.current }", hasSize(0));
        // Someone else sees only theirs.
        as(newUser("stranger")).get("/api/me/sessions").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void endingOneSessionLogsThatBrowserOutAtOnceAndKeepsTheOther() {
        String user = newUser("sessions");
        Map<String, String> phone = login(user, PHONE);
        Sessions.Page laptop = Sessions.page(login(user, FIREFOX), "/account");
        String phoneId = idOf(phone);

        given().cookies(laptop.cookies()).header("X-CSRF-TOKEN", laptop.csrfToken())
                .delete("/api/me/sessions/" + phoneId).then().statusCode(204);

        given().cookies(phone).get("/api/me").then().statusCode(401).body("error", org.hamcrest.Matchers.notNullValue());
        given().redirects().follow(false).cookies(phone).accept(ContentType.HTML).get("/account").then()
                .statusCode(302).header("Location", org.hamcrest.Matchers.endsWith("/login"));
        assertEquals(200, me(laptop.cookies()), "the session that ended the other goes on");
        given().cookies(laptop.cookies()).get("/api/me/sessions").then().body("$", hasSize(1))
                .body("[0].current", equalTo(true));
        // Ended is ended: a second time it is gone.
        given().cookies(laptop.cookies()).header("X-CSRF-TOKEN", laptop.csrfToken())
                .delete("/api/me/sessions/" + phoneId).then().statusCode(404);
    }

    @Test
    void theAccountPageEndsOneSessionWithItsForm() {
        String user = newUser("sessions");
        Map<String, String> other = login(user, PHONE);
        Sessions.Page page = Sessions.page(login(user, FIREFOX), "/account");
        String otherId = idOf(other);
        String html = given().cookies(page.cookies()).get("/account").asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("/account/sessions/" + otherId + "/end"),
                "the page lists the other session with its End button");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("this session"));

        // Without the session's token the form does nothing.
        given().redirects().follow(false).cookies(page.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", "made-up").post("/account/sessions/" + otherId + "/end").then().statusCode(403);
        assertEquals(200, me(other));

        given().redirects().follow(false).cookies(page.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", page.csrfToken()).post("/account/sessions/" + otherId + "/end").then()
                .statusCode(303);
        assertEquals(401, me(other));
        assertEquals(200, me(page.cookies()));

        // Ending this browser's own session is a logout.
        String ownId = idOf(page.cookies());
        given().redirects().follow(false).cookies(page.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", page.csrfToken()).post("/account/sessions/" + ownId + "/end").then()
                .statusCode(303).header("Location", org.hamcrest.Matchers.containsString("/login"));
        assertEquals(401, me(page.cookies()));
    }

    @Test
    void aUserCannotEndAnotherUsersSession() {
        String victim = newUser("victim");
        Map<String, String> victimSession = login(victim, FIREFOX);
        String victimId = idOf(victimSession);
        String attacker = newUser("attacker");
        Sessions.Page page = Sessions.page(login(attacker, FIREFOX), "/account");

        String notMine = given().cookies(page.cookies()).header("X-CSRF-TOKEN", page.csrfToken())
                .delete("/api/me/sessions/" + victimId).then().statusCode(404).extract().asString();
        String unknown = given().cookies(page.cookies()).header("X-CSRF-TOKEN", page.csrfToken())
                .delete("/api/me/sessions/" + java.util.UUID.randomUUID()).then().statusCode(404).extract().asString();
        assertEquals(unknown, notMine, "another user's session looks like no session at all");
        as(attacker).delete("/api/me/sessions/not-a-uuid").then().statusCode(404);
        given().redirects().follow(false).cookies(page.cookies()).contentType(ContentType.URLENC)
                .formParam("csrf-token", page.csrfToken()).post("/account/sessions/" + victimId + "/end");
        assertEquals(200, me(victimSession), "the victim is still logged in");
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutIsOverAndPurged() {
        String user = newUser("idle");
        Map<String, String> idle = login(user, FIREFOX);
        Map<String, String> active = login(user, PHONE);
        String idleId = idOf(idle);
        db.update("update user_sessions set last_seen_at = now() - interval '9 hours' where id = cast(?1 as uuid)", idleId);

        assertEquals(401, me(idle), "Quarkus' cookie would have expired too; the record agrees");
        given().cookies(active).get("/api/me/sessions").then().body("id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(idleId)));
        sessions.purgeExpired(Instant.now());
        assertEquals(0, db.count("select count(*) from user_sessions where id = cast(?1 as uuid)", idleId));
        assertEquals(200, me(active));
    }

    @Test
    void aNewLoginInTheSameBrowserReplacesItsOldSession() {
        String user = newUser("relogin");
        Map<String, String> first = login(user, FIREFOX);
        Response again = given().redirects().follow(false).cookies(first).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", PASSWORD).post("/j_security_check");
        again.then().statusCode(302);
        List<Object> ids = db.column("select cast(s.id as text) from user_sessions s join users u on u.id = s.user_id"
                + " where u.username = ?1", user);
        assertEquals(1, ids.size(), "one browser, one session");
        assertEquals(401, me(first));
    }
}
