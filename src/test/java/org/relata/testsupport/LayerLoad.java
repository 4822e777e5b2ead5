package org.relata.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Many clients editing one layer at once (issue 12, items 4 and 5), each as a user does: it reads the layer, then
 * creates, relabels and deletes spans and relations with If-Match set to the version it last saw, and reads the layer
 * again when told it is stale. Every acknowledged write is logged with the version it produced. Since a write only
 * succeeds at the version its client saw, the client's copy plus its write is the layer at the new version; so the
 * log, replayed in version order on an in-memory {@link Model}, must give exactly the layer the server ends with.
 */
public final class LayerLoad {

    /** What a run saw: acknowledged writes by version, answers by status, and anything that should not happen. */
    public record Outcome(TreeMap<Long, Op> acknowledged, Map<Long, Long> acknowledgedAt,
            Map<Integer, Integer> statuses, List<String> problems) {

        public int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        /** How many writes were acknowledged after {@code nanoTime} (System.nanoTime()). */
        public long acknowledgedSince(long nanoTime) {
            return acknowledgedAt.values().stream().filter(at -> at > nanoTime).count();
        }
    }

    /** An acknowledged write: span or relation created (with the server's id), relabelled or deleted. */
    public record Op(String kind, long id, int start, int end, String label, long head, long tail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SPAN_LABELS = {"COUNTRY", "ORGANIZATION"};

    private final String baseUrl;
    private final String layer;
    private final String authorization;
    private final int documentLength;
    private final HttpClient http;
    private final boolean outagesExpected;

    private static final int KINDS = 5;

    private final ConcurrentHashMap<Long, Op> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    /**
     * @param layerPath       e.g. /api/documents/7/layers/gold
     * @param outagesExpected the database may be away: 503 with Retry-After is then an allowed answer
     */
    public LayerLoad(String baseUrl, String layerPath, String username, String password, int documentLength,
            boolean outagesExpected) {
        this.baseUrl = baseUrl;
        this.layer = layerPath;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.documentLength = documentLength;
        this.outagesExpected = outagesExpected;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Runs {@code clients} clients for {@code duration}, client i with the random seed {@code seed + i}. */
    public Outcome run(int clients, Duration duration, long seed) throws Exception {
        return run(clients, duration, seed, 0, duration);
    }

    /**
     * Runs at least {@code duration} and on until {@code minimumAcknowledged} writes were acknowledged, but never
     * beyond {@code limit}: on a busy machine a fixed time may see too few writes for the check to mean something.
     */
    public Outcome run(int clients, Duration duration, long seed, int minimumAcknowledged, Duration limit)
            throws Exception {
        return run(clients, duration, seed, minimumAcknowledged, () -> true, limit);
    }

    /**
     * Like {@link #run(int, Duration, long, int, Duration)}, and on until {@code enough} also says so: a test that
     * disturbs the load (a database restart) keeps it running until it has seen what it waits for.
     */
    public Outcome run(int clients, Duration duration, long seed, int minimumAcknowledged, BooleanSupplier enough,
            Duration limit) throws Exception {
        this.minimumAcknowledged = minimumAcknowledged;
        this.enough = enough;
        this.hardEnd = System.nanoTime() + limit.toNanos();
        reset();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Random random = new Random(seed + i);
                running.add(pool.submit(() -> {
                    client(random, end);
                    return null;
                }));
            }
            for (Future<?> client : running) {
                // A client stuck longer than its run plus a minute is a deadlock or a lost answer.
                client.get(limit.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, n) -> counted.put(status, n.get()));
        return new Outcome(new TreeMap<>(acknowledged), Map.copyOf(acknowledgedAt), counted, new ArrayList<>(problems));
    }

    /**
     * Forgets what the last run saw. {@link #run} does it too; a test that watches the live counters below from another
     * thread calls it before starting that thread, so it never reads the previous run's figures.
     */
    public void reset() {
        acknowledged.clear();
        acknowledgedAt.clear();
        statuses.clear();
        problems.clear();
    }

    /** Writes acknowledged so far in the current run (live, for a test waiting on the load from another thread). */
    public int acknowledgedSoFar() {
        return acknowledged.size();
    }

    /** Writes acknowledged so far after {@code nanoTime} (System.nanoTime()), live. */
    public long acknowledgedSince(long nanoTime) {
        return acknowledgedAt.values().stream().filter(at -> at > nanoTime).count();
    }

    /** Answers with {@code status} so far in the current run, live. */
    public int answeredSoFar(int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private void client(Random random, long end) {
        Model seen = null;
        while (running(end)) {
            try {
                if (seen == null) {
                    seen = read();
                    continue;
                }
                Attempt attempt = attempt(seen, random);
                HttpResponse<String> answer = send(attempt.request());
                count(answer.statusCode());
                if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
                    JsonNode body = JSON.readTree(answer.body());
                    long version = body.get("version").asLong();
                    Op op = attempt.op();
                    if (op.kind().startsWith("create")) {
                        op = new Op(op.kind(), body.get("id").asLong(), op.start(), op.end(), op.label(), op.head(),
                                op.tail());
                    }
                    acknowledgedAt.put(version, System.nanoTime());
                    if (acknowledged.putIfAbsent(version, op) != null) {
                        problems.add("two writes acknowledged with version " + version);
                    }
                    if (version != seen.version + 1) {
                        problems.add("a write at version " + seen.version + " answered version " + version);
                    }
                    seen.apply(op);
                    seen.version = version;
                } else if (answer.statusCode() == 409 || answer.statusCode() == 412) {
                    seen = null;
                } else if (answer.statusCode() == 503 && outagesExpected) {
                    if (answer.headers().firstValue("Retry-After").isEmpty()) {
                        problems.add("503 without Retry-After");
                    }
                    seen = null;
                    awaitDatabase();
                } else {
                    problems.add(attempt.op().kind() + " answered " + answer.statusCode() + ": " + answer.body());
                    seen = null;
                }
            } catch (IOException e) {
                problems.add("no answer: " + e);
                seen = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private volatile int minimumAcknowledged;
    private volatile BooleanSupplier enough = () -> true;
    private volatile long hardEnd;

    private boolean running(long end) {
        long now = System.nanoTime();
        // On until every kind of operation was acknowledged too: a fast run may otherwise end before a relation
        // write ever met a fresh version, and the replay would prove nothing about relations.
        return now < hardEnd && (now < end || acknowledged.size() < minimumAcknowledged || !enough.getAsBoolean()
                || acknowledged.values().stream().map(Op::kind).distinct().count() < KINDS);
    }

    private record Attempt(HttpRequest request, Op op) {
    }

    /** A random edit that is valid on the layer as this client last saw it. */
    private Attempt attempt(Model seen, Random random) throws IOException {
        List<Long> spans = new ArrayList<>(seen.spans.keySet());
        List<Long> relations = new ArrayList<>(seen.relations.keySet());
        int dice = random.nextInt(100);
        if (dice < 10 && !relations.isEmpty()) {
            long id = relations.get(random.nextInt(relations.size()));
            return new Attempt(write("DELETE", "/relations/" + id, null, seen), new Op("delete-relation", id, 0, 0, null, 0, 0));
        }
        List<Long> countries = spans.stream().filter(id -> "COUNTRY".equals(seen.spans.get(id).label())).toList();
        if (dice < 30 && countries.size() >= 2) {
            long head = countries.get(random.nextInt(countries.size()));
            long tail = countries.get(random.nextInt(countries.size()));
            if (head != tail) {
                return new Attempt(write("POST", "/relations", Map.of("head", head, "tail", tail, "label", "ALLY_OF"), seen),
                        new Op("create-relation", 0, 0, 0, "ALLY_OF", head, tail));
            }
        }
        if (dice < 45 && !spans.isEmpty()) {
            long id = spans.get(random.nextInt(spans.size()));
            return new Attempt(write("DELETE", "/spans/" + id, null, seen), new Op("delete-span", id, 0, 0, null, 0, 0));
        }
        if (dice < 65 && !spans.isEmpty()) {
            long id = spans.get(random.nextInt(spans.size()));
            // Only a span no relation touches may leave COUNTRY (ALLY_OF joins countries).
            boolean free = seen.relations.values().stream().noneMatch(r -> r.head() == id || r.tail() == id);
            String label = free ? SPAN_LABELS[random.nextInt(SPAN_LABELS.length)] : "COUNTRY";
            return new Attempt(write("PATCH", "/spans/" + id, Map.of("label", label), seen),
                    new Op("relabel-span", id, 0, 0, label, 0, 0));
        }
        int start = random.nextInt(documentLength - 1);
        int end = start + 1 + random.nextInt(Math.min(12, documentLength - start));
        String label = SPAN_LABELS[random.nextInt(SPAN_LABELS.length)];
        return new Attempt(write("POST", "/spans", Map.of("start", start, "end", end, "label", label), seen),
                new Op("create-span", 0, start, end, label, 0, 0));
    }

    private HttpRequest write(String method, String path, Object body, Model seen) throws IOException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return request(layer + path).header("Content-Type", "application/json")
                .header("If-Match", "\"" + seen.version + "\"").method(method, publisher).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The layer as the server has it now; null while it cannot be read (an outage). */
    private Model read() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(request(layer).GET().build());
        count(answer.statusCode());
        if (answer.statusCode() == 200) {
            return Model.of(JSON.readTree(answer.body()));
        }
        if (answer.statusCode() == 503 && outagesExpected) {
            awaitDatabase();
        } else {
            problems.add("reading the layer answered " + answer.statusCode() + ": " + answer.body());
        }
        return null;
    }

    private final Object databaseAnswered = new Object();

    /**
     * After a 503 a client waits until another client was answered by the database again (it wakes at once then), or
     * for at most 50 ms. Correctness does not depend on it: it only keeps 20 clients from spinning on 503s through an
     * outage on a machine of two cores; the bound keeps some of them probing so the recovery is noticed.
     */
    private void awaitDatabase() throws InterruptedException {
        synchronized (databaseAnswered) {
            databaseAnswered.wait(50);
        }
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        if (status != 503) {
            synchronized (databaseAnswered) {
                databaseAnswered.notifyAll();
            }
        }
    }

    /** Reads the layer once, outside the run (for the final comparison). */
    public Model layer() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(request(layer).GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("reading the layer answered " + answer.statusCode() + ": " + answer.body());
        }
        return Model.of(JSON.readTree(answer.body()));
    }

    /** A layer in memory: spans and relations by id, and its version. */
    public static final class Model {

        public record SpanRow(int start, int end, String label) {
        }

        public record RelationRow(long head, long tail, String label) {
        }

        public final Map<Long, SpanRow> spans = new TreeMap<>();
        public final Map<Long, RelationRow> relations = new TreeMap<>();
        public long version;

        static Model of(JsonNode layer) {
            Model model = new Model();
            model.version = layer.get("version").asLong();
            for (JsonNode s : layer.get("spans")) {
                model.spans.put(s.get("id").asLong(), new SpanRow(s.get("start").asInt(), s.get("end").asInt(),
                        s.get("label").asText()));
            }
            for (JsonNode r : layer.get("relations")) {
                model.relations.put(r.get("id").asLong(), new RelationRow(r.get("head").asLong(), r.get("tail").asLong(),
                        r.get("label").asText()));
            }
            return model;
        }

        /** The layer a replay of {@code log} gives, starting from {@code start} (its version and content). */
        public static Model replay(Model start, TreeMap<Long, Op> log) {
            Model model = new Model();
            model.spans.putAll(start.spans);
            model.relations.putAll(start.relations);
            model.version = start.version;
            log.forEach((version, op) -> {
                model.apply(op);
                model.version = version;
            });
            return model;
        }

        void apply(Op op) {
            switch (op.kind()) {
                case "create-span" -> spans.put(op.id(), new SpanRow(op.start(), op.end(), op.label()));
                case "relabel-span" -> spans.computeIfPresent(op.id(), (id, s) -> new SpanRow(s.start(), s.end(), op.label()));
                case "delete-span" -> {
                    spans.remove(op.id());
                    relations.values().removeIf(r -> r.head() == op.id() || r.tail() == op.id());
                }
                case "create-relation" -> relations.put(op.id(), new RelationRow(op.head(), op.tail(), op.label()));
                case "delete-relation" -> relations.remove(op.id());
                default -> throw new IllegalArgumentException(op.kind());
            }
        }

        @Override
        public String toString() {
            return "version " + version + ", " + spans.size() + " spans " + spans + ", " + relations.size()
                    + " relations " + relations;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Model m && m.version == version && m.spans.equals(spans)
                    && m.relations.equals(relations);
        }

        @Override
        public int hashCode() {
            return Collections.unmodifiableMap(spans).hashCode();
        }
    }
}
