package org.relata.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test (issue 14, item 3): span writes under load. The packaged application (see {@link BenchApp}) with
 * the JVM's defaults, or the options in the environment variable {@code BENCH_JVM_OPTS} (e.g. a JFR recording or
 * native memory tracking); one project, one document per client, every client writing the gold layer of its own
 * document with an API token: create a span, delete it, again, for the given seconds at each client count. Then
 * PostgreSQL's floor for the same rows in the same run: pgbench, one INSERT and one DELETE of a span (two
 * transactions, as the two requests are), on one layer per pgbench client. Last, the application's resident memory
 * and threads after the load.
 * {@code ./mvnw -Pbench verify -Dbench.main=org.relata.bench.WriteLoadBenchmark -Dbench.sizes="20 1 10 50"}
 * (seconds per step, then client counts). Figures go to docs/benchmarks.md.
 */
public final class WriteLoadBenchmark {

    private static final String TEXT = "North Korea and China and Russia and Iran met in Geneva with Cuba and Chile. ".repeat(4);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private WriteLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] levels = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 10, 50};
        int documents = Arrays.stream(levels).max().orElse(1);
        String options = System.getenv().getOrDefault("BENCH_JVM_OPTS", "");
        Process app = BenchApp.startPackagedApp(options.isBlank() ? List.of() : List.of(options.trim().split("\\s+")));
        try {
            HttpClient http = BenchApp.readyClient(app);
            String token = BenchApp.createToken(http);
            long project = BenchApp.createProject(http);
            StringBuilder jsonl = new StringBuilder();
            for (int i = 0; i < documents; i++) {
                jsonl.append("{\"id\":\"d").append(i).append("\",\"text\":\"").append(TEXT).append("\"}\n");
            }
            HttpResponse<String> imported = http.send(BenchApp.request("/api/projects/" + project
                    + "/import?format=jsonl").header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(jsonl.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("import: " + imported.body());
            }
            List<Long> ids = documentIds(project);

            run(token, ids, documents, 10, false); // warm-up: JIT, pool, layers created
            System.out.println("| clients | writes/s | create+delete pairs/s | p50 | p99 | max | errors | load |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            List<double[]> results = new ArrayList<>();
            for (int clients : levels) {
                results.add(run(token, ids, clients, seconds, true));
            }
            System.out.println();
            long pid = app.pid();
            System.out.println("after the load: " + memory(pid));
            jcmd(pid, "GC.run");
            System.out.println("after a full GC: " + memory(pid));
            System.out.println(jcmd(pid, "GC.heap_info"));
            String nmt = jcmd(pid, "VM.native_memory", "summary");
            if (!nmt.contains("not enabled")) {
                System.out.println(nmt);
            }

            System.out.println("| pgbench clients | INSERT+DELETE pairs/s | latency per pair | load |");
            System.out.println("|---|---|---|---|");
            double floor20 = floor(20, seconds);
            double floorTop = levels[levels.length - 1] == 20 ? floor20 : floor(levels[levels.length - 1], seconds);
            double[] top = results.get(results.size() - 1);
            System.out.printf(Locale.ROOT, "%d clients: %.0f pairs/s = %.1f %% of the floor at 20 pgbench clients, %.1f %% at %d"
                    + " (writes/s against pairs/s: %.1f %%)%n", levels[levels.length - 1], top[1], 100 * top[1] / floor20,
                    100 * top[1] / floorTop, levels[levels.length - 1], 100 * top[0] / floor20);
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /** {@code clients} threads, each on its own document and keep-alive connection; answers writes/s, pairs/s. */
    private static double[] run(String token, List<Long> documents, int clients, int seconds, boolean print)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong pairs = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] own = new long[200_000];
            latencies.add(own);
            String layer = "/api/documents/" + documents.get(c) + "/layers/gold/spans";
            Random random = new Random(c);
            Thread thread = new Thread(() -> {
                int n = 0;
                try (Client client = new Client(token)) {
                    while (System.nanoTime() < deadline && n < own.length - 2) {
                        int start = random.nextInt(TEXT.length() - 10);
                        long t0 = System.nanoTime();
                        Client.Answer created = client.send("POST", layer, "{\"label\":\"COUNTRY\",\"start\":" + start
                                + ",\"end\":" + (start + 5) + "}");
                        long t1 = System.nanoTime();
                        own[n++] = t1 - t0;
                        Matcher id = ID.matcher(created.body());
                        if (created.status() != 201 || !id.find()) {
                            errors.incrementAndGet();
                            continue;
                        }
                        Client.Answer deleted = client.send("DELETE", layer + "/" + id.group(1), null);
                        own[n++] = System.nanoTime() - t1;
                        if (deleted.status() != 200) {
                            errors.incrementAndGet();
                        } else {
                            pairs.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    own[own.length - 1] = n;
                    done.countDown();
                }
            });
            threads.add(thread);
        }
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        done.await();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long total = latencies.stream().mapToLong(l -> l[l.length - 1]).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        double writes = total / elapsed;
        double pairRate = pairs.get() / elapsed;
        if (print && total > 0) {
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.1f ms | %.1f ms | %.0f ms | %d | %s |%n", clients, writes,
                    pairRate, all[(int) (total * 0.5)] / 1e6, all[(int) Math.min(total - 1, total * 0.99)] / 1e6,
                    all[all.length - 1] / 1e6, errors.get(), load());
        }
        return new double[] {writes, pairRate};
    }

    private static List<Long> documentIds(long project) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = BenchApp.database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id from documents where project_id = " + project + " order by id")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    /**
     * pgbench: per transaction pair, one INSERT of a span (RETURNING its id) and one DELETE of it, each its own
     * transaction, client i on the i-th gold layer (so no two clients share a layer, as in the HTTP run).
     */
    private static double floor(int clients, int seconds) throws Exception {
        long[] layers;
        long type;
        try (Connection c = BenchApp.database();
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select id from annotation_layers where owner_kind = 'GOLD' order by id")) {
                List<Long> found = new ArrayList<>();
                while (r.next()) {
                    found.add(r.getLong(1));
                }
                layers = found.stream().mapToLong(Long::longValue).toArray();
            }
            try (ResultSet r = s.executeQuery("select min(id) from entity_types")) {
                r.next();
                type = r.getLong(1);
            }
        }
        StringBuilder choose = new StringBuilder("\\set layer case");
        // pgbench has no arrays: the layer of client i, as one CASE over the ids found.
        for (int i = 0; i < layers.length - 1; i++) {
            choose.append(" when :client_id % ").append(layers.length).append(" = ").append(i).append(" then ")
                    .append(layers[i]);
        }
        choose.append(" else ").append(layers[layers.length - 1]).append(" end\n");
        Path script = Files.createTempFile("relata-floor", ".sql");
        Files.writeString(script, choose + "\\set s random(0, " + (TEXT.length() - 10) + ")\n"
                + "insert into spans (layer_id, doc_length, start_offset, end_offset, entity_type_id)"
                + " values (:layer, " + TEXT.length() + ", :s, :s + 5, " + type + ") returning id as span \\gset\n"
                + "delete from spans where id = :span;\n");
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-n", "-h", "127.0.0.1", "-U", "postgres", "-c",
                Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString(),
                BenchApp.DB).redirectErrorStream(true);
        pgbench.environment().put("PGPASSWORD", "postgres");
        Process p = pgbench.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+ ms)").matcher(out);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("pgbench: " + out);
        }
        double pairs = Double.parseDouble(tps.group(1));
        System.out.printf(Locale.ROOT, "| %d | %.0f | %s | %s |%n", clients, pairs, latency.group(1), load());
        return pairs;
    }

    /** Resident memory and threads of the process, from /proc. */
    private static String memory(long pid) throws IOException {
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
        Matcher threads = Pattern.compile("Threads:\\s+(\\d+)").matcher(status);
        rss.find();
        threads.find();
        return String.format(Locale.ROOT, "RSS %.0f MiB, %s threads", Long.parseLong(rss.group(1)) / 1024.0, threads.group(1));
    }

    private static String jcmd(long pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** A minimal HTTP/1.1 keep-alive client: on 2 cores java.net.http's own work would be billed to the server. */
    private static final class Client implements AutoCloseable {
        record Answer(int status, String body) {
        }

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String token;

        Client(String token) throws IOException {
            this.socket = new Socket("127.0.0.1", BenchApp.PORT);
            socket.setTcpNoDelay(true);
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
            this.token = token;
        }

        Answer send(String method, String path, String json) throws IOException {
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\n" + (json == null ? "" : "Content-Type: application/json\r\n") + "Content-Length: "
                    + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                content.write(in.readNBytes(length));
            }
            return new Answer(Integer.parseInt(status.split(" ")[1]), content.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
