package org.relata.security;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.relata.testsupport.Api.addMember;
import static org.relata.testsupport.Api.as;
import static org.relata.testsupport.Api.asAdmin;
import static org.relata.testsupport.Api.newProject;
import static org.relata.testsupport.Api.newUser;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Db;
import org.relata.user.SecurityLog;

import io.quarkus.test.junit.QuarkusTest;

/** Guards issue 19 finding 11 (security log): what is recorded, who may read it, filters, retention. */
@QuarkusTest
class SecurityLogTest {

    @Inject
    Db db;

    @Inject
    SecurityLog log;

    private static io.restassured.response.ValidatableResponse events(String query) {
        return asAdmin().get("/api/admin/security-log?" + query).then().statusCode(200);
    }

    @Test
    void loginsFailedLoginsAndThrottlingAreLoggedWithTheAddress() {
        String user = newUser("victim");
        as(user, "wrong-password-1").get("/api/me").then().statusCode(401);
        events("type=LOGIN_FAILED&user=" + user).body("size()", equalTo(1))
                .body("[0].username", equalTo(user)).body("[0].address", notNullValue()).body("[0].at", notNullValue());
        as(user).get("/api/me").then().statusCode(200);
        events("type=LOGIN&user=" + user).body("[0].detail", equalTo("basic"));
        for (int i = 0; i < 6; i++) {
            as(user, "wrong-password-" + i).get("/api/me");
        }
        events("type=LOGIN_THROTTLED&user=" + user).body("size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void tokensPasswordsAndGrantsAreLogged() {
        String user = newUser("logged");
        long id = ((Number) db.column("select id from users where username = ?1", user).get(0)).longValue();
        int tokenId = as(user).body(Map.of("name", "pipeline")).post("/api/tokens").then().statusCode(201)
                .extract().path("id");
        as(user).delete("/api/tokens/" + tokenId).then().statusCode(204);
        asAdmin().body(Map.of("canCreateProjects", false)).put("/api/users/" + id + "/rights").then().statusCode(200);
        String manager = newUser("manager");
        addMember(newProject(manager), manager, user, "CURATOR");

        events("user=" + user).body("type", hasItem(SecurityLog.TOKEN_CREATED))
                .body("type", hasItem(SecurityLog.TOKEN_REVOKED)).body("type", hasItem(SecurityLog.RIGHT_GRANTED))
                .body("type", hasItem(SecurityLog.ROLE_GRANTED));
        events("type=ROLE_GRANTED&user=" + user).body("[0].actor", equalTo("admin"));
        events("type=RIGHT_GRANTED&user=" + user).body("[0].actor", equalTo("admin"));
        events("type=TOKEN_CREATED&user=" + user + "&since=2999-01-01").body("$", empty());

        asAdmin().get("/api/admin/security-log?type=NOPE").then().statusCode(400)
                .body("field", equalTo("type"));
        asAdmin().get("/api/admin/security-log?since=yesterday").then().statusCode(400).body("field", equalTo("since"));
        as(user).get("/api/admin/security-log").then().statusCode(403);
        as(user).accept("text/html").get("/admin/security-log").then().statusCode(403);
    }

    @Test
    void eventsOlderThanTheRetentionArePurged() {
        String old = "purged-" + System.nanoTime();
        String recent = "kept-" + System.nanoTime();
        db.count("with i as (insert into security_events (at, type, username) values (now() - make_interval(days => ?1),"
                + " 'LOGIN', ?2), (now(), 'LOGIN', ?3) returning 1) select count(*) from i", log.retentionDays() + 1,
                old, recent);
        log.purgeExpired(Instant.now());
        events("user=" + old).body("$", empty());
        events("user=" + recent).body("username", hasItem(recent)).body("username", not(hasItem(old)));
    }
}
