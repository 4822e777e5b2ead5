package org.relata.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Api.PASSWORD;
import static org.relata.testsupport.Api.newUser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Browser;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Db;
import org.relata.testsupport.Sessions;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Guards issue 19 findings 3 (login CSRF) and 4 (a disabled user's browser looped between redirects). */
@QuarkusTest
class LoginSecurityBrowserTest extends BrowserTest {

    @Inject
    Db db;

    private void disable(String username) {
        db.count("with u as (update users set enabled = false where username = ?1 returning 1) select count(*) from u",
                username);
    }

    /** A page of another site (127.0.0.1 on its own port, while Relata is localhost) with a login form for Relata. */
    private static HttpServer evilSite(String username) throws IOException {
        String html = "<!doctype html><title>Win a prize</title><form method=post action=\"" + Browser.baseUrl()
                + "/j_security_check\"><input type=hidden name=j_username value=\"" + username + "\">"
                + "<input type=hidden name=j_password value=\"" + PASSWORD + "\"><button>Claim</button></form>";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void anotherSiteCannotLogTheBrowserIntoTheAttackersAccount() throws IOException {
        String attacker = newUser("attacker");
        HttpServer evil = evilSite(attacker);
        try {
            Page page = browser.anonymous();
            page.navigate("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
            Response login = page.waitForResponse(r -> r.url().endsWith("/j_security_check"),
                    () -> page.getByRole(AriaRole.BUTTON, named("Claim")).click());
            assertEquals(403, login.status());
            assertTrue(page.context().cookies().stream().noneMatch(c -> c.name.equals("relata-session")));
            // The next same-site call of the victim's browser is not the attacker's.
            assertEquals(401, page.context().request().get(Browser.baseUrl() + "/api/me").status());
        } finally {
            evil.stop(0);
        }
    }

    @Test
    void crossSiteLoginsAreRefusedAndSameOriginOnesAndScriptsPass() {
        String user = newUser("origin");
        String self = Browser.baseUrl();
        Function<Map<String, String>, io.restassured.response.Response> login = headers -> given().redirects()
                .follow(false).contentType(ContentType.URLENC).headers(headers)
                .formParam("j_username", user).formParam("j_password", PASSWORD).post("/j_security_check");

        for (Map<String, String> crossSite : List.of(Map.of("Origin", "http://evil.example"),
                Map.of("Origin", "null"), Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site"),
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", self))) {
            var refused = login.apply(crossSite);
            refused.then().statusCode(403).body(containsString("another site"));
            assertEquals(null, refused.cookie("relata-session"), crossSite.toString());
        }
        for (Map<String, String> sameOrigin : List.<Map<String, String>> of(Map.of(), Map.of("Origin", self),
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", self))) {
            var accepted = login.apply(sameOrigin);
            accepted.then().statusCode(302);
            assertNotNull(accepted.cookie("relata-session"), sameOrigin.toString());
        }
    }

    @Test
    void aDisabledUsersBrowserLandsOnTheLoginFormWithAMessage() {
        String user = newUser("disabled");
        Page page = browser.loggedIn(user, PASSWORD);
        disable(user);

        Response answer = page.navigate("/");
        assertEquals(200, answer.status());
        assertTrue(page.url().endsWith("/login"), page.url());
        assertThat(page.getByText("This account is disabled")).isVisible();
        assertTrue(page.context().cookies().stream().noneMatch(c -> c.name.equals("relata-session")),
                "the stale session cookie is cleared");
        // Once said, the message is gone; the form still renders.
        page.navigate("/login");
        assertThat(page.getByLabel("Username")).isVisible();
        assertEquals(0, page.getByText("This account is disabled").count());
    }

    @Test
    void theLoginFormRendersForADisabledSessionAndTheApiAnswers401() {
        String user = newUser("disabled-api");
        Map<String, String> session = Sessions.login(user, PASSWORD);
        disable(user);

        given().cookies(session).get("/api/me").then().statusCode(401)
                .body("error", containsString("Log in first")).body("field", equalTo(null));
        var login = given().redirects().follow(false).cookies(session).get("/login");
        login.then().statusCode(200).body(containsString("This account is disabled"));
        assertTrue(login.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("relata-session=;") && c.contains("Max-Age=0")), login.headers().toString());
    }
}
