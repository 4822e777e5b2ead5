package org.relata.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.relata.testsupport.LayerLoad;
import org.relata.testsupport.LayerLoad.Model;
import org.relata.testsupport.LayerLoad.Outcome;

/**
 * Issue 12, item 4, the long version of ConcurrentEditsTest: the packaged application (see {@link BenchApp}),
 * 20 clients editing one layer with If-Match for 30 s; checks that the layer equals the replay of the acknowledged
 * writes, and reports writes per second, the answers by status, and the audit bytes per acknowledged write.
 * {@code ./mvnw -Pbench verify -Dbench.main=org.relata.bench.ConcurrentEditsBenchmark -Dbench.sizes=30} (arguments:
 * seconds, then clients, default 20). Figures go to docs/benchmarks.md.
 */
public final class ConcurrentEditsBenchmark {

    private ConcurrentEditsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Process app = BenchApp.startPackagedApp();
        try {
            HttpClient http = BenchApp.readyClient(app);
            long project = BenchApp.createProject(http);
            String text = "North Korea and China and Russia and Iran met in Geneva with Cuba and Chile. ".repeat(4);
            HttpResponse<String> imported = http.send(BenchApp.request("/api/projects/" + project
                    + "/import?format=jsonl").header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"busy\",\"text\":\"" + text + "\"}\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("import: " + imported.body());
            }
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(http.send(BenchApp.request("/api/projects/"
                    + project + "/documents").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            id.find();
            LayerLoad load = new LayerLoad(BenchApp.baseUrl(), "/api/documents/" + id.group(1)
                    + "/layers/gold", "admin", BenchApp.ADMIN_PASSWORD, text.length(), false);
            load.run(clients, Duration.ofSeconds(5), 1L); // warm-up
            Model start = load.layer();
            long auditBefore = auditBytes();

            Outcome outcome = load.run(clients, Duration.ofSeconds(seconds), 20261203L);

            long auditBytes = auditBytes() - auditBefore;
            Model end = load.layer();
            boolean equal = Model.replay(start, outcome.acknowledged()).equals(end);
            System.out.printf("%d clients, %d s: %d writes acknowledged (%.1f/s), answers %s, problems %d,"
                    + " final layer %d spans / %d relations %s the replay, audit %.0f bytes per write%n",
                    clients, seconds, outcome.acknowledged().size(), outcome.acknowledged().size() / (double) seconds,
                    outcome.statuses(), outcome.problems().size(), end.spans.size(), end.relations.size(),
                    equal ? "equal to" : "DIFFERENT FROM", auditBytes / (double) outcome.acknowledged().size());
            outcome.problems().stream().limit(10).forEach(System.out::println);
            if (!equal || !outcome.problems().isEmpty()) {
                System.exit(1);
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static long auditBytes() throws Exception {
        try (Connection c = BenchApp.database(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select pg_total_relation_size('audit_events')")) {
            r.next();
            return r.getLong(1);
        }
    }
}
