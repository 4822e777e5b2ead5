package org.relata.bench;

import static org.relata.bench.BenchApp.ENTITY_TYPES;
import static org.relata.bench.BenchApp.PORT;
import static org.relata.bench.BenchApp.RELATION_TYPES;
import static org.relata.bench.BenchApp.auth;
import static org.relata.bench.BenchApp.createProject;
import static org.relata.bench.BenchApp.createToken;
import static org.relata.bench.BenchApp.readyClient;
import static org.relata.bench.BenchApp.request;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Not a test: measures native JSONL import and export over HTTP against the packaged application started with
 * -Xmx128m, next to PostgreSQL's own COPY of the same rows (the floor). Run with {@code ./mvnw -Pbench verify}
 * (see docs/benchmarks.md). Arguments: document counts, e.g. {@code 1000 20000}; each document has ~2 KB of text,
 * 50 spans and 10 relations, generated from a fixed seed.
 */
public final class ExchangeBenchmark {

    /** Exports before the measured five: the first (reported on its own) and the JIT's warm-up. */
    static final int WARM_UP_EXPORTS = 8;
    static final String[] WORDS = {"the", "talks", "between", "delegations", "continued", "on", "Monday", "while",
            "ministers", "of", "trade", "and", "defence", "met", "in", "Hanoi", "café", "Zürich", "北京", "東京", "agreement",
            "signed", "border", "bridge", "summit", "😀", "naïve", "coöperation", "sanctions", "were", "lifted", "a", "new",
            "treaty", "on", "fisheries", "was", "announced", "by", "officials"};

    public static void main(String[] args) throws Exception {
        System.out.println("| documents | spans | relations | JSONL size | import | import floor (COPY) | import/floor"
                + " | export (first) | export (warm: median of 9th–13th) | export floor (COPY) | export/floor | peak heap import | peak heap export | load |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int documents : BenchApp.sizes(args)) {
            run(documents);
        }
    }

