package org.relata.security;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Exchange.importFile;
import static org.relata.testsupport.Exchange.zip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;
import org.relata.testsupport.Db;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 12, item 2 (HTTP level): hostile bodies — over the size limits, of the wrong type, zip and gzip bombs,
 * zip-slip names, invalid UTF-8, NUL bytes, deeply nested JSON — are each refused with a clear 4xx in the error
 * shape, nothing is stored, and the server's heap (this JVM's: the test runs in the application's process) is about
 * where it was before, after a GC hint.
 */
@QuarkusTest
class HostileInputTest {

    /** What the heap may have grown by after a refused request (a few buffers, caches warming up). */
    private static final long HEAP_SLACK = 48L << 20;

    @Inject
    Db db;

    String manager;
    long project;
    long rowsBefore;
    long heapBefore;

    @BeforeEach
    void project() {
        manager = Api.newUser("pm");
        project = Api.newProject(manager);
        rowsBefore = rows();
        heapBefore = heapAfterGc();
    }

    @AfterEach
    void nothingStoredAndHeapFlat() {
        assertEquals(rowsBefore, rows(), "nothing of a refused request is stored");
        long growth = heapAfterGc() - heapBefore;
        assertTrue(growth < HEAP_SLACK, "the heap grew by " + (growth >> 20) + " MB after refusing hostile input");
    }

    @Test
    void aBodyDeclaredOverTheRequestLimitIs413BeforeItIsRead() throws IOException {
        // 600 MB declared, nothing sent: the HTTP layer refuses on the header alone (RELATA_MAX_REQUEST_SIZE, 512 MB).
        String status = rawStatusLine("POST /api/projects/" + project + "/import?format=jsonl HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: " + basic() + "\r\nContent-Type: application/x-ndjson\r\n"
                + "Content-Length: 600000000\r\n\r\n");
        assertTrue(status.contains(" 413"), status);
    }

