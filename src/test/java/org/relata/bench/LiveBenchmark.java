package org.relata.bench;

import static org.relata.bench.BenchApp.request;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;

import org.relata.testsupport.Browser;

/**
 * Not a test: live update latency (issue 11). Starts the packaged application (-Xmx128m, by
 * {@link BenchApp}), opens 50 server-sent event streams on one document (as 50 open workspace pages do) and
 * one workspace page in headless Chromium, then saves 200 spans one after another through the API. For each save it
 * records when each stream received the change's event and when the page's DOM showed the new span, measured from
 * the moment the save request was sent (so the figure is an upper bound of "commit → event": it includes the save's
 * own work before its commit). Run with
 * {@code ./mvnw -Pbench verify -Dbench.main=org.relata.bench.LiveBenchmark -Dbench.sizes=50} (arguments: streams,
 * then saves, default 200). Figures go to docs/benchmarks.md.
 */
public final class LiveBenchmark {

    /** Readers tell the saving thread that an event arrived (waiting, not spinning: 2 cores). */
    private static final Object ARRIVED = new Object();
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    private LiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int saves = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Process app = BenchApp.startPackagedApp();
        List<Thread> readers = new ArrayList<>();
        List<InputStream> bodies = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            HttpClient http = BenchApp.readyClient(app);
            BenchApp.auth = "Bearer " + BenchApp.createToken(http);
            long project = BenchApp.createProject(http);
            String text = "word ".repeat(Math.max(saves, 10) + 10);
            send(http, "/api/projects/" + project + "/import?format=jsonl", "POST",
                    "{\"id\":\"live\",\"text\":\"" + text + "\"}\n", 200);
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(
                    send(http, "/api/projects/" + project + "/documents", "GET", null, 200));
            id.find();
            long doc = Long.parseLong(id.group(1));

            // received[s][v]: nanoTime when stream s got version v
            List<Map<Long, Long>> received = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                Map<Long, Long> times = new ConcurrentHashMap<>();
                received.add(times);
                HttpResponse<InputStream> response = http.send(request("/api/documents/" + doc + "/events")
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                bodies.add(response.body());
                Thread reader = new Thread(() -> read(response.body(), times), "stream-" + s);
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }

            Page page = browser.loggedIn(BenchApp.baseUrl(), "admin",
                    BenchApp.ADMIN_PASSWORD);
            page.navigate("/documents/" + doc + "/annotate");
            page.waitForFunction("() => !!window.relataWorkspace && document.getElementById('ws-live').dataset.state === 'live'");
            // When the DOM first shows each number of spans, in epoch milliseconds (microsecond resolution).
            page.evaluate("""
                    () => {
                      window.benchShown = {};
                      const store = window.relataWorkspace.store;
                      new MutationObserver(() => {
                        const n = store.spans.size;
                        if (!(n in window.benchShown)) window.benchShown[n] = performance.timeOrigin + performance.now();
                      }).observe(document.getElementById('ws-doc'), { childList: true, subtree: true });
                    }""");

            double[] sentAt = new double[saves + 1];
            long[] sentNanos = new long[saves + 1];
            double[] writeMs = new double[saves + 1];
            for (int v = 1; v <= saves; v++) {
                long version = v;
                Instant now = Instant.now();
                sentAt[v] = now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
                sentNanos[v] = System.nanoTime();
                send(http, "/api/documents/" + doc + "/layers/me/spans", "POST",
                        "{\"start\":" + (v - 1) * 5 + ",\"end\":" + ((v - 1) * 5 + 4) + ",\"label\":\"COUNTRY\"}", 201);
                writeMs[v] = (System.nanoTime() - sentNanos[v]) / 1e6;
                long deadline = System.currentTimeMillis() + 10_000;
                synchronized (ARRIVED) {
                    while (received.stream().anyMatch(m -> !m.containsKey(version))
                            && System.currentTimeMillis() < deadline) {
                        ARRIVED.wait(100);
                    }
                }
                page.waitForFunction("(n) => n in window.benchShown", v);
            }

            List<Double> eventMs = new ArrayList<>();
            List<Double> afterAnswerMs = new ArrayList<>();
            int missing = 0;
            for (Map<Long, Long> times : received) {
                for (int v = 1; v <= saves; v++) {
                    Long at = times.get((long) v);
                    if (at == null) {
                        missing++;
                    } else {
                        eventMs.add((at - sentNanos[v]) / 1e6);
                        afterAnswerMs.add((at - sentNanos[v]) / 1e6 - writeMs[v]);
                    }
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Number> shown = (Map<String, Number>) page.evaluate("() => window.benchShown");
            List<Double> screenMs = new ArrayList<>();
            for (int v = 1; v <= saves; v++) {
                Number at = shown.get(Integer.toString(v));
                if (at != null) {
                    screenMs.add(at.doubleValue() - sentAt[v]);
                }
            }
            double[] e = sorted(eventMs);
            double[] a = sorted(afterAnswerMs);
            double[] p = sorted(screenMs);
            double[] w = sorted(Arrays.stream(writeMs, 1, saves + 1).boxed().toList());
            System.out.println("| streams on one document | saves | save answered (median / p99) "
                    + "| event received (median / p99 / max) | event after the save's answer (median / p99) "
                    + "| page shows it (median / p99) | events missing | load |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %d + 1 page | %d | %.1f / %.1f ms | %.1f / %.1f / %.1f ms | %.1f / %.1f ms "
                    + "| %.1f / %.1f ms | %d | %.1f |%n",
                    streams, saves, pct(w, 50), pct(w, 99), pct(e, 50), pct(e, 99), e[e.length - 1], pct(a, 50), pct(a, 99),
                    pct(p, 50), pct(p, 99),
                    missing, BenchApp.loadAverage());
        } finally {
            for (InputStream body : bodies) {
                try {
                    body.close();
                } catch (java.io.IOException ignored) {
                    // closing anyway
                }
            }
            app.destroy();
            app.waitFor();
        }
    }

    private static void read(InputStream body, Map<Long, Long> times) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean layer = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    layer = line.substring(6).trim().equals("layer");
                } else if (layer && line.startsWith("data:")) {
                    long now = System.nanoTime();
                    Matcher m = VERSION.matcher(line);
                    if (m.find()) {
                        times.putIfAbsent(Long.parseLong(m.group(1)), now);
                        synchronized (ARRIVED) {
                            ARRIVED.notifyAll();
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            // the benchmark closed the stream
        }
    }

    private static String send(HttpClient http, String path, String method, String body, int expected) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type",
                path.contains("/import") ? "application/x-ndjson" : "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
