package org.relata.bench;

import static org.relata.bench.BenchApp.request;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: times the managers' document list (GET /api/projects/{id}/documents, 50 a page) on a project of
 * 100,000 documents whose annotator has a layer on two in three of them (status and last change varied), against
 * the packaged application started with -Xmx128m by {@link BenchApp}. For each sort: the first page,
 * then 20 pages read through the after= cursor from the middle of the list, and for comparison the same depth
 * through page= (offset). Run with
 * {@code ./mvnw -Pbench verify -Dbench.main=org.relata.bench.DocumentListBenchmark -Dbench.sizes=100000}.
 * Figures go to docs/benchmarks.md.
 */
public final class DocumentListBenchmark {

    static final int SIZE = 50;
    static final int PAGES = 20;
    static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    static final String DOCUMENTS = """
            insert into documents (project_id, external_id, text, length)
            select ?, 'doc-' || lpad(((i * 7919) % ?)::text, 7, '0'), repeat('a', (20 + (i * 37) % 900)::int),
                   (20 + (i * 37) % 900)::int
              from generate_series(0, ? - 1) i""";

    static final String LAYERS = """
            insert into annotation_layers (document_id, doc_length, owner_kind, user_id, status, version, updated_at)
            select d.id, d.length, 'USER', u.id,
                   case d.id % 3 when 0 then 'DONE' else 'IN_PROGRESS' end, 1,
                   now() - make_interval(mins => (d.id * 13 % 100000)::int)
              from documents d cross join users u
             where d.project_id = ? and u.username = 'bench-0' and d.id % 3 <> 2""";

    private DocumentListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Process app = BenchApp.startPackagedApp();
        try {
            HttpClient http = BenchApp.readyClient(app);
            long project = BenchApp.createProject(http);
            DashboardBenchmark.send(http, "/api/users", "POST",
                    "{\"username\":\"bench-0\",\"password\":\"bench-password-1\",\"admin\":false}", 201);
            DashboardBenchmark.send(http, "/api/projects/" + project + "/members/bench-0", "PUT",
                    "{\"role\":\"ANNOTATOR\"}", 200);
            fill(project, documents);
            String base = "/api/projects/" + project + "/documents?size=" + SIZE + "&owner=bench-0&sort=";
            System.out.println("| sort | first page | keyset page from the middle, median (max) of " + PAGES
                    + " | offset page at the same depth |");
            System.out.println("|---|---|---|---|");
            for (String sort : List.of("id", "name", "-length", "status", "-changed", "name&status=DONE")) {
                String query = base + sort;
                Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(get(http, query));
                int matching = total.find() ? Integer.parseInt(total.group(1)) : documents;
                double first = timed(http, query);
                String middle = cursorAt(http, query, matching / 2);
                List<Double> keyset = new ArrayList<>();
                String after = middle;
                for (int i = 0; i < PAGES && after != null; i++) {
                    long start = System.nanoTime();
                    String body = get(http, query + "&after=" + after);
                    keyset.add((System.nanoTime() - start) / 1e6);
                    after = next(body);
                }
                double offset = timed(http, query + "&page=" + (matching / 2 / SIZE));
                keyset.sort(Double::compare);
                System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms (%.0f) | %.0f ms |%n", sort.replace("&", " & "),
                        first, keyset.get(keyset.size() / 2), keyset.get(keyset.size() - 1), offset);
            }
            System.out.printf(Locale.ROOT, "load average %.1f%n",
                    BenchApp.loadAverage());
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    static void fill(long project, int documents) throws Exception {
        try (Connection c = BenchApp.database()) {
            DashboardBenchmark.run(c, DOCUMENTS, project, documents, documents);
            DashboardBenchmark.run(c, LAYERS, project);
            // What autovacuum does soon after a bulk load: statistics, and the visibility map for index-only counts.
            c.createStatement().execute("vacuum analyze");
        }
    }

    /** The cursor after the first {@code depth} documents, read 1,000 at a time (not timed). */
    static String cursorAt(HttpClient http, String query, int depth) throws Exception {
        String after = null;
        for (int read = 0; read < depth; read += 1000) {
            String bulk = query.replace("size=" + SIZE, "size=" + Math.min(1000, depth - read));
            after = next(get(http, bulk + (after == null ? "" : "&after=" + after)));
            if (after == null) {
                break;
            }
        }
        return after;
    }

    static double timed(HttpClient http, String path) throws Exception {
        long start = System.nanoTime();
        get(http, path);
        return (System.nanoTime() - start) / 1e6;
    }

    static String get(HttpClient http, String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String next(String body) {
        Matcher m = NEXT.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
