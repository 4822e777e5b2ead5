package org.relata.packaged;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Browser;
import org.relata.testsupport.EventStream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The packaged application started twice on two ports against one database, as behind a load balancer without
 * sticky sessions (docs/deployment.md): a session made on one instance is valid on the other, and an edit made
 * through one arrives live in a browser open on the other (NOTIFY reaches every instance's LISTEN connection).
 */
@QuarkusIntegrationTest
class TwoInstancesIT {

    private static Process second;
    private static String secondUrl;

    /** The first instance is the one @QuarkusIntegrationTest started; the second is started here, once. */
    @BeforeEach
    void startSecondInstance() throws IOException {
        if (second != null) {
            return;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        secondUrl = "http://localhost:" + port;
        File log = Path.of("target", "second-instance.log").toFile();
        second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port,
                // the first instance cleaned and migrated the database; this one must not wipe it
                "-Dquarkus.flyway.clean-at-start=false",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log).start();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> given().baseUri(secondUrl).get("/q/health/ready").statusCode() == 200);
    }

    @AfterAll
    static void stopSecondInstance() throws InterruptedException {
        if (second != null) {
            second.destroy();
            second.waitFor();
            second = null;
        }
    }

    @Test
    void aSessionMadeOnOneInstanceIsValidOnTheOther() {
        Map<String, String> session = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", Api.ADMIN).formParam("j_password", Api.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookies();

        given().baseUri(secondUrl).cookies(session).redirects().follow(false).accept(ContentType.HTML).get("/")
                .then().statusCode(200);
        given().baseUri(secondUrl).cookies(session).get("/api/projects").then().statusCode(200);
    }

    @Test
    void anEditThroughOneInstanceArrivesLiveOnTheOther() {
        String manager = Api.newUser("manager");
        String annotator = Api.newUser("annotator");
        long projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        String line = "{\"id\":\"doc-1\",\"text\":\"North Korea and China met.\"}\n";
        Api.as(manager).contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/{id}/import?format=jsonl", projectId).then().statusCode(200);
        long docId = ((Number) Api.as(manager).get("/api/projects/{id}/documents", projectId)
                .then().statusCode(200).extract().path("items[0].id")).longValue();
        Api.assignAll(projectId, manager, annotator);

        try (Browser browser = Browser.start();
                EventStream events = EventStream.open(secondUrl, "/api/documents/" + docId + "/events", manager,
                        Api.PASSWORD)) {
            Page page = browser.loggedIn(secondUrl, manager, Api.PASSWORD);
            page.navigate("/documents/" + docId + "/annotate?owner=" + annotator);
            assertThat(page.getByLabel("Live updates")).hasText("Live");
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.named("layers").isEmpty());

            // The edit goes to the first instance (RestAssured's default server).
            Api.as(annotator).body(Map.of("start", 16, "end", 21, "label", "COUNTRY"))
                    .post("/api/documents/" + docId + "/layers/me/spans").then().statusCode(201);

            Locator china = page.getByLabel("Document text").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("COUNTRY China").setExact(true));
            assertThat(china).isVisible();
            await().atMost(Duration.ofSeconds(10)).until(() -> events.named("layer").stream()
                    .anyMatch(e -> annotator.equals(e.json().getString("owner")) && e.json().getLong("version") == 1));
        }
        given().baseUri(secondUrl).auth().preemptive().basic(manager, Api.PASSWORD)
                .get("/api/documents/" + docId + "/layers/" + annotator)
                .then().statusCode(200).body("spans.label", equalTo(List.of("COUNTRY")));
        Api.asAdmin().get("/api/projects").then().statusCode(200).body("id", hasItem((int) projectId));
    }
}
