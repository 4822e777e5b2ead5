package org.relata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.demo.DemoLoader;
import org.relata.project.Project;
import org.relata.testsupport.Api;
import org.relata.testsupport.Browser;
import org.relata.testsupport.Db;

import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Not a test: the workspace benchmark (Maven profile {@code bench-ui}). Builds large documents by direct SQL, opens
 * them in headless Chromium and times navigation → interactive and single-span edits, then writes the figures to
 * the "Workspace" section of docs/benchmarks.md. Also takes the README's screenshot of the demo article.
 */
@QuarkusTest
class WorkspaceBenchmark {

    static final int RUNS = 7;
    /**
     * Untimed openings first: a server that has run a while has compiled its page and API paths; with one warm-up
     * the server's answers were still interpreted code (37-65 ms for a page it serves in 4 ms when warm), and that
     * was most of a small document's opening. {@code -Dbench.warmup=1} shows the first openings after a start.
     */
    static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    static final int EDITS = 30;

    @Inject
    DataSource dataSource;

    @Inject
    Db db;

    @Inject
    DemoLoader demo;

    /** One document to open; {@code corpus} ones come from the brat corpus, the others are generated. */
    record Case(String key, String name, int textBytes, int spans, int relations, String label) {
    }

    static final List<Case> CASES = List.of(
            new Case("small", "~2.5 KB, 111 spans, 30 relations (small document)", 2_500, 111, 30, "COUNTRY"),
            new Case("corpus", "brat corpus `harbour`: 344 spans, 329 relations (real corpus)", 0, 344, 329, "NOUN"),
            new Case("5000", "~100 KB, 5,000 spans, 1,500 relations", 100_000, 5_000, 1_500, "COUNTRY"),
            new Case("20000", "~400 KB, 20,000 spans, 5,000 relations", 400_000, 20_000, 5_000, "COUNTRY"));

    record Result(Case c, int textChars, double[] open, double[] create, double[] delete, double[] fetch, double[] complete,
            double[] own) {
    }

