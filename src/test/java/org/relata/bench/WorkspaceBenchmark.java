package org.relata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

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
    static final int EDITS = 30;

    @Inject
    DataSource dataSource;

    @Inject
    Db db;

    @Inject
    DemoLoader demo;

    record Case(String name, int textBytes, int spans, int relations) {
    }

    record Result(Case c, int textChars, double[] open, double[] create, double[] delete, double[] fetch, double[] complete,
            double[] own) {
    }

    @Test
    void measure() throws Exception {
        loadBefore = loadAverage();
        screenshot();
        String user = Api.newUser("bench");
        long project = Api.newProject(user);
        List<Result> results = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            for (Case c : List.of(new Case("~100 KB, 5,000 spans, 1,500 relations", 100_000, 5_000, 1_500),
                    new Case("~400 KB, 20,000 spans, 5,000 relations", 400_000, 20_000, 5_000))) {
                String text = article(c.textBytes());
                long doc = db.document(project, "bench-" + c.spans(), text);
                fill(project, doc, user, text, c.spans(), c.relations());
                results.add(run(browser, user, doc, c, text.length()));
            }
        }
        write(results);
    }

    Result run(Browser browser, String user, long doc, Case c, int chars) {
        Page page = browser.loggedIn(user, Api.PASSWORD);
        double[] open = new double[RUNS];
        double[] fetch = new double[RUNS];
        double[] complete = new double[RUNS];
        double[] own = new double[RUNS];
        // one warm-up: the server's first answers include class loading and JIT
        for (int i = -1; i < RUNS; i++) {
            page.navigate("/documents/" + doc + "/annotate");
            page.waitForFunction("() => !!window.relataWorkspace");
            if (i >= 0) {
                open[i] = ((Number) page.evaluate("() => window.relataWorkspace.readyAt")).doubleValue();
                own[i] = open[i] - ((Number) page.evaluate(
                        "() => performance.getEntriesByName('relata-workspace-data')[0].startTime")).doubleValue();
                fetch[i] = ((Number) page.evaluate("""
                        () => Math.max(...performance.getEntriesByType('resource')
                            .filter(e => e.name.includes('/api/')).map(e => e.responseEnd))""")).doubleValue();
                System.out.println("breakdown " + c.spans() + ": " + page.evaluate("""
                        () => {
                          const n = performance.getEntriesByType('navigation')[0];
                          const api = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'))
                            .map(e => e.name.replace(/^.*\\/api\\//, '') + ' ' + e.startTime.toFixed(0) + '-' + e.responseEnd.toFixed(0)
                              + ' (' + e.transferSize + ' B)');
                          const mark = (m) => performance.getEntriesByName(m)[0]?.startTime.toFixed(0);
                          return `html ${n.responseStart.toFixed(0)}-${n.responseEnd.toFixed(0)} dcl ${n.domContentLoadedEventEnd.toFixed(0)} `
                            + `api [${api.join(', ')}] data ${mark('relata-workspace-data')} built ${mark('relata-workspace-built')} `
                            + `ready ${mark('relata-workspace-ready')}`;
                        }"""));
                page.waitForFunction("() => performance.getEntriesByName('relata-workspace-complete').length > 0");
                complete[i] = ((Number) page.evaluate(
                        "() => performance.getEntriesByName('relata-workspace-complete')[0].startTime")).doubleValue();
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Number>> edits = (Map<String, List<Number>>) page.evaluate("""
                async (n) => {
                  const w = window.relataWorkspace;
                  const doc = w.view.doc;
                  // words no span covers, from the middle of the document on
                  const covered = new Uint8Array(doc.text.length);
                  for (const s of w.store.spans.values()) covered.fill(1, s.s16, s.e16);
                  const free = [];
                  const re = /[A-Za-z]{4,}/g;
                  re.lastIndex = Math.floor(doc.text.length / 2);
                  let m;
                  while (free.length < n && (m = re.exec(doc.text))) {
                    if (!covered.subarray(m.index, m.index + m[0].length).some(x => x)) free.push([m.index, m.index + m[0].length]);
                  }
                  const create = [], del = [];
                  for (const [a, b] of free) {
                    // the edit's JavaScript plus the layout it causes (forced here, so that it is counted)
                    let t0 = performance.now();
                    const span = w.act.addSpan(a, b, 'COUNTRY');
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
                }""", EDITS);
        page.context().close();
        return new Result(c, chars, open, toArray(edits.get("create")), toArray(edits.get("del")), fetch, complete, own);
    }

    /** Paragraphs of news-like sentences, deterministic. */
    static String article(int bytes) {
        Random random = new Random(42);
        String[] names = { "North Korea", "China", "Russia", "Japan", "South Korea", "United States", "Ukraine",
                "Kim Jong Un", "Vladimir Putin", "Xi Jinping", "the United Nations", "the European Union", "Pyongyang",
                "Beijing", "Moscow", "Vladivostok", "the Security Council", "ASEAN" };
        String[] verbs = { "met", "criticised", "signed an agreement with", "sent a delegation to", "warned",
                "imposed sanctions on", "praised", "held talks with", "supplied equipment to", "accused" };
        String[] tails = { "on Monday", "after months of talks", "according to officials", "in a statement",
                "during the summit", "despite objections", "for the first time since 2019", "at the border" };
        StringBuilder sb = new StringBuilder("Benchmark article 😀 with generated news.\n");
        while (sb.length() < bytes) {
            int sentences = 4 + random.nextInt(5);
            for (int i = 0; i < sentences; i++) {
                sb.append(names[random.nextInt(names.length)]).append(' ').append(verbs[random.nextInt(verbs.length)])
                        .append(' ').append(names[random.nextInt(names.length)]).append(' ')
                        .append(tails[random.nextInt(tails.length)]).append(i + 1 < sentences ? ". " : ".\n");
            }
        }
        return sb.toString();
    }

    /** Spans on every other word or so (some nested, stacking), relations between near spans; one layer of {@code user}. */
    void fill(long project, long doc, String user, String text, int spanCount, int relationCount) throws SQLException {
        List<int[]> words = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("[A-Za-z]+").matcher(text);
        while (m.find()) {
            words.add(new int[] { text.codePointCount(0, m.start()), text.codePointCount(0, m.end()) });
        }
        int step = Math.max(1, words.size() / (spanCount * 9 / 10));
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + 2 < words.size() && spans.size() < spanCount; i += step) {
            spans.add(new int[] { words.get(i)[0], words.get(i)[1], spans.size() % 3 });
            if (spans.size() % 9 == 0 && spans.size() < spanCount) {
                spans.add(new int[] { words.get(i)[0], words.get(i + 2)[1], 2 });
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long userId = single(c, "select id from users where username = ?", user);
            long[] types = new long[3];
            String[] names = { "COUNTRY", "PERSON", "ORGANIZATION" };
            for (int i = 0; i < 3; i++) {
                types[i] = single(c, "select id from entity_types where project_id = ? and name = ?", project, names[i]);
            }
            long ally = single(c, "select id from relation_types where project_id = ? and name = 'ALLY_OF'", project);
            long leader = single(c, "select id from relation_types where project_id = ? and name = 'LEADER_OF'", project);
            long layer = single(c, """
                    insert into annotation_layers (document_id, doc_length, owner_kind, user_id, status)
                    values (?, ?, 'USER', ?, 'IN_PROGRESS') returning id""", doc, text.codePointCount(0, text.length()), userId);
            long[] spanIds = new long[spans.size()];
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id)
                    values (?, ?, ?, ?, ?)""", new String[] { "id" })) {
                for (int[] s : spans) {
                    ps.setLong(1, layer);
                    ps.setInt(2, text.codePointCount(0, text.length()));
                    ps.setInt(3, s[0]);
                    ps.setInt(4, s[1]);
                    ps.setLong(5, types[s[2]]);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (int i = 0; keys.next(); i++) {
                        spanIds[i] = keys.getLong(1);
                    }
                }
            }
            Random random = new Random(7);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into relations (layer_id, head_span_id, tail_span_id, relation_type_id) values (?, ?, ?, ?)""")) {
                int stride = Math.max(1, spans.size() / relationCount);
                for (int r = 0; r < relationCount; r++) {
                    int head = Math.min(spans.size() - 6, r * stride);
                    int tail = head + 1 + random.nextInt(5);
                    ps.setLong(1, layer);
                    ps.setLong(2, spanIds[head]);
                    ps.setLong(3, spanIds[tail]);
                    ps.setLong(4, r % 2 == 0 ? ally : leader);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
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
        s.append("| document | open: navigation → interactive, median (min–max) | API answers in | of that, the workspace's own work | ")
                .append("all marks drawn (background) | create one span, median (max) | delete one span, median (max) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s (%,d characters) | **%.0f ms** (%.0f–%.0f) | %.0f ms | %.0f ms | %.0f ms | **%.1f ms** (%.1f) | **%.1f ms** (%.1f) |%n",
                    r.c().name(), r.textChars(), median(r.open()), min(r.open()), max(r.open()), median(r.fetch()),
                    median(r.own()),
                    median(r.complete()),
                    median(r.create()), max(r.create()), median(r.delete()), max(r.delete())));
        }
        s.append("""

                - *Navigation → interactive*: `performance.now()` (relative to the navigation's start) in the first task
                  after the first frame of the workspace (`relata-workspace-ready`): page, scripts, the four API calls
                  (document, project with schema, layer, queue: each sent once, whole, requested by `<link rel=preload>`
                  while the page loads), building the text, stacking, one layout pass to read all positions, writing
                  marks and arcs, and that frame's style, layout and paint. Median of %d navigations after one warm-up.
                  *API answers in*: when the last of the four answers has arrived (the server's share and the page load
                  before it). *The workspace's own work*: from the answers' arrival to interactive — the part this
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
                The benchmark is `src/test/java/org/relata/annotation/WorkspaceBenchmark.java`; the documents are
                generated news-like text, the annotations are written by direct SQL.
                """.formatted(RUNS, EDITS));
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
