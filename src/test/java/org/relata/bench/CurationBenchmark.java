package org.relata.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.Page;

import org.relata.testsupport.Browser;

/**
 * Not a test: opening the curation view (issue 11) of one document of 120,000 characters in paragraphs of 460
 * (the view draws a paragraph at a time, the screen's first) annotated by 3 annotators
 * with 5,000 spans each (they differ on about one span in ten, so there are disagreements to show), against the
 * packaged application started with -Xmx128m by {@link BenchApp}. Measures the first POST .../curation/
 * start (pre-accepting what all three agree on into gold), GET /api/documents/{id}/curation (median of 10) and the
 * page in headless Chromium from navigation to the view being ready to use ({@code data-ready}, median of 5).
 * Run with {@code ./mvnw -Pbench verify -Dbench.main=org.relata.bench.CurationBenchmark -Dbench.sizes=5000}
 * (argument: spans per annotator). Figures go to docs/benchmarks.md.
 */
public final class CurationBenchmark {

    static final int ANNOTATORS = 3;
    static final int LENGTH = 120_000;

    static final String DOCUMENT = """
            insert into documents (project_id, external_id, text, length)
            values (?, 'long-article', left(repeat(repeat('alpha beta gamma delta ', 19) || 'alpha beta gamma delta'
                    || chr(10), 261), 120000), 120000)""";

    static final String LAYERS = """
            insert into annotation_layers (document_id, doc_length, owner_kind, user_id, status, version)
            select d.id, 120000, 'USER', u.id, 'DONE', 1 from documents d cross join users u
             where d.project_id = ? and u.username like 'bench-%'""";

    /** k-th span at 23·k; one in ten a code point longer, depending on the annotator. */
    static final String SPANS = """
            insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id)
            select l.id, 120000, k * 23, k * 23 + 5 + case when (k * 7 + l.user_id) % 10 = 0 then 1 else 0 end,
                   (select t.id from entity_types t where t.project_id = d.project_id order by t.id offset (k % 8) limit 1)
              from annotation_layers l join documents d on d.id = l.document_id cross join generate_series(0, ? - 1) k
             where d.project_id = ?""";

    private CurationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int spans = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Process app = BenchApp.startPackagedApp();
        try {
            HttpClient http = BenchApp.readyClient(app);
            long project = BenchApp.createProject(http);
            for (int a = 0; a < ANNOTATORS; a++) {
                String user = "bench-" + a;
                DashboardBenchmark.send(http, "/api/users", "POST",
                        "{\"username\":\"" + user + "\",\"password\":\"bench-password-1\",\"admin\":false}", 201);
                DashboardBenchmark.send(http, "/api/projects/" + project + "/members/" + user, "PUT",
                        "{\"role\":\"ANNOTATOR\"}", 200);
            }
            long document;
            try (Connection c = BenchApp.database()) {
                DashboardBenchmark.run(c, DOCUMENT, project);
                DashboardBenchmark.run(c, LAYERS, project);
                DashboardBenchmark.run(c, SPANS, spans, project);
                c.createStatement().execute("vacuum analyze");
                var rows = c.createStatement().executeQuery("select id from documents where external_id = 'long-article'");
                rows.next();
                document = rows.getLong(1);
            }
            String api = "/api/documents/" + document + "/curation";
            long start = System.nanoTime();
            DashboardBenchmark.send(http, api + "/start", "POST", "{}", 200);
            double startMs = (System.nanoTime() - start) / 1e6;
            double[] view = DashboardBenchmark.times(http, api);
            List<Double> page = new ArrayList<>();
            List<Double> listed = new ArrayList<>();
            try (Browser browser = Browser.start()) {
                Page tab = browser.loggedIn(BenchApp.baseUrl(), "admin",
                        BenchApp.ADMIN_PASSWORD);
                com.microsoft.playwright.CDPSession cdp = tab.context().newCDPSession(tab);
                cdp.send("Profiler.enable");
                for (int i = 0; i < 6; i++) {
                    if (i == 5 && Boolean.getBoolean("bench.profile")) {
                        cdp.send("Profiler.start");
                    }
                    if (i == 5 && Boolean.getBoolean("bench.trace")) {
                        // A Chromium timeline of the last opening (parse, style, layout, paint, scripts).
                        tab.context().browser().startTracing(tab, new com.microsoft.playwright.Browser
                                .StartTracingOptions().setPath(Path.of("target/curation-trace.json")));
                    }
                    long t0 = System.nanoTime();
                    tab.navigate("/documents/" + document + "/curate");
                    tab.waitForSelector("#curation[data-ready=true]",
                            new Page.WaitForSelectorOptions().setTimeout(60_000));
                    if (i > 0) {
                        page.add((System.nanoTime() - t0) / 1e6);
                    }
                    if (i == 5 && Boolean.getBoolean("bench.trace")) {
                        tab.context().browser().stopTracing();
                    }
                    // The side list of every annotation follows once the document is on screen; the next
                    // navigation waits for it, so that no run pays for the previous page's unfinished work.
                    tab.waitForSelector("#curation[data-listed=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
                    if (i > 0) {
                        listed.add((System.nanoTime() - t0) / 1e6);
                    }
                    if (i == 5 && Boolean.getBoolean("bench.profile")) {
                        Files.writeString(Path.of("target/curation-profile.json"),
                                cdp.send("Profiler.stop").toString());
                    }
                    if (i == 5) {
                        // Where the time goes: the API answers (end, relative to navigation start) and readiness.
                        System.err.println(tab.evaluate("() => JSON.stringify({ready: performance.now(), page: "
                                + "(({responseStart, responseEnd, domInteractive}) => [responseStart, responseEnd, "
                                + "domInteractive].map(Math.round))(performance.getEntriesByType('navigation')[0]), marks: "
                                + "performance.getEntriesByType('mark').map(m => m.name + ' ' + Math.round(m.startTime)), api: "
                                + "performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'))"
                                + ".map(e => [e.name.replace(/.*\\/api\\//, ''), Math.round(e.startTime), "
                                + "Math.round(e.responseEnd)])})"));
                    }
                }
            }
            page.sort(Double::compare);
            listed.sort(Double::compare);
            System.out.println("| annotators × spans | first start (pre-accept into gold) | GET curation (median of 10) "
                    + "| page ready in Chromium (median of 5, max) | side list shown (median) | load |");
            System.out.println("|---|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %d × %,d | %.0f ms | %.0f ms | %.0f ms (%.0f) | %.0f ms | %.1f |%n",
                    ANNOTATORS, spans, startMs, DashboardBenchmark.median(view) * 1000, page.get(page.size() / 2),
                    page.get(page.size() - 1), listed.get(listed.size() / 2),
                    BenchApp.loadAverage());
        } finally {
            app.destroy();
            app.waitFor();
        }
    }
}
