package org.relata.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.restassured.path.json.JsonPath;

/**
 * A server-sent event stream read the way EventSource reads it: lines collected on a thread of their own into
 * events (name and JSON data), for tests to wait on with Awaitility.
 */
public final class EventStream implements AutoCloseable {

    public record Event(String name, String data) {

        public JsonPath json() {
            return JsonPath.from(data);
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final int status;
    private final Stream<String> lines;
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} on the given server as {@code username} (HTTP Basic). */
    public static EventStream open(String baseUrl, String path, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/event-stream").header("Authorization", "Basic " + basic).GET().build();
        return open(request);
    }

    /** Opens {@code path} with a browser's session cookies. */
    public static EventStream withCookies(String baseUrl, String path, java.util.Map<String, String> cookies) {
        StringBuilder cookie = new StringBuilder();
        cookies.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        return open(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream")
                .header("Cookie", cookie.toString()).GET().build());
    }

    private static EventStream open(HttpRequest request) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .version(HttpClient.Version.HTTP_1_1).build();
            return new EventStream(client.send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed
        }
    }

    public int status() {
        return status;
    }

    /** The events received so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    @Override
    public void close() {
        lines.close();
    }
}
