package org.relata.packaged;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.LayerLoad;
import org.relata.testsupport.LayerLoad.Model;
import org.relata.testsupport.LayerLoad.Outcome;

import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 12, item 5: the packaged application on a PostgreSQL of its own (embedded, so that restarting it disturbs no
 * other test), as a child process. PostgreSQL restarted under the load of ConcurrentEditsTest answers brief 503s
 * with Retry-After, never 500, the application recovers by itself, and no acknowledged edit is lost. The application
 * killed with SIGKILL in the middle of a 5,000-document import leaves none of that import's documents.
 */
class DatabaseFaultsIT {

    static final int CLIENTS = 20;
    static final int WARM_UP = 50;
    static final int ACKNOWLEDGED_BEFORE = 50;
    static final int OUTAGE_503S = 40;
    static final int ACKNOWLEDGED_AFTER = 30;
    static final String TEXT = "North Korea and China and Russia and Iran met in 😀 Geneva\r\nwith Cuba and Chile.";

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres database;
    private static int appPort;
    private static Process app;

    @BeforeAll
    static void start() throws Exception {
        dataDirectory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "faults-pg");
        databasePort = freePort();
        database = startDatabase();
        appPort = freePort();
        app = startApp();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void postgresRestartedUnderLoadAnswers503ThenRecoversAndLosesNoAcknowledgedEdit() throws Exception {
        String manager = newUser("pm");
        long project = newProject(manager);
        long doc = document(manager, project, "busy");
        LayerLoad load = new LayerLoad(url(), "/api/documents/" + doc + "/layers/gold", manager, Api.PASSWORD,
                TEXT.codePointCount(0, TEXT.length()), true);
        // A freshly started JVM answers slowly at first: warm it up so that the outage falls into a steady load.
        assertEquals(List.of(), load.run(CLIENTS, Duration.ZERO, 3L, WARM_UP, Duration.ofMinutes(2)).problems());
        Model start = load.layer();

        // The restart follows the load, not the clock: PostgreSQL stops once the run has stored ACKNOWLEDGED_BEFORE
        // writes, and comes back once the application has answered OUTAGE_503S requests with 503.
        load.reset();
        CompletableFuture<Long> restarted = CompletableFuture.supplyAsync(() -> {
            try {
                await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledgedSoFar() >= ACKNOWLEDGED_BEFORE);
                database.close();
                await().atMost(Duration.ofMinutes(1)).until(() -> load.answeredSoFar(503) >= OUTAGE_503S);
                database = startDatabase();
                return System.nanoTime();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The load runs on until the database is back and the application, unchanged, has stored more writes.
        Outcome outcome = load.run(CLIENTS, Duration.ZERO, 7L, 0,
                () -> restarted.isCompletedExceptionally()
                        || restarted.isDone() && load.acknowledgedSince(restarted.join()) >= ACKNOWLEDGED_AFTER,
                Duration.ofMinutes(4));
        long back = restarted.get();
        System.out.printf("PostgreSQL restarted under %d clients: %d writes acknowledged, answers %s%n", CLIENTS,
                outcome.acknowledged().size(), outcome.statuses());

        assertEquals(List.of(), outcome.problems());
        assertTrue(outcome.statuses().keySet().stream().allMatch(s -> s < 300 || s == 409 || s == 412 || s == 503),
                outcome.statuses().toString());
        assertTrue(outcome.count(503) > 0, "the outage was seen: " + outcome.statuses());
        assertTrue(outcome.acknowledgedSince(back) >= ACKNOWLEDGED_AFTER, "writes went on after the restart, the app unchanged");
        assertEquals(LongStream.rangeClosed(start.version + 1, start.version + outcome.acknowledged().size()).boxed()
                .toList(),
                List.copyOf(outcome.acknowledged().keySet()));
        assertEquals(Model.replay(start, outcome.acknowledged()), load.layer());
    }

    @Test
    void killedInTheMiddleOfAnImportTheApplicationLeavesNoneOfItsDocuments() throws Exception {
        String manager = newUser("pm");
        long project = newProject(manager);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            file.append("{\"id\":\"doc-").append(i).append("\",\"text\":\"North Korea and China met ").append(i)
                    .append(" times.\",\"spans\":[{\"start\":0,\"end\":11,\"label\":\"COUNTRY\"},")
                    .append("{\"start\":16,\"end\":21,\"label\":\"COUNTRY\"}]}\n");
        }
        HttpRequest upload = HttpRequest.newBuilder(URI.create(url() + "/api/projects/" + project
                + "/import?format=jsonl&target=gold"))
                .header("Authorization", basic(manager)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(file.toString())).build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
                .sendAsync(upload, HttpResponse.BodyHandlers.ofString());

        // The import's transaction has written rows (it holds a transaction id) and not yet committed.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> answer.isDone() || importWriting());
        assertTrue(!answer.isDone(), "the import ended before it could be interrupted");
        app.destroyForcibly().waitFor();
        assertTrue(answer.handle((r, e) -> e != null || r.statusCode() != 200).get(), "the import was cut off");

        app = startApp();
        assertEquals(0L, sql("select count(*) from all_documents where project_id = " + project));
        as(manager).get("/api/projects/" + project + "/documents").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    private static boolean importWriting() throws Exception {
        return sql("select count(*) from pg_stat_activity where datname = 'postgres' and backend_xid is not null"
                + " and pid <> pg_backend_pid()") > 0;
    }

    // --- the database and the application ---

    private static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setPort(databasePort).setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start();
    }

    private static long sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                "postgres", "postgres"); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The packaged jar with the test profile (its known admin password) on the private database. */
    private static Process startApp() throws IOException {
        File log = Path.of("target", "faults-app.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.profile=test", "-Dquarkus.http.port=" + appPort,
                // a restart after the kill must find what the first start stored
                "-Dquarkus.flyway.clean-at-start=false",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("RELATA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres");
        // Kept before waiting, so that @AfterAll stops it even if it never gets ready.
        app = builder.start();
        // The first start here took 70 s on two busy cores: the bound is generous, the wait ends when it is ready.
        await().atMost(Duration.ofMinutes(5)).ignoreExceptions()
                .until(() -> given().baseUri(url()).get("/q/health/ready").statusCode() == 200);
        return app;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String url() {
        return "http://localhost:" + appPort;
    }

    // --- fixtures through the API, on this application ---

    private static String basic(String user) {
        String password = Api.ADMIN.equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(url()).header("Authorization", basic(user)).contentType("application/json");
    }

    private static String newUser(String prefix) {
        String name = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        as(Api.ADMIN).body(Map.of("username", name, "password", Api.PASSWORD, "canCreateProjects", true))
                .post("/api/users").then().statusCode(201);
        return name;
    }

    private static long newProject(String manager) {
        return ((Number) as(manager).body(Map.of("name", Api.uniqueName("Faults"), "description", "",
                "schema", Api.geoSchema())).post("/api/projects").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    private static long document(String manager, long project, String name) {
        String line = "{\"id\":\"" + name + "\",\"text\":\"" + TEXT.replace("\r\n", "\\r\\n") + "\"}\n";
        as(manager).contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8))
                .post("/api/projects/" + project + "/import?format=jsonl").then().statusCode(200);
        return ((Number) as(manager).get("/api/projects/" + project + "/documents").then().statusCode(200)
                .extract().path("items[0].id")).longValue();
    }
}
