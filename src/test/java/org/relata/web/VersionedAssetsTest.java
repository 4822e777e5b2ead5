package org.relata.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Static files under the build's versioned prefix: kept a year, other versions redirected, plain URLs revalidated. */
@QuarkusTest
class VersionedAssetsTest {

    static final Pattern PREFIX = Pattern.compile("href=\"(/assets/[0-9a-f]{12})/css/relata\\.css\"");

    static String prefix() {
        String page = given().get("/login").then().statusCode(200).extract().asString();
        Matcher m = PREFIX.matcher(page);
        assertTrue(m.find(), "the login page names its stylesheet under the versioned prefix: " + page);
        assertTrue(!page.contains("\"/css/") && !page.contains("\"/js/"), "no unversioned static URL is left: " + page);
        return m.group(1);
    }

    @Test
    void pagesNameStaticFilesUnderOneVersionedPrefixWhichIsKeptForAYear() {
        String prefix = prefix();
        assertEquals(Assets.prefix(), prefix);
        String plain = given().get("/js/workspace/main.js").then().statusCode(200).header("Cache-Control", "no-cache")
                .extract().asString();
        given().get(prefix + "/js/workspace/main.js").then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Type", containsString("javascript"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(equalTo(plain));
        given().get(prefix + "/css/workspace.css").then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable").header("Content-Type", containsString("css"));
        given().get(prefix + "/favicon.svg").then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void anotherVersionIsRedirectedToThisBuildsFileAndNothingMissingIsKept() {
        String prefix = prefix();
        given().redirects().follow(false).get("/assets/0123456789ab/js/workspace/main.js?x=1").then().statusCode(302)
                .header("Location", prefix + "/js/workspace/main.js")
                .header("Cache-Control", "no-store");
        given().get(prefix + "/js/no-such-module.js").then().statusCode(404)
                .header("Cache-Control", not(containsString("immutable")));
        given().get("/assets/only-a-version").then().statusCode(404);
    }

    @Test
    void theVersionIsAHashOfTheFilesSoItIsTheSameEachTimeItIsComputed() {
        assertEquals(Assets.version(), Assets.version());
        assertEquals("/assets/" + Assets.version(), Assets.prefix());
    }
}
