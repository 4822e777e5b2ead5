package org.relata.packaged;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.restassured.specification.RequestSpecification;

/**
 * Issue 17, finding 9: what an import holds in memory is bounded by bytes, not by the number or size of documents.
 * The packaged jar runs with -Xmx256m and imports the probe's file — a gzip JSONL of 300 documents of 1 MiB each (here
 * 1 MiB of meta, which the batch counted as nothing before: 634 MB of heap, OutOfMemoryError at 256 MB) — and a
 * document over the size limit is refused with 413; the process never runs out of memory.
 */
class ImportMemoryIT {

    private static Process app;
    private static String url;
    private static final Path LOG = Path.of("target", "import-memory-it.log");

    @BeforeAll
    static void startWithASmallHeap() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "http://localhost:" + port;
        app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError", "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port,
                // another packaged instance of the ITs may use the database: do not wipe it
                "-Dquarkus.flyway.clean-at-start=false",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> given().baseUri(url).get("/q/health/ready").statusCode() == 200);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void threeHundredDocumentsOfOneMebibyteImportAt256Megabytes() throws IOException {
        long project = newProject();
        String mebibyte = "a".repeat(1 << 20);
        byte[] meta = gzipLines(300, i -> "{\"id\":\"m" + i + "\",\"text\":\"Seoul met Beijing.\",\"meta\":{\"blob\":\""
                + mebibyte + "\"}}");
        byte[] texts = gzipLines(300, i -> "{\"id\":\"t" + i + "\",\"text\":\"" + mebibyte + "\"}");
        assertTrue(meta.length < 1 << 20, "small on the wire: " + meta.length);

        importGzip(project, meta).then().statusCode(200).body("documents", equalTo(300));
        importGzip(project, texts).then().statusCode(200).body("documents", equalTo(300));
        admin().get("/api/projects/" + project + "/documents").then().statusCode(200).body("total", equalTo(600));
        assertTrue(app.isAlive(), "the application is still running");
        assertFalse(Files.readString(LOG).contains("OutOfMemoryError"), "no OutOfMemoryError in " + LOG);
    }

    @Test
    void aDocumentOverTheLimitIsRefusedClearly() throws IOException {
        long project = newProject();
        String elevenMebibytes = "a".repeat(11 << 20);
        importGzip(project, gzipLines(2, i -> "{\"id\":\"big" + i + "\",\"text\":\"" + elevenMebibytes + "\"}"))
                .then().statusCode(413).body("line", equalTo(1)).body("error", containsString("largest document"));
        admin().get("/api/projects/" + project + "/documents").then().statusCode(200).body("total", equalTo(0));
        assertTrue(app.isAlive(), "the application is still running");
    }

    private static RequestSpecification admin() {
        return given().baseUri(url).auth().preemptive().basic(Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    private static long newProject() {
        Map<String, Object> body = Map.of("name", Api.uniqueName("Memory"), "description", "",
                "schema", Map.of("entityTypes", List.of(Map.of("name", "CITY"))));
        return ((Number) admin().contentType("application/json").body(body).post("/api/projects")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static io.restassured.response.Response importGzip(long project, byte[] gzip) {
        return admin().contentType("application/x-ndjson").header("Content-Encoding", "gzip").body(gzip)
                .post("/api/projects/" + project + "/import?format=jsonl");
    }

    private static byte[] gzipLines(int count, java.util.function.IntFunction<String> line) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
            for (int i = 0; i < count; i++) {
                gzip.write((line.apply(i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