    /** {@code -Dbench.cases=small,corpus} times only those (and leaves docs/ alone); by default all of them. */
    @Test
    void measure() throws Exception {
        loadBefore = loadAverage();
        String only = System.getProperty("bench.cases", "");
        if (only.isBlank()) {
            screenshot();
        }
        String user = Api.newUser("bench");
        long project = Api.newProject(user);
        List<Result> results = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            for (Case c : CASES) {
                if (!only.isBlank() && !List.of(only.split(",")).contains(c.key())) {
                    continue;
                }
                long doc;
                String text;
                if (c.textBytes() == 0) {
                    long corpus = WorkspaceBenchData.importCorpus(user);
                    doc = ((Number) db.column("select id from documents where project_id = ?1 and external_id = 'harbour'",
                            corpus).get(0)).longValue();
                    text = (String) db.column("select text from documents where id = ?1", doc).get(0);
                } else {
                    text = WorkspaceBenchData.article(c.textBytes());
                    doc = db.document(project, "bench-" + c.key(), text);
                    WorkspaceBenchData.fill(dataSource, project, doc, user, text, c.spans(), c.relations());
                }
                results.add(run(browser, user, doc, c, text.length()));
            }
        }
        if (only.isBlank()) {
            write(results);
        } else {
            System.out.println(table(results));
        }
    }

    Result run(Browser browser, String user, long doc, Case c, int chars) {
        Page page = browser.loggedIn(user, Api.PASSWORD);
        double[] open = new double[RUNS];
        double[] fetch = new double[RUNS];
        double[] complete = new double[RUNS];
        double[] own = new double[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            boolean trace = i == RUNS - 1 && Boolean.getBoolean("bench.trace");
            if (trace) {
                // A Chromium timeline of the last opening (parse, scripts, style, layout, paint).
                page.context().browser().startTracing(page, new com.microsoft.playwright.Browser.StartTracingOptions()
                        .setPath(Path.of("target/workspace-trace-" + c.key() + ".json")).setScreenshots(false)
                        .setCategories(List.of("devtools.timeline", "disabled-by-default-devtools.timeline",
                                "disabled-by-default-devtools.timeline.stack", "disabled-by-default-v8.cpu_profiler",
                                "disabled-by-default-devtools.timeline.invalidationTracking", "v8.execute", "blink.user_timing",
                                "loading")));
            }
            page.navigate("/documents/" + doc + "/annotate");
            page.waitForFunction("() => !!window.relataWorkspace");
            if (trace) {
                page.context().browser().stopTracing();
            }
            if (i >= 0) {
                open[i] = ((Number) page.evaluate("() => window.relataWorkspace.readyAt")).doubleValue();
                own[i] = open[i] - ((Number) page.evaluate(
                        "() => performance.getEntriesByName('relata-workspace-data')[0].startTime")).doubleValue();
                fetch[i] = ((Number) page.evaluate("""
                        () => Math.max(performance.getEntriesByType('navigation')[0].responseEnd, ...performance.getEntriesByType('resource')
                            .filter(e => e.name.includes('/api/') && e.startTime < performance.getEntriesByName('relata-workspace-data')[0].startTime)
                            .map(e => e.responseEnd))""")).doubleValue();
                System.out.println("breakdown " + c.key() + ": " + page.evaluate("""
                        () => {
                          const n = performance.getEntriesByType('navigation')[0];
                          const api = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'))
                            .map(e => e.name.replace(/^.*\\/api\\//, '') + ' ' + e.startTime.toFixed(0) + '-' + e.responseEnd.toFixed(0)
                              + ' (' + e.transferSize + ' B)');
                          const mark = (m) => performance.getEntriesByName(m)[0]?.startTime.toFixed(0);
                          const js = performance.getEntriesByType('resource').filter(e => /\\.(js|css)$/.test(e.name));
                          const assets = `assets ${js.length} (${js.filter(e => e.transferSize > 0).length} from the network, `
                            + `last ${Math.max(0, ...js.map(e => e.responseEnd)).toFixed(0)})`;
                          return `html ${n.responseStart.toFixed(0)}-${n.responseEnd.toFixed(0)} unload ${n.unloadEventStart.toFixed(0)} ${assets} dcl ${n.domContentLoadedEventEnd.toFixed(0)} `
                            + `api [${api.join(', ')}] data ${mark('relata-workspace-data')} built ${mark('relata-workspace-built')} `
                            + `ready ${mark('relata-workspace-ready')}`;
                        }"""));
                // background drawing waits for idle time, which a loaded machine has little of
                page.waitForFunction("() => performance.getEntriesByName('relata-workspace-complete').length > 0", null,
                        new Page.WaitForFunctionOptions().setTimeout(180_000));
                complete[i] = ((Number) page.evaluate(
                        "() => performance.getEntriesByName('relata-workspace-complete')[0].startTime")).doubleValue();
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Number>> edits = (Map<String, List<Number>>) page.evaluate("""
                async ([n, label]) => {
                  const w = window.relataWorkspace;
                  const doc = w.view.doc;
                  // words no span covers, from the middle of the document on
                  const covered = new Uint8Array(doc.text.length);
                  for (const s of w.store.spans.values()) covered.fill(1, s.s16, s.e16);
                  const free = [];
                  const re = /[A-Za-z]{4,}/g;
                  re.lastIndex = Math.floor(doc.text.length / 2);
                  let m;
                  const any = [];
                  while (free.length < n && (m = re.exec(doc.text))) {
                    const word = [m.index, m.index + m[0].length];
                    if (!covered.subarray(word[0], word[1]).some(x => x)) free.push(word);
                    else if (any.length < n) any.push(word);
                  }
                  // a corpus with every word annotated: new spans stack on labelled words
                  if (free.length < n) free.push(...any.slice(0, n - free.length));
                  const create = [], del = [];
                  for (const [a, b] of free) {
                    // the edit's JavaScript plus the layout it causes (forced here, so that it is counted)
                    let t0 = performance.now();
                    const span = w.act.addSpan(a, b, label);
                    document.body.offsetHeight;
                    create.push(performance.now() - t0);
                    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                    t0 = performance.now();
                    w.act.deleteSpan(span);
                    document.body.offsetHeight;
                    del.push(performance.now() - t0);
                    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                  }
                  await new Promise(r => { const check = () => w.saver.pending === 0 ? r() : setTimeout(check, 50); check(); });
                  return { create, del };
                }""", List.of(EDITS, c.label()));
        page.context().close();
        return new Result(c, chars, open, toArray(edits.get("create")), toArray(edits.get("del")), fetch, complete, own);
    }

    /** The README's picture: the demo article with nested spans and arcs, one across paragraphs. */
    void screenshot() throws IOException {
        demo.load();
        long project = Project.byName(DemoLoader.PROJECT_NAME).id;
        long doc = ((Number) db.column("select id from documents where project_id = ?1 and external_id = 'summit-vladivostok'",
                project).get(0)).longValue();
        String text = (String) db.column("select text from documents where id = ?1", doc).get(0);
        String admin = Api.ADMIN;
        Map<String, Long> ids = new java.util.HashMap<>();
        String[][] spans = { { "Vladivostok Summit", "EVENT" }, { "Vladivostok between", "COUNTRY", "Vladivostok" },
                { "Russia and", "COUNTRY", "Russia" }, { "North Korea ended", "COUNTRY", "North Korea" },
                { "United States Department of State", "ORGANIZATION" }, { "United States Department", "COUNTRY", "United States" },
                { "Russia is", "COUNTRY", "Russia" }, { "to North Korea", "COUNTRY", "North Korea" },
                { "Pyongyang continues", "COUNTRY", "Pyongyang" }, { "Ukraine", "COUNTRY" },
                { "European Union", "ORGANIZATION" }, { "North Korean shipping firms", "ORGANIZATION" },
                { "Japan", "COUNTRY" }, { "South Korea", "COUNTRY" }, { "Andrei Volkov", "PERSON" },
                { "Pyongyang a week", "COUNTRY", "Pyongyang" } };
        for (String[] s : spans) {
            int base = text.indexOf(s[0]);
            String phrase = s.length > 2 ? s[2] : s[0];
            int start = text.codePointCount(0, text.indexOf(phrase, base));
            long id = ((Number) Api.asAdmin().body(Map.of("start", start, "end", start + phrase.codePointCount(0, phrase.length()),
                    "label", s[1])).post("/api/documents/" + doc + "/layers/me/spans").then().statusCode(201)
                    .extract().path("id")).longValue();
            ids.put(s[0], id);
        }
        String[][] relations = { { "Russia and", "North Korea ended", "ALLY_OF" },
                { "Russia is", "to North Korea", "SUPPLIES_WEAPONS_TO" }, { "Pyongyang continues", "Russia is", "SUPPLIES_WEAPONS_TO" },
                { "European Union", "North Korean shipping firms", "SANCTIONS" }, { "Japan", "South Korea", "ALLY_OF" },
                { "Andrei Volkov", "Pyongyang a week", "VISITED" }, { "Andrei Volkov", "Vladivostok Summit", "VISITED" } };
        for (String[] r : relations) {
            Api.asAdmin().body(Map.of("head", ids.get(r[0]), "tail", ids.get(r[1]), "label", r[2]))
                    .post("/api/documents/" + doc + "/layers/me/relations").then().statusCode(201);
        }
        try (Browser browser = Browser.start()) {
            Page page = browser.loggedIn(admin, Api.ADMIN_PASSWORD);
            page.setViewportSize(1280, 760);
            page.navigate("/documents/" + doc + "/annotate");
            page.waitForFunction("() => !!window.relataWorkspace");
            page.mouse().move(1, 1);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs/workspace.png")));
            page.context().close();
        }
    }

    void write(List<Result> results) throws IOException {
        StringBuilder s = new StringBuilder("## Workspace\n\n");
        s.append("Opening a document in the annotation workspace and editing it, in headless Chromium (Debian's ")
                .append("`/usr/bin/chromium`, 1280×900) against the test server and PostgreSQL on the same machine: ")
                .append("2 cores, 24 GiB, Debian. Measured ").append(java.time.LocalDate.now())
                .append(", load average while measuring ").append(loadBefore).append(" → ").append(loadAverage())
                .append(" (the load of other work on the machine shows in every figure, hence the ranges).\n\n");
        s.append(table(results));
        s.append("""

                - *Navigation → interactive*: `performance.now()` (relative to the navigation's start) in the first task
                  after the first frame of the workspace (`relata-workspace-ready`): the page, which carries the
                  document, the project with its schema, the layer and the queue as inline JSON (issue 14; before, four
                  API calls), its modules (from the browser's cache after the first visit: `/assets/<hash>/`, immutable),
                  building the text, stacking, one layout pass to read all positions, writing marks and arcs, and that
                  frame's style, layout and paint. Median of %d navigations after %d untimed ones (the same browser, so
                  the modules are cached as for anyone who opened a document before, and a server that has compiled
                  the page's paths, as one does after a few minutes of use).
                  *Data in*: when the page (or the last API answer the workspace waited for) has arrived. *The workspace's own work*: from the answers' arrival to interactive — the part this
                  page's code decides, and the part least moved by other load on the machine. *Interactive* means: the text of the whole document laid out at its
                  final height, and every mark and arc of the screen (and one screen above and below) drawn, with the
                  keyboard and mouse handlers in place. Blocks further away are drawn in idle time (and at once when
                  scrolled to): *all marks drawn* is when the last of them is.
                - *Create / delete one span*: the workspace's own edit action (the same the menu and Delete key call) plus
                  the style and layout it causes (forced with a read of `offsetHeight`), in the middle of the document;
                  %d of each. Saving goes on in the background and is not counted.
                - Targets (issue 3): open ≤ 350 ms for 5,000 spans / 1,500 relations, ≤ 1.5 s for 20,000 / 5,000;
                  one edit ≤ 50 ms.

                Rerun (takes a few minutes; rewrites this section and `docs/workspace.png`):

                ```
                RELATA_TEST_DB_NAME=relata_bench ./mvnw -B verify -Pbench-ui
                ```
                The benchmark is `src/test/java/org/relata/bench/WorkspaceBenchmark.java`; the documents are
                generated news-like text whose annotations are written by direct SQL, and the brat corpus of
                `src/test/resources/bench/corpus` (written for the project), imported through the brat import.
                `-Dbench.cases=small,corpus` times only those cases and prints the table without touching docs/.
                """.formatted(RUNS, WARMUP, EDITS));
        Path file = Path.of("docs/benchmarks.md");
        String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        int at = current.indexOf("## Workspace\n");
        String updated;
        if (at < 0) {
            updated = current.stripTrailing() + "\n\n" + s;
        } else {
            int next = current.indexOf("\n## ", at + 1);
            updated = current.substring(0, at) + s + (next < 0 ? "" : "\n" + current.substring(next + 1));
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
        System.out.println(s);
    }

    static String table(List<Result> results) {
        StringBuilder s = new StringBuilder();
        s.append("| document | open: navigation → interactive, median (min–max) | data in | of that, the workspace's own work | ")
                .append("all marks drawn (background) | create one span, median (max) | delete one span, median (max) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s (%,d characters) | **%.0f ms** (%.0f–%.0f) | %.0f ms | %.0f ms | %.0f ms | **%.1f ms** (%.1f) | **%.1f ms** (%.1f) |%n",
                    r.c().name(), r.textChars(), median(r.open()), min(r.open()), max(r.open()), median(r.fetch()),
                    median(r.own()),
                    median(r.complete()),
                    median(r.create()), max(r.create()), median(r.delete()), max(r.delete())));
        }
        return s.toString();
    }

    String loadBefore;

    /** The one-minute load average: other work on the machine shows in every figure. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double[] toArray(List<Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
