package org.relata.exchange;

import org.relata.testsupport.Exchange;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relata.testsupport.Exchange.importJsonl;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.relata.testsupport.Api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

@QuarkusTest
class ExportCancelTest {

    /**
     * Every wait is bounded: an export that leaked its turn or its connections would otherwise leave the next one
     * waiting for ever, and the build would hang instead of failing.
     */
    static final int TIMEOUT_MS = 120_000;
    static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", TIMEOUT_MS).setParam("http.connection.timeout", TIMEOUT_MS));

    @TestHTTPResource("/")
    URL base;

    @Test
    void cancelledDownloadsGiveBackTheirConnections() throws IOException {
        String manager = Api.newUser("pm");
        long project = Api.newProject(manager);
        // ~20 MB of JSONL: far more than the socket buffers hold (a few MB), so the server is still writing when the
        // client leaves.
        String words = "The delegation met in Pyongyang and Beijing 😀 to talk about trade. ".repeat(750);
        StringBuilder file = new StringBuilder();
        for (int n = 0; n < 400; n++) {
            file.append("{\"id\":\"c").append(n).append("\",\"text\":\"").append(words).append(n).append("\",\"status\":\"done\"}\n");
        }
        importJsonl(manager, project, "", file.toString()).then().statusCode(200).body("documents", equalTo(400));
        int lines = 0;
        // Each export holds three pooled connections: eleven cancelled ones that kept even two of theirs would
        // exhaust the pool of 20, and the full export after them would fail. (Some cancellations reach the server
        // mid-write and end the export there; for others the server finishes writing into the closed connection.)
        for (int round = 0; round < 11; round++) {
            cancelAfterTheFirstBytes(manager, project);
            lines = Api.as(manager).config(BOUNDED).get("/api/projects/" + project + "/export").then().statusCode(200)
                    .extract().asString().split("\n").length;
        }
        assertEquals(400, lines);
    }

    private void cancelAfterTheFirstBytes(String user, long project) throws IOException {
        String auth = Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket()) {
            // A small receive window (set before connecting), so the export cannot all sit in this socket's buffer.
            socket.setReceiveBufferSize(16 * 1024);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MS);
            socket.getOutputStream().write(("GET /api/projects/" + project + "/export HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nAuthorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(64 * 1024);
            assertTrue(new String(start, 0, 12, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            // Closing with unread data resets the connection: the server's next write fails.
            socket.setSoLinger(true, 0);
        }
    }
}
