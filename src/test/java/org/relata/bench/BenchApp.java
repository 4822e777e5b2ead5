package org.relata.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application as the HTTP benchmarks drive it: started on a fresh benchmark database
 * ({@code -Dbench.db}, port {@code -Dbench.port}), a client once it listens, the admin's token, a project with the
 * benchmark schema, and its heap sampled while a phase runs.
 */
final class BenchApp {

    static final String DB = System.getProperty("bench.db", "relata_bench");
    static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/";
    static final int PORT = Integer.getInteger("bench.port", 8099);
    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
    /**
     * What the measured requests send: an API token, as scripts do. HTTP Basic would add one bcrypt check (~0.1 s
     * here) to every request, which is login cost, not the work measured.
     */
    static String auth = BASIC;
    /** The benchmark project's schema (ExchangeBenchmark's generated documents use these labels). */
    static final String[] ENTITY_TYPES = {"COUNTRY", "PERSON", "ORGANIZATION", "CITY", "EVENT", "DATE", "LAW", "PRODUCT"};
    static final String[] RELATION_TYPES = {"ALLY_OF", "LEADER_OF", "MEMBER_OF", "LOCATED_IN", "SIGNED"};

    private BenchApp() {
    }

    /**
     * The packaged application on a fresh benchmark database, with a 128 MB heap: what every HTTP benchmark
     * measures against.
     */
    static Process startPackagedApp() throws Exception {
        return startPackagedApp(List.of("-Xmx128m"));
    }

    /** The packaged application with these JVM options (none: the JVM's and the jar's own defaults). */
    static Process startPackagedApp(List<String> jvmOptions) throws Exception {
        return startPackagedApp(jvmOptions, Map.of());
    }

    /** The same with more environment variables for the application (its configuration). */
    static Process startPackagedApp(List<String> jvmOptions, Map<String, String> environment) throws Exception {
        // -Dbench.app=.../quarkus-run.jar times another build (a before/after comparison on the same load).
        Path jar = Path.of(System.getProperty("bench.app", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the application first: ./mvnw -o package -DskipTests");
        }
        recreateDatabase();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        // -Dbench.jvmArgs="-XX:StartFlightRecording=filename=target/bench.jfr" profiles the application.
        String jvmArgs = System.getProperty("bench.jvmArgs", "");
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RELATA_DB_NAME", DB);
        builder.environment().put("PORT", Integer.toString(PORT));
        builder.environment().put("RELATA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** An HTTP/1.1 client once {@code app} answers, sending the admin's Basic credentials. */
    static HttpClient readyClient(Process app) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        waitUntilReady(app);
        auth = BASIC;
        return http;
    }

    /** Where the application listens, for a browser or a socket. */
    static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    /** A connection to the benchmark database as postgres (fills and floors bypass the application). */
    static Connection database() throws SQLException {
        return DriverManager.getConnection(JDBC + DB, "postgres", "postgres");
    }

    static void recreateDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC + "postgres", "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DB + " with (force)");
            s.execute("create database " + DB);
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", auth)
                .timeout(Duration.ofMinutes(30));
    }

    /**
     * Copies the application's output to target/bench-app.log and returns once it says it listens (Quarkus logs that
     * line when start-up is complete); fails if the process ends first.
     */
    static void waitUntilReady(Process app) throws Exception {
        java.util.concurrent.CompletableFuture<Void> listening = new java.util.concurrent.CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(app.getInputStream()));
                    java.io.PrintWriter log = new java.io.PrintWriter(Files.newBufferedWriter(Path.of("target/bench-app.log")), true)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.println(line);
                    if (line.contains("Listening on")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("the application stopped; see target/bench-app.log"));
        }, "bench-app-log");
        copier.setDaemon(true);
        copier.start();
        listening.get(1200, java.util.concurrent.TimeUnit.SECONDS); // a shared, busy machine starts slowly
    }

    static String createToken(HttpClient http) throws Exception {
        HttpResponse<String> created = http.send(request("/api/tokens").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not create a token: " + created.body());
        }
        return m.group(1);
    }

    /** A project with the benchmark schema ({@link #ENTITY_TYPES}, {@link #RELATION_TYPES}); its id. */
    static long createProject(HttpClient http) throws Exception {
        StringBuilder schema = new StringBuilder("{\"name\":\"Benchmark\",\"schema\":{\"entityTypes\":[");
        for (int i = 0; i < ENTITY_TYPES.length; i++) {
            schema.append(i > 0 ? "," : "").append("{\"name\":\"").append(ENTITY_TYPES[i]).append("\"}");
        }
        schema.append("],\"relationTypes\":[");
        for (int i = 0; i < RELATION_TYPES.length; i++) {
            schema.append(i > 0 ? "," : "").append("{\"name\":\"").append(RELATION_TYPES[i]).append("\"}");
        }
        schema.append("]}}");
        HttpResponse<String> created = http.send(request("/api/projects").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(schema.toString())).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        if (created.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not create the project: " + created.body());
        }
        return Long.parseLong(m.group(1));
    }

    /** The document counts on the command line ({@code -Dbench.sizes}), 20,000 when none is given. */
    static List<Integer> sizes(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes.add(20_000);
        }
        return sizes;
    }

    /** The machine's one-minute load average, printed beside every figure. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Samples the application's used heap (Micrometer's jvm_memory_used_bytes, area heap) every 50 ms. */
    static final class HeapSampler {
        private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E+]+)", Pattern.MULTILINE);
        private final HttpClient http;
        private final AtomicLong peak = new AtomicLong();
        private java.util.concurrent.ScheduledExecutorService timer;

        HeapSampler(HttpClient http) {
            this.http = http;
        }

        void start() {
            peak.set(0);
            timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            // Fixed delay: a slow metrics answer postpones the next sample instead of piling requests up.
            timer.scheduleWithFixedDelay(this::sample, 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private void sample() {
            try {
                String metrics = http.send(request("/q/metrics").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = HEAP.matcher(metrics);
                long used = 0;
                while (m.find()) {
                    used += (long) Double.parseDouble(m.group(1));
                }
                peak.accumulateAndGet(used, Math::max);
            } catch (IOException e) {
                // a missed sample; the next one follows
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            return peak.get();
        }
    }
}
