package org.relata.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: measures, against the packaged application at -Xmx128m (as ExchangeBenchmark does), the project
 * archive both ways and a dataset release beside the plain export of the same data. Run with
 * {@code ./mvnw -o -Pbench verify -Dbench.main=org.relata.bench.ArchiveBenchmark -Dbench.sizes=20000} (see
 * docs/benchmarks.md). Per size: ExchangeBenchmark's generated project (N documents of ~2 KB, 50 spans and 10
 * relations each, one gold layer) is imported, then
 * <ul>
 * <li>plain JSONL export of gold, three times (the median of the last two is compared);</li>
 * <li>release creation (POST releases, jsonl of gold: the export written, gzip-compressed and stored with its
 * manifest), three times under new names (median of the last two);</li>
 * <li>archive download (GET archive, to a file), twice (the second is reported);</li>
 * <li>archive import (POST archive, from that file, a new project), once.</li>
 * </ul>
 * The used heap is sampled every 50 ms during each phase; its peak is printed.
 */
public final class ArchiveBenchmark {

    public static void main(String[] args) throws Exception {
        System.out.println("| documents | spans | export (median) | release (median) | release/export | peak heap export"
                + " / release | archive size | archive export | peak heap | archive import | peak heap | load |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int documents : BenchApp.sizes(args)) {
            run(documents);
        }
    }

    static void run(int documents) throws Exception {
        Path data = Files.createTempFile("relata-bench", ".jsonl");
        Path archive = Files.createTempFile("relata-bench-archive", ".zip");
        long[] counts = ExchangeBenchmark.generate(data, documents);
        Process app = BenchApp.startPackagedApp();
        try {
            HttpClient http = BenchApp.readyClient(app);
            BenchApp.auth = "Bearer " + BenchApp.createToken(http);
            long project = BenchApp.createProject(http);
            HttpResponse<String> imported = http.send(BenchApp.request("/api/projects/" + project
                    + "/import?format=jsonl").header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofFile(data)).build(), HttpResponse.BodyHandlers.ofString());
            check(imported, 200, "import");
            BenchApp.HeapSampler heap = new BenchApp.HeapSampler(http);

            heap.start();
            List<Double> exports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                exports.add(ExchangeBenchmark.export(http, project));
            }
            long exportHeap = heap.stop();

            heap.start();
            List<Double> releases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> created = http.send(BenchApp.request("/api/projects/" + project + "/releases")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"bench-" + i + "\",\"format\":\"jsonl\",\"source\":\"gold\",\"status\":\"any\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                releases.add((System.nanoTime() - t0) / 1e9);
                check(created, 201, "release");
            }
            long releaseHeap = heap.stop();

            if (!Boolean.parseBoolean(System.getProperty("bench.archive", "true"))) {
                // -Dbench.archive=false: only export against release, for quicker before/after comparisons.
                System.err.printf(Locale.ROOT, "%,d documents: exports %s, releases %s%n", documents, exports, releases);
                double export = median(exports.subList(1, 3));
                double release = median(releases.subList(1, 3));
                System.out.printf(Locale.ROOT, "| %,d | %,d | %.2f s | %.2f s | %.2f× | %d / %d MB | | | | | | %.1f |%n",
                        documents, counts[0], export, release, release / export, exportHeap >> 20, releaseHeap >> 20,
                        BenchApp.loadAverage());
                return;
            }
            heap.start();
            double archiveExport = 0;
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                HttpResponse<Path> saved = http.send(BenchApp.request("/api/projects/" + project + "/archive")
                        .GET().build(), HttpResponse.BodyHandlers.ofFile(archive));
                archiveExport = (System.nanoTime() - t0) / 1e9;
                if (saved.statusCode() != 200) {
                    throw new IllegalStateException("archive failed: " + saved.statusCode());
                }
            }
            long archiveExportHeap = heap.stop();

            heap.start();
            long t0 = System.nanoTime();
            HttpResponse<String> restored = http.send(BenchApp.request("/api/projects/archive?name=Restored")
                    .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofFile(archive)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double archiveImport = (System.nanoTime() - t0) / 1e9;
            long archiveImportHeap = heap.stop();
            check(restored, 201, "archive import");
            if (!restored.body().contains("\"spans\":" + counts[0])) {
                throw new IllegalStateException("the restored project lacks spans: " + restored.body());
            }

            System.err.printf(Locale.ROOT, "%,d documents: exports %s, releases %s%n", documents, exports, releases);
            double export = median(exports.subList(1, 3));
            double release = median(releases.subList(1, 3));
            System.out.printf(Locale.ROOT, "| %,d | %,d | %.2f s | %.2f s | %.2f× | %d / %d MB | %d MB | %.2f s | %d MB | %.2f s | %d MB | %.1f |%n",
                    documents, counts[0], export, release, release / export, exportHeap >> 20, releaseHeap >> 20,
                    Files.size(archive) >> 20, archiveExport, archiveExportHeap >> 20, archiveImport,
                    archiveImportHeap >> 20,
                    BenchApp.loadAverage());
        } finally {
            app.destroy();
            app.waitFor();
            Files.deleteIfExists(data);
            Files.deleteIfExists(archive);
        }
    }

    private static void check(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static double median(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private ArchiveBenchmark() {
    }
}
