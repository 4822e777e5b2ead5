package org.relata.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test (issue 14, items 2 and 3): how long one script request takes, one after another over one keep-alive
 * connection, with an API token and with HTTP Basic. The packaged application (JVM options from
 * {@code BENCH_JVM_OPTS}); one document of about 340 spans and 330 relations in gold. Cases: reading the document
 * with its annotations (two requests: the document, then its gold layer) and creating a span (deleting it again
 * untimed). {@code ./mvnw -Pbench verify -Dbench.main=org.relata.bench.RequestLatencyBenchmark -Dbench.sizes=300}
 * (requests per case). Figures go to docs/benchmarks.md.
 */
public final class RequestLatencyBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final String WORD = "Pyongyang ";
    private static final int SPANS = 340;
    private static final int RELATIONS = 330;

    private RequestLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String options = System.getenv().getOrDefault("BENCH_JVM_OPTS", "");
        Process app = BenchApp.startPackagedApp(options.isBlank() ? List.of() : List.of(options.trim().split("\\s+")));
        try {
            HttpClient http = BenchApp.readyClient(app);
            String token = "Bearer " + BenchApp.createToken(http);
            long project = BenchApp.createProject(http);
            String label = BenchApp.ENTITY_TYPES[0];
            long document = importDocument(http, project, label);
            String basic = "Basic " + Base64.getEncoder().encodeToString(
                    ("admin:" + BenchApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            // Every case once untimed first, so that none is measured while the JIT still compiles another's path.
            runCases(http, List.of(token, basic), document, label, requests, false);
            System.out.println("| case | credentials | requests | p50 | p90 | p99 | max |");
            System.out.println("|---|---|---|---|---|---|---|");
            runCases(http, List.of(token, basic), document, label, requests, true);
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static void runCases(HttpClient http, List<String> credentials, long document, String label, int requests,
            boolean print) throws Exception {
        for (String auth : credentials) {
            String name = auth.startsWith("Bearer") ? "API token" : "HTTP Basic";
            Case read = () -> {
                send(http, auth, HttpRequest.newBuilder(uri("/api/documents/" + document)).GET(), 200);
                send(http, auth, HttpRequest.newBuilder(uri("/api/documents/" + document + "/layers/gold")).GET(), 200);
                return null;
            };
            Case create = () -> send(http, auth, HttpRequest.newBuilder(uri("/api/documents/" + document
                    + "/layers/gold/spans")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"start\":0,\"end\":9,\"label\":\"" + label + "\"}")), 201);
            Cleanup deleteCreated = body -> {
                Matcher m = ID.matcher(body);
                m.find();
                send(http, auth, HttpRequest.newBuilder(uri("/api/documents/" + document + "/layers/gold/spans/"
                        + m.group(1))).DELETE(), 200);
            };
            double[] reads = time(read, null, requests);
            double[] creates = time(create, deleteCreated, requests);
            if (print) {
                report("read document + layer", name, reads);
                report("create a span", name, creates);
            }
        }
    }

    private interface Case {
        String run() throws Exception;
    }

    private interface Cleanup {
        void after(String body) throws Exception;
    }

    /** Milliseconds of each call, sorted. */
    private static double[] time(Case timed, Cleanup cleanup, int requests) throws Exception {
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            String body = timed.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (cleanup != null) {
                cleanup.after(body);
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String name, String credentials, double[] sorted) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name, credentials,
                sorted.length, at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static String send(HttpClient http, String auth, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> answer = http.send(request.header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static java.net.URI uri(String path) {
        return java.net.URI.create(BenchApp.baseUrl() + path);
    }

    /** One document of SPANS one-word spans, the first RELATIONS of them each related to the next, as gold. */
    private static long importDocument(HttpClient http, long project, String label) throws Exception {
        StringBuilder spans = new StringBuilder();
        StringBuilder relations = new StringBuilder();
        for (int i = 0; i < SPANS; i++) {
            int start = i * WORD.length();
            spans.append(i > 0 ? "," : "").append("{\"id\":\"T").append(i).append("\",\"start\":").append(start)
                    .append(",\"end\":").append(start + WORD.length() - 1).append(",\"label\":\"").append(label).append("\"}");
            if (i < RELATIONS) {
                relations.append(i > 0 ? "," : "").append("{\"head\":\"T").append(i).append("\",\"tail\":\"T")
                        .append(i + 1).append("\",\"label\":\"").append(BenchApp.RELATION_TYPES[0]).append("\"}");
            }
        }
        String line = "{\"id\":\"latency\",\"text\":\"" + WORD.repeat(SPANS + 1) + "\",\"spans\":[" + spans
                + "],\"relations\":[" + relations + "]}\n";
        send(http, BenchApp.BASIC, HttpRequest.newBuilder(uri("/api/projects/" + project + "/import?format=jsonl"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(line)), 200);
        String list = send(http, BenchApp.BASIC, HttpRequest.newBuilder(uri("/api/projects/" + project + "/documents")).GET(), 200);
        Matcher m = ID.matcher(list);
        if (!m.find()) {
            throw new IllegalStateException("no document: " + list);
        }
        return Long.parseLong(m.group(1));
    }
}
