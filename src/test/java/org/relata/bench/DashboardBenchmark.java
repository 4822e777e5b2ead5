package org.relata.bench;

import static org.relata.bench.BenchApp.request;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: times the team dashboard on a project of 10,000 documents × 3 annotators (each layer marked done, with
 * 20 spans and 8 relations; the annotators differ on about one span in ten), against the packaged application
 * started with -Xmx128m by {@link BenchApp}: GET /api/projects/{id}/progress, the progress page
 * /projects/{id}/progress (which also shows the pairwise agreement heat map) and GET /api/projects/{id}/agreement.
 * The first page view computes the agreement (reported on its own, "cold"); later views reuse it until a done layer
 * changes, so the steady state is the median of ten views. Run with
 * {@code ./mvnw -Pbench verify -Dbench.main=org.relata.bench.DashboardBenchmark -Dbench.sizes=10000} (arguments:
 * documents, then annotators, default 3).
 * Figures go to docs/benchmarks.md.
 */
public final class DashboardBenchmark {

    static final int VIEWS = 10;

    /** ~966 code points of words per document; ?1 project, ?2 documents. */
    static final String DOCUMENTS = """
            insert into documents (project_id, external_id, text, length)
            select ?, 'doc-' || lpad(i::text, 6, '0'), repeat('alpha beta gamma delta ', 42), 966
              from generate_series(0, ? - 1) i""";

    /** Every document to every member named bench-*, each layer DONE. */
    static final String LAYERS = """
            insert into assignments (document_id, user_id, project_id)
            select d.id, u.id, d.project_id from documents d cross join users u
             where d.project_id = ? and u.username like 'bench-%';
            insert into annotation_layers (document_id, doc_length, owner_kind, user_id, status, version)
            select a.document_id, 966, 'USER', a.user_id, 'DONE', 29 from assignments a where a.project_id = ?""";

    /** 20 spans a layer, 45 code points apart; one in ten a code point longer, depending on the annotator. */
    static final String SPANS = """
            insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id)
            select l.id, 966, k * 45, k * 45 + 5 + case when (l.document_id + k * 3 + l.user_id) % 10 = 0 then 1 else 0 end,
                   (select t.id from entity_types t where t.project_id = d.project_id order by t.id
                     offset (k % 8) limit 1)
              from annotation_layers l join documents d on d.id = l.document_id cross join generate_series(0, 19) k
             where d.project_id = ?""";

    /** 8 relations a layer, each between a span and the next one. */
    static final String RELATIONS = """
            with numbered as (
                select s.id, s.layer_id, row_number() over (partition by s.layer_id order by s.start_offset) n
                  from spans s join annotation_layers l on l.id = s.layer_id join documents d on d.id = l.document_id
                 where d.project_id = ?)
            insert into relations (layer_id, head_span_id, tail_span_id, relation_type_id)
            select h.layer_id, h.id, t.id,
                   (select r.id from relation_types r where r.project_id = ? order by r.id offset (h.n % 5) limit 1)
              from numbered h join numbered t on t.layer_id = h.layer_id and t.n = h.n + 1
             where h.n <= 8""";

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int annotators = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Process app = BenchApp.startPackagedApp();
        try {
            HttpClient http = BenchApp.readyClient(app);
            long project = BenchApp.createProject(http);
            for (int a = 0; a < annotators; a++) {
                String user = "bench-" + a;
                send(http, "/api/users", "POST",
                        "{\"username\":\"" + user + "\",\"password\":\"bench-password-1\",\"admin\":false}", 201);
                send(http, "/api/projects/" + project + "/members/" + user, "PUT", "{\"role\":\"ANNOTATOR\"}", 200);
            }
            long t0 = System.nanoTime();
            fill(project, documents);
            System.err.printf(Locale.ROOT, "filled %,d documents x %d annotators in %.1f s%n", documents, annotators,
                    (System.nanoTime() - t0) / 1e9);
            // The page is what managers open: Basic like a browser's session would be (the verified login is cached).
            double pageCold = time(http, "/projects/" + project + "/progress");
            double[] page = times(http, "/projects/" + project + "/progress");
            double progressCold = time(http, "/api/projects/" + project + "/progress");
            double[] progress = times(http, "/api/projects/" + project + "/progress");
            double[] agreement = times(http, "/api/projects/" + project + "/agreement");
            System.out.println("| documents × annotators | progress page (first view: computes agreement) "
                    + "| progress page (median of 10) | GET progress (first) | GET progress (median of 10) "
                    + "| GET agreement (kept, median of 10) | load |");
            System.out.println("|---|---|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %,d × %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.1f |%n",
                    documents, annotators, pageCold * 1000, median(page) * 1000, progressCold * 1000,
                    median(progress) * 1000, median(agreement) * 1000,
                    BenchApp.loadAverage());
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    static void fill(long project, int documents) throws Exception {
        try (Connection c = BenchApp.database()) {
            run(c, DOCUMENTS, project, documents);
            for (String statement : LAYERS.split(";")) {
                run(c, statement, project);
            }
            run(c, SPANS, project);
            run(c, RELATIONS, project, project);
            c.createStatement().execute("analyze");
        }
    }

    static void run(Connection c, String sql, long... parameters) throws Exception {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    static void send(HttpClient http, String path, String method, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(request(path).header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
    }

    static double time(HttpClient http, String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode());
        }
        System.err.printf(Locale.ROOT, "%s: %.0f ms, %,d bytes%n", path, seconds * 1000, response.body().length);
        return seconds;
    }

    static double[] times(HttpClient http, String path) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < VIEWS; i++) {
            times.add(time(http, path));
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
