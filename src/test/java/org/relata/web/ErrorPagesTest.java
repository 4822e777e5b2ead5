package org.relata.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.BrowserTest;
import org.relata.testsupport.Sessions;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 20 item 7: browsers get styled error pages with a way back; the API keeps its JSON. */
@QuarkusTest
class ErrorPagesTest extends BrowserTest {

    @Test
    void aMissingProjectShowsAPageWithAWayBackToTheProjects() {
        String user = Api.newUser("lost");
        Page page = browser.loggedIn(user, Api.PASSWORD);
        Response response = page.navigate("/projects/999999");

        assertEquals(404, response.status());
        assertThat(page.getByRole(AriaRole.HEADING, named("Page not found"))).isVisible();
        assertThat(page.getByText("Error 404")).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, named("Main"))).isVisible();
        assertFalse(page.content().contains("{\"error\""), "no raw JSON on the page");
        assertEquals("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                + "object-src 'none'; frame-ancestors 'none'", response.headerValue("content-security-policy"));
        assertEquals(0, page.locator("script:not([src])").count(), "no inline script on the error page");

        page.getByRole(AriaRole.LINK, named("Back to the projects")).click();
        page.waitForURL(url -> url.endsWith("/"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Page not found"))).hasCount(0);
    }

    @Test
    void anAnnotatorOnTheAdminPageIsToldItIsForbidden() {
        String annotator = Api.newUser("annotator");
        Page page = browser.loggedIn(annotator, Api.PASSWORD);
        Response response = page.navigate("/admin/users");

        assertEquals(403, response.status());
        assertThat(page.getByRole(AriaRole.HEADING, named("You are not allowed to see this page"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named("Back to the projects"))).isVisible();
        // The layout is whole although the role check refused the request before the page's filters ran.
        assertThat(page.getByRole(AriaRole.NAVIGATION, named("Main"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Log out"))).isVisible();
        assertFalse(page.content().contains("{\"error\""));
    }

    @Test
    void aForbiddenProjectPageLinksBackToTheProject() {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        String annotator = Api.newUser("annotator");
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        Map<String, String> session = Sessions.login(annotator, Api.PASSWORD);

        given().cookies(session).redirects().follow(false).accept("*/*").get("/projects/" + project + "/members")
                .then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("href=\"/projects/" + project + "\""))
                .body(containsString("Back to the project<"));
    }

    @Test
    void pagesAnswerHtmlWhateverTheBrowserAccepts() {
        Map<String, String> session = Sessions.login(Api.newUser("reader"), Api.PASSWORD);
        for (String accept : new String[] { "text/html", "*/*" }) {
            given().cookies(session).redirects().follow(false).accept(accept).get("/projects/999999")
                    .then().statusCode(404).contentType(startsWith("text/html"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .body(containsString("Page not found")).body(not(containsString("{\"error\"")));
        }
    }

    @Test
    void theApiKeepsItsJsonEvenForBrowsers() {
        String user = Api.newUser("client");
        Api.as(user).get("/api/projects/999999").then().statusCode(404).contentType(startsWith("application/json"))
                .body("error", equalTo("No such project.")).body("field", equalTo(null));
        Api.as(user).accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/api/projects/999999")
                .then().statusCode(404).contentType(startsWith("application/json")).body("error", equalTo("No such project."));
    }
}
