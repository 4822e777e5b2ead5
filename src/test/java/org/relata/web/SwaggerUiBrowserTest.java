package org.relata.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.BrowserTest;

import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Guards issue 19 finding 10: the API page (Swagger UI) works under its Content-Security-Policy, which allows
 * exactly its own inline scripts by hash and nothing else inline.
 */
@QuarkusTest
class SwaggerUiBrowserTest extends BrowserTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

    /** The CSP hashes of the page's inline scripts, as a policy has to name them. */
    private static List<String> inlineScriptHashes(String html) throws Exception {
        List<String> hashes = new ArrayList<>();
        Matcher m = INLINE_SCRIPT.matcher(html);
        while (m.find()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
            hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
        }
        return hashes;
    }

    @Test
    void theApiPageListsTheOperationsUnderItsPolicy() throws Exception {
        var index = given().get("/q/swagger-ui/");
        String policy = index.header("Content-Security-Policy");
        List<String> hashes = inlineScriptHashes(index.asString());
        System.out.println("swagger-ui inline script hashes: " + hashes + "; policy: " + policy);
        for (String hash : hashes) {
            assertTrue(policy.contains(hash), "policy lacks " + hash + ": " + policy);
        }
        String scriptSrc = policy.substring(policy.indexOf("script-src")).split(";")[0];
        assertTrue(!scriptSrc.contains("unsafe"), policy);

        Page page = browser.anonymous();
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(msg -> {
            if (msg.text().contains("Content Security Policy")) {
                violations.add(msg.text());
            }
        });
        page.navigate("/q/swagger-ui/");
        page.locator(".opblock").first().waitFor();
        int operations = page.locator(".opblock").count();
        System.out.println("swagger-ui operations shown: " + operations);
        assertTrue(operations > 20, "operations shown: " + operations);
        assertEquals(List.of(), violations);

        // Other pages keep the strict policy.
        given().get("/login").then().header("Content-Security-Policy", not(containsString("sha256")))
                .header("Content-Security-Policy", containsString("script-src 'self';"));
    }
}