    static void run(int documents) throws Exception {
        Path data = Files.createTempFile("relata-bench", ".jsonl");
        long[] counts = generate(data, documents);
        // 100,000 documents are ~730 MB of JSONL, over the default 512M request limit.
        Process app = BenchApp.startPackagedApp(List.of("-Xmx128m"), Map.of("RELATA_MAX_REQUEST_SIZE", "4G"));
        try {
            HttpClient http = readyClient(app);
            BenchApp.auth = "Bearer " + createToken(http);
            long project = createProject(http);
            BenchApp.HeapSampler heap = new BenchApp.HeapSampler(http);

            heap.start();
            long t0 = System.nanoTime();
            HttpResponse<String> imported = http.send(request("/api/projects/" + project + "/import?format=jsonl")
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofFile(data)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            long importHeap = heap.stop();
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("import failed: " + imported.statusCode() + " " + imported.body());
            }

            heap.start();
            // A server exports many times in its life: the first export pays for the JIT, which goes on compiling
            // through the next few (more of them the smaller the project); the steady state is the median of
            // exports 9 to 13. Those run without heap sampling, whose metrics requests would compete for the same
            // 2 cores; the heap is sampled over the first two exports. Every time is printed, warm-up included.
            double exportCold = export(http, project);
            List<Double> times = new ArrayList<>(List.of(exportCold, export(http, project)));
            long exportHeap = heap.stop();
            while (times.size() < WARM_UP_EXPORTS) {
                times.add(exportOverSocket(project));
            }
            double[] warm = new double[5];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = exportOverSocket(project);
                times.add(warm[i]);
            }
            java.util.Arrays.sort(warm);
            double exportWarm = warm[warm.length / 2];
            System.err.printf(Locale.ROOT, "%,d documents, every export in order (s): %s%n", documents,
                    times.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList());

            double[] floor = copyFloor(project);
            System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %,d MB | %.2f s | %.2f s | %.2f× | %.2f s | %.2f s | %.2f s | %.2f× | %d MB | %d MB | %.1f |%n",
                    documents, counts[0], counts[1], Files.size(data) >> 20, importSeconds, floor[0], importSeconds / floor[0],
                    exportCold, exportWarm, floor[1], exportWarm / floor[1], importHeap >> 20, exportHeap >> 20,
                    BenchApp.loadAverage());
        } finally {
            app.destroy();
            app.waitFor();
            Files.deleteIfExists(data);
        }
    }

    /**
     * The same export read over a plain socket into a 1 MB buffer: java.net.http copies every chunk through several
     * buffers, and on 2 cores that client's work would be billed to the server being measured.
     */
    static double exportOverSocket(long project) throws Exception {
        long t0 = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", PORT)) {
            socket.getOutputStream().write(("GET /api/projects/" + project + "/export?format=jsonl HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + PORT + "\r\nAuthorization: " + auth + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 20];
            int n = in.read(buffer);
            String statusLine = new String(buffer, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.US_ASCII);
            if (!statusLine.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("export failed: " + statusLine.lines().findFirst().orElse(""));
            }
            while (in.read(buffer) >= 0) {
                // read to the end: the server has written everything when the connection closes
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** One native JSONL export read to its end; seconds. */
    static double export(HttpClient http, long project) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<InputStream> exported = http.send(request("/api/projects/" + project + "/export?format=jsonl").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = exported.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (exported.statusCode() != 200) {
            throw new IllegalStateException("export failed: " + exported.statusCode());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** COPY of the same rows: out to nothing (export floor) and back in, with shifted ids, into the same tables (import floor). */
    static double[] copyFloor(long project) throws Exception {
        try (Connection c = BenchApp.database()) {
            c.setAutoCommit(false);
            // PostgreSQL's JIT compiles these big queries for up to a second: the floor runs without it, like the
            // export's own queries, so that it is PostgreSQL's best and not a slower baseline.
            try (java.sql.Statement settings = c.createStatement()) {
                settings.execute("set jit = off");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long shift = 1L << 40;
            String[] selects = {
                "select id + " + shift + ", project_id, 'copy-' || external_id, text, meta, length from documents where project_id = " + project,
                "select l.id + " + shift + ", l.document_id + " + shift + ", l.doc_length, l.owner_kind, l.user_id, l.status"
                        + " from annotation_layers l join documents d on d.id = l.document_id where d.project_id = " + project,
                "select s.id + " + shift + ", s.layer_id + " + shift + ", s.doc_length, s.start_offset, s.end_offset, s.entity_type_id,"
                        + " s.attributes, s.note, s.links from spans s join annotation_layers l on l.id = s.layer_id"
                        + " join documents d on d.id = l.document_id where d.project_id = " + project,
                "select r.id + " + shift + ", r.layer_id + " + shift + ", r.head_span_id + " + shift + ", r.tail_span_id + " + shift
                        + ", r.relation_type_id, r.attributes, r.note from relations r join annotation_layers l on l.id = r.layer_id"
                        + " join documents d on d.id = l.document_id where d.project_id = " + project};
            // COPY needs a table: "documents" is the view of the documents not in the trash (V5).
            String[] targets = {"all_documents (id, project_id, external_id, text, meta, length)",
                "annotation_layers (id, document_id, doc_length, owner_kind, user_id, status)",
                "spans (id, layer_id, doc_length, start_offset, end_offset, entity_type_id, attributes, note, links)",
                "relations (id, layer_id, head_span_id, tail_span_id, relation_type_id, attributes, note)"};
            List<Path> files = new ArrayList<>();
            // Median of three, like the warm export it is compared with.
            double[] floors = new double[3];
            for (int i = 0; i < floors.length; i++) {
                long t0 = System.nanoTime();
                for (String select : selects) {
                    copy.copyOut("copy (" + select + ") to stdout (format csv)", OutputStream.nullOutputStream());
                }
                floors[i] = (System.nanoTime() - t0) / 1e9;
            }
            java.util.Arrays.sort(floors);
            double exportFloor = floors[1];
            for (String select : selects) {
                Path file = Files.createTempFile("relata-floor", ".csv");
                try (OutputStream out = Files.newOutputStream(file)) {
                    copy.copyOut("copy (" + select + ") to stdout (format csv)", out);
                }
                files.add(file);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < files.size(); i++) {
                try (InputStream in = Files.newInputStream(files.get(i))) {
                    copy.copyIn("copy " + targets[i] + " from stdin (format csv)", in);
                }
            }
            double importFloor = (System.nanoTime() - t0) / 1e9;
            c.rollback();
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            return new double[] {importFloor, exportFloor};
        }
    }

    static long[] generate(Path file, int documents) throws IOException {
        Random random = new Random(20260101L + documents);
        long spans = 0;
        long relations = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int d = 0; d < documents; d++) {
                List<int[]> words = new ArrayList<>();
                List<String> tokens = new ArrayList<>();
                StringBuilder text = new StringBuilder();
                int cp = 0;
                while (text.length() < 2000) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    words.add(new int[] {cp, cp + word.codePointCount(0, word.length())});
                    tokens.add(word);
                    text.append(word);
                    cp += word.codePointCount(0, word.length());
                    String gap = random.nextInt(40) == 0 ? "\r\n" : " ";
                    text.append(gap);
                    cp += gap.length();
                }
                out.write("{\"id\":\"doc-" + String.format("%07d", d) + "\",\"text\":\"" + text.toString().replace("\r", "\\r").replace("\n", "\\n")
                        + "\",\"meta\":{\"source\":\"bench\",\"n\":" + d + "},\"status\":\"done\",\"spans\":[");
                int step = words.size() / 50;
                for (int s = 0; s < 50; s++) {
                    int[] w = words.get(s * step);
                    out.write((s > 0 ? "," : "") + "{\"id\":\"T" + s + "\",\"start\":" + w[0] + ",\"end\":" + w[1] + ",\"label\":\""
                            + ENTITY_TYPES[random.nextInt(ENTITY_TYPES.length)] + "\",\"attributes\":{},\"note\":null,\"links\":[]}");
                }
                out.write("],\"relations\":[");
                for (int r = 0; r < 10; r++) {
                    out.write((r > 0 ? "," : "") + "{\"id\":\"R" + r + "\",\"label\":\"" + RELATION_TYPES[random.nextInt(RELATION_TYPES.length)]
                            + "\",\"head\":\"T" + (r * 5) + "\",\"tail\":\"T" + (r * 5 + 1 + random.nextInt(4)) + "\",\"attributes\":{},\"note\":null}");
                }
                out.write("]}\n");
                spans += 50;
                relations += 10;
            }
        }
        return new long[] {spans, relations};
    }
}