    @Test
    void aChunkedJsonBodyOverTheJsonLimitIs413() throws Exception {
        // Without Content-Length the size is known only while reading: the limit must still hold.
        byte[] body = ("{\"name\":\"Chunked\",\"description\":\"" + "x".repeat(3 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/projects"))
                        .header("Authorization", basic()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"error\""), answer.body());
    }

    @Test
    void contentTypesARouteDoesNotReadAre415() {
        for (String type : new String[] {"text/plain", "application/xml"}) {
            Api.as(manager).contentType(type).body("name=x").post("/api/projects").then().statusCode(415)
                    .body("error", containsString("content type"));
            Api.as(manager).contentType(type).body("x").put("/api/projects/" + project + "/schema").then().statusCode(415);
        }
        // A form body is refused before the route by the CSRF filter (no token), which answers 400.
        Api.as(manager).contentType("application/x-www-form-urlencoded").body("name=x").post("/api/projects")
                .then().statusCode(anyOf(equalTo(400), equalTo(415)));
        importFile(manager, project, "format=xml", "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).body("field", equalTo("format"));
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        // 300 MB of zeros deflate to about 300 KB: far over the expansion ratio allowed (RELATA_MAX_ZIP_RATIO).
        byte[] bomb = zipOfZeros("bomb.txt", 300L << 20);
        assertTrue(bomb.length < 1 << 20, "small on the wire: " + bomb.length);
        // Unpacking stops at whichever limit comes first: the ratio, or (here) the largest document, 10 MB.
        importFile(manager, project, "format=text", "application/zip", bomb).then().statusCode(413)
                .body("file", equalTo("bomb.txt")).body("error", anyOf(containsString("zip bomb"), containsString("largest document")));
        importFile(manager, project, "format=brat", "application/zip", bomb).then().statusCode(413)
                .body("error", anyOf(containsString("zip bomb"), containsString("largest document")));
        // many entries, each within the document limit but expanding 1,000 times: the ratio stops the first
        importFile(manager, project, "format=text", "application/zip", zipOfZeros("wide.txt", 5L << 20)).then().statusCode(413)
                .body("error", containsString("zip bomb"));
    }

    @Test
    void aGzipBombIsRefused() throws IOException {
        // 300 MB of zeros gzip to about 300 KB; the line reader stops at the document size limit, holding no more.
        byte[] bomb = gzipOfZeros(300L << 20);
        assertTrue(bomb.length < 1 << 20, "small on the wire: " + bomb.length);
        Api.as(manager).contentType("application/x-ndjson").header("Content-Encoding", "gzip").body(bomb)
                .post("/api/projects/" + project + "/import?format=jsonl")
                .then().statusCode(413).body("line", equalTo(1)).body("error", containsString("largest document"));
        // also when the client does not say it is gzip (the magic number tells)
        importFile(manager, project, "format=doccano", "application/x-ndjson", bomb).then().statusCode(413);
    }

    @Test
    void zipSlipNamesAreRefused() {
        for (String name : new String[] {"../x.txt", "a/../../x.txt", "/etc/x.txt", "..\\x.txt", "C:/x.txt"}) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("ok.txt", "Seoul.".getBytes(StandardCharsets.UTF_8));
            files.put(name, "Beijing.".getBytes(StandardCharsets.UTF_8));
            importFile(manager, project, "format=text", "application/zip", zip(files)).then().statusCode(400)
                    .body("file", equalTo(name)).body("error", anyOf(containsString(".."), containsString("absolute")));
            importFile(manager, project, "format=brat", "application/zip", zip(files)).then().statusCode(400);
        }
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bad = {'S', 'e', (byte) 0xC3, (byte) 0x28, 'l'};
        Api.as(manager).contentType("application/json; charset=utf-8")
                .body(concat("{\"name\":\"".getBytes(StandardCharsets.UTF_8), bad, "\",\"description\":\"\"}".getBytes(StandardCharsets.UTF_8)))
                .post("/api/projects").then().statusCode(400).body("error", containsString("UTF-8"));
        importFile(manager, project, "format=jsonl", "application/x-ndjson", concat("{\"id\":\"a\",\"text\":\"".getBytes(
                StandardCharsets.UTF_8), bad, "\"}\n".getBytes(StandardCharsets.UTF_8)))
                .then().statusCode(400).body("line", equalTo(1)).body("error", containsString("UTF-8"));
        importFile(manager, project, "format=text", "text/plain", bad).then().statusCode(400).body("error", containsString("UTF-8"));
        Map<String, byte[]> brat = new LinkedHashMap<>();
        brat.put("a.txt", bad);
        importFile(manager, project, "format=brat", "application/zip", zip(brat)).then().statusCode(400)
                .body("file", equalTo("a.txt")).body("line", equalTo(1)).body("error", containsString("UTF-8"));
    }

    @Test
    void nulBytesAreRefused() {
        Api.as(manager).contentType("application/json").body("{\"name\":\"Se\\u0000oul\",\"description\":\"\"}")
                .post("/api/projects").then().statusCode(400).body("field", equalTo("$.name"));
        // a raw NUL byte inside a JSON string is no JSON
        importFile(manager, project, "format=jsonl", "application/x-ndjson",
                "{\"id\":\"a\",\"text\":\"Se\u0000oul\"}\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("line", equalTo(1));
        importFile(manager, project, "format=doccano", "application/x-ndjson",
                "{\"text\":\"Seoul\",\"source\":\"a\\u0000b\"}\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("line", equalTo(1)).body("error", containsString("NUL"));
        importFile(manager, project, "format=text", "text/plain", "Se\u0000oul".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("error", containsString("NUL"));
        Map<String, byte[]> brat = new LinkedHashMap<>();
        brat.put("a.txt", "Seoul.".getBytes(StandardCharsets.UTF_8));
        brat.put("a.ann", "T1\tCOUNTRY 0 5\tSe\u0000ul\n".getBytes(StandardCharsets.UTF_8));
        importFile(manager, project, "format=brat", "application/zip", zip(brat)).then().statusCode(400)
                .body("file", equalTo("a.ann")).body("error", containsString("NUL"));
    }

    @Test
    void deeplyNestedJsonIsRefused() throws Exception {
        // Sent with the JDK's client: RestAssured would pretty-print such a body when logging a failure.
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        HttpResponse<String> api = post("/api/projects", "application/json",
                "{\"name\":\"Nested\",\"description\":\"\",\"schema\":" + nested + "}");
        assertEquals(400, api.statusCode(), api.body());
        assertTrue(api.body().contains("\"error\""), api.body());
        HttpResponse<String> jsonl = post("/api/projects/" + project + "/import?format=jsonl", "application/x-ndjson",
                "{\"id\":\"a\",\"text\":\"Seoul\",\"meta\":{\"x\":" + nested + "}}\n");
        assertEquals(400, jsonl.statusCode(), jsonl.body());
        assertEquals(1, (int) JsonPath.from(jsonl.body()).getInt("line"));
        assertTrue(JsonPath.from(jsonl.body()).getString("error").contains("nesting"), jsonl.body());
        HttpResponse<String> doccano = post("/api/projects/" + project + "/import?format=doccano", "application/x-ndjson",
                nested + "\n");
        assertEquals(400, doccano.statusCode(), doccano.body());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
                        .header("Authorization", basic()).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // helpers

    private long rows() {
        return db.count("select count(*) from projects") + db.count("select count(*) from all_documents")
                + db.count("select count(*) from entity_types") + db.count("select count(*) from spans");
    }

    /** Heap in use after GC hints: the application's heap, since @QuarkusTest runs it in this JVM. */
    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((manager + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request as written and answers the response's status line. */
    private String rawStatusLine(String request) throws IOException {
        try (Socket socket = new Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }

    private static byte[] zipOfZeros(String name, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            writeZeros(zip, size);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] gzipOfZeros(long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
            writeZeros(gzip, size);
        }
        return bytes.toByteArray();
    }

    private static void writeZeros(OutputStream out, long size) throws IOException {
        byte[] chunk = new byte[1 << 20];
        for (long written = 0; written < size; written += chunk.length) {
            out.write(chunk);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
