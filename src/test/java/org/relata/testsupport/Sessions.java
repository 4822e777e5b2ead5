package org.relata.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Browser-like sessions for RestAssured: the cookies of a form login, and the CSRF token of a page. */
public final class Sessions {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private Sessions() {
    }

    /** The cookies a browser keeps after logging in through the form. */
    public static Map<String, String> login(String username, String password) {
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
        login.then().statusCode(302);
        return login.cookies();
    }

    /** The session cookies and the CSRF token a page hands out (empty for an anonymous visitor, who has no session). */
    public record Page(Map<String, String> cookies, String csrfToken) {
    }

    public static Page page(Map<String, String> session, String path) {
        Response page = given().cookies(session).get(path);
        page.then().statusCode(200);
        Matcher meta = CSRF_META.matcher(page.asString());
        if (!meta.find()) {
            throw new AssertionError("no CSRF token on " + path);
        }
        Map<String, String> cookies = new java.util.HashMap<>(session);
        cookies.putAll(page.cookies());
        return new Page(cookies, meta.group(1));
    }
}
