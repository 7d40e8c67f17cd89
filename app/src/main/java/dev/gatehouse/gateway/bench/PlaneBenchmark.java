package dev.gatehouse.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.demo.CatalogSeed;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.gateway.plane.CannedAnswers;
import dev.gatehouse.gateway.plane.ChatRequest;
import dev.gatehouse.gateway.plane.OpenAiShapes;
import dev.gatehouse.gateway.plane.PlaneBodies;
import dev.gatehouse.gateway.plane.PlaneEnforcement;
import dev.gatehouse.gateway.plane.limits.TierRateLimits;
import dev.gatehouse.gateway.plane.metering.CreditMeter;
import dev.gatehouse.policy.Role;
import io.javalin.http.Context;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench plane} (issue 12 §5): the data plane's cost, measured side by side in one run.
 * <ul>
 *   <li>throughput of {@code POST /v1/chat/completions} with auth, rate limits and metering, as a ratio to a bare
 *       endpoint on the same server that parses the same body and writes the same canned answer with none of them;</li>
 *   <li>the latency that adds, p50 and p99, from one client alternating the two;</li>
 *   <li>the time from a key suspension through the admin API to the first refused request, on the node that suspended
 *       it and on a second node sharing the database (--db, else embedded PostgreSQL when on the classpath, else one H2 file database shared in this process).</li>
 * </ul>
 * The load comes from client threads in the same JVM (java.net.http, HTTP/1.1 keep-alive), so clients and server share
 * the machine's cores; the output says how many. A benchmark, not a test: the numbers are reported, not asserted.
 */
public final class PlaneBenchmark {
    /** The one clock of the benchmark's gateways and of its bare endpoint, so both answers stamp the same time. */
    private static final Clock CLOCK = Clock.systemUTC();

    /** The bare endpoint: registered only here, never by a serving gateway. */
    static final String BARE_PATH = "/bench/bare/chat/completions";

    public record Options(int clients, int seconds, int latencyRequests, int suspensions, String teamDb, String dbUser,
                          String dbPassword) {}

    private PlaneBenchmark() {}

    public static void run(Options o, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "bench plane: %d cores (Runtime.availableProcessors), Java %s; load from %d client threads in this"
                        + " JVM (java.net.http, HTTP/1.1 keep-alive, closed loop), sharing the cores with the gateway%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), o.clients());
        try (Node node = Node.start(seeded(Database.inMemory()), "bench-1", true)) {
            Platform p = Platform.create(node, 1 + o.suspensions());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = "{\"model\":\"" + p.model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Write a haiku about gateways.\"}]}";
            Target bare = new Target(http, node.url(BARE_PATH), null, body);
            Target full = new Target(http, node.url("/v1/chat/completions"), p.keys.get(0), body);
            out.println("one gateway, in-memory H2, model " + p.model + ", an Enterprise account with custom limits far above the load,"
                    + " a volume-discount schedule in force (1 % off, a 2 % step the load never reaches)");

            // warm both paths (JIT, caches, the first credit lease and rate-limit grants)
            closedLoop(List.of(bare, full), o.clients(), Duration.ofSeconds(3));
            long[] bareLat = new long[o.latencyRequests()];
            long[] fullLat = new long[o.latencyRequests()];
            for (int i = 0; i < o.latencyRequests(); i++) {
                bareLat[i] = bare.timed();
                fullLat[i] = full.timed();
            }
            Arrays.sort(bareLat);
            Arrays.sort(fullLat);
            out.printf(Locale.ROOT, "latency, 1 client alternating, %d requests each: bare p50 %.3f ms p99 %.3f ms; full p50 %.3f ms"
                            + " p99 %.3f ms; added p50 %.3f ms (goal <= 0.3), added p99 %.3f ms (goal <= 2)%n",
                    o.latencyRequests(), ms(pct(bareLat, 50)), ms(pct(bareLat, 99)), ms(pct(fullLat, 50)), ms(pct(fullLat, 99)),
                    ms(pct(fullLat, 50) - pct(bareLat, 50)), ms(pct(fullLat, 99) - pct(bareLat, 99)));

            Duration phase = Duration.ofSeconds(o.seconds());
            Result b1 = closedLoop(List.of(bare), o.clients(), phase);
            Result f1 = closedLoop(List.of(full), o.clients(), phase);
            Result b2 = closedLoop(List.of(bare), o.clients(), phase);
            Result f2 = closedLoop(List.of(full), o.clients(), phase);
            double bareRps = (b1.rps() + b2.rps()) / 2;
            double fullRps = (f1.rps() + f2.rps()) / 2;
            out.printf(Locale.ROOT, "throughput, %d clients, 2 x %d s each, interleaved: bare %.0f req/s %s; full (auth + limits +"
                            + " metering) %.0f req/s %s; ratio %.2f (goal >= 0.5)%n",
                    o.clients(), o.seconds(), bareRps, merge(b1, b2).statuses(), fullRps, merge(f1, f2).statuses(), fullRps / bareRps);
            node.meter.flush();
            out.println("metered: " + node.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM request_log")
                    .mapTo(Long.class).one()) + " request-log rows written behind the answers");

            List<Long> local = new ArrayList<>();
            for (int i = 1; i <= o.suspensions(); i++) {
                local.add(suspension(http, node, node, p, p.keys.get(i), body));
            }
            out.println("suspension -> first refused request, same gateway: " + summary(local));
        }
        team(o, out);
    }

    /** Two gateways on one PostgreSQL: suspend through node A, time the first refusal on node B. */
    private static void team(Options o, PrintStream out) throws Exception {
        Closeable embedded = null;
        String url = o.teamDb();
        String user = o.dbUser();
        String password = o.dbPassword();
        String where = "one PostgreSQL";
        java.nio.file.Path h2Dir = null;
        if (url == null) {
            Object[] started = EmbeddedPostgresIfPresent.start();
            if (started == null) {
                // the jar has no embedded PostgreSQL: two gateways in this process share one H2 file database instead,
                // each with its own key cache, change watch, limits and meter, as two nodes would
                h2Dir = java.nio.file.Files.createTempDirectory("gatehouse-bench-team");
                url = "jdbc:h2:file:" + h2Dir.resolve("team");
                user = null;
                password = null;
                where = "one H2 file database (in this process; --db jdbc:postgresql://… for PostgreSQL)";
            } else {
                embedded = (Closeable) started[0];
                url = (String) started[1];
                user = "postgres";
                password = null;
                where = "one PostgreSQL (embedded)";
            }
        }
        try (Node a = Node.start(seeded(Database.open(url, user, password)), "bench-a", false);
             Node b = Node.start(Database.open(url, user, password), "bench-b", false)) {
            Platform p = Platform.create(a, o.suspensions());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = "{\"model\":\"" + p.model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
            List<Long> across = new ArrayList<>();
            for (int i = 0; i < o.suspensions(); i++) {
                across.add(suspension(http, a, b, p, p.keys.get(i), body));
            }
            out.println("suspension -> first refused request, across two gateways on " + where + " (suspended on A, refused on B): "
                    + summary(across));
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            if (h2Dir != null) {
                try (var files = java.nio.file.Files.walk(h2Dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    /**
     * A client sends the key's requests to {@code on} back to back; the key is suspended through {@code via}'s admin API.
     * Returns the nanoseconds from the suspension's acknowledgement to the first 403 answered.
     */
    private static long suspension(HttpClient http, Node via, Node on, Platform p, String secret, String body) throws Exception {
        Target t = new Target(http, on.url("/v1/chat/completions"), secret, body);
        for (int i = 0; i < 5; i++) {
            int s = t.status();
            if (s != 200) {
                throw new IllegalStateException("key not usable before the suspension: " + s);
            }
        }
        AtomicLong refusedAt = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Map<Integer, Integer> seen = new ConcurrentHashMap<>();
        AtomicLong slowest = new AtomicLong();
        Thread client = new Thread(() -> {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                int s = t.status();
                slowest.accumulateAndGet(System.nanoTime() - t0, Math::max);
                seen.merge(s, 1, Integer::sum);
                if (s == 403) {
                    refusedAt.compareAndSet(0, System.nanoTime());
                    return;
                }
            }
        }, "bench-suspension-client");
        client.start();
        Thread.sleep(50);
        String keyId = p.keyIds.get(secret);
        JsonNode r = via.admin(http, p.lead, "POST", "/admin/v1/keys/" + keyId + "/actions",
                "{\"action\":\"suspend\",\"reason\":\"bench plane: time until refused\"}", UUID.randomUUID().toString());
        long acknowledged = System.nanoTime();
        if (r == null) {
            stop.set(true);
            throw new IllegalStateException("suspension failed");
        }
        client.join(10_000);
        stop.set(true);
        if (refusedAt.get() == 0) {
            throw new IllegalStateException("the key was not refused within 10 s");
        }
        if (slowest.get() > 250_000_000L || seen.keySet().stream().anyMatch(st -> st != 200 && st != 403)) {
            System.out.printf(Locale.ROOT, "  (that trial: answers %s, slowest %.1f ms)%n", new TreeMap<>(seen), ms(slowest.get()));
        }
        return refusedAt.get() - acknowledged;
    }

    private static String summary(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder b = new StringBuilder();
        for (long n : nanos) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", ms(n)));
        }
        return String.format(Locale.ROOT, "median %.1f ms, max %.1f ms over %d suspensions (each: %s ms; negative: refused before"
                + " the admin answer arrived)", ms(a[a.length / 2]), ms(a[a.length - 1]), a.length, b);
    }

    // ---------------------------------------------------------------- load

    /** One endpoint with its request. */
    private record Target(HttpClient http, URI uri, String secret, String body) {
        HttpRequest request() {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (secret != null) {
                b.header("Authorization", "Bearer " + secret);
            }
            return b.build();
        }

        int status() {
            try {
                return http.send(request(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        long timed() {
            long t0 = System.nanoTime();
            int s = status();
            long t = System.nanoTime() - t0;
            if (s != 200) {
                throw new IllegalStateException(uri + " answered " + s);
            }
            return t;
        }
    }

    private record Result(long requests, double seconds, Map<Integer, Long> statuses) {
        double rps() {
            return requests / seconds;
        }
    }

    private static Result merge(Result a, Result b) {
        Map<Integer, Long> s = new TreeMap<>(a.statuses());
        b.statuses().forEach((k, v) -> s.merge(k, v, Long::sum));
        return new Result(a.requests() + b.requests(), a.seconds() + b.seconds(), s);
    }

    /** {@code clients} threads sending requests back to back (each thread its targets in turn) for {@code d}. */
    private static Result closedLoop(List<Target> targets, int clients, Duration d) throws InterruptedException {
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + d.toNanos();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int first = c;
            Thread t = new Thread(() -> {
                int i = first;
                while (System.nanoTime() < end) {
                    int s = targets.get(i++ % targets.size()).status();
                    statuses.merge(s, 1L, Long::sum);
                    count.incrementAndGet();
                }
            }, "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(count.get(), (System.nanoTime() - t0) / 1e9, new TreeMap<>(statuses));
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ---------------------------------------------------------------- the platform under test

    /** The demo catalog, before a gateway caches it. */
    private static Database seeded(Database db) {
        CatalogSeed.seed(db, 42);
        return db;
    }

    /** A gateway with the real rate limits and metering, and (one node only) the bare endpoint. */
    private static final class Node implements AutoCloseable {
        final Database db;
        final TierRateLimits limits;
        final CreditMeter meter;
        final GatewayServer server;

        private Node(Database db, String nodeId, boolean bare) {
            this.db = db;
            this.limits = new TierRateLimits(db.jdbi(), CLOCK, nodeId);
            this.meter = new CreditMeter(db.jdbi(), CLOCK, nodeId);
            this.server = new GatewayServer(db, "bench", CLOCK, new PlaneEnforcement(limits, meter));
            if (bare) {
                server.benchRoute(BARE_PATH, PlaneBenchmark::bare);
            }
            server.start("127.0.0.1", 0);
        }

        static Node start(Database db, String nodeId, boolean bare) {
            return new Node(db, nodeId, bare);
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + server.port() + path);
        }

        /** An admin call; the parsed answer, or null when it was not 2xx. */
        JsonNode admin(HttpClient http, String token, String method, String path, String json, String idempotencyKey) {
            HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 != 2) {
                    System.err.println(method + " " + path + " -> " + r.statusCode() + " " + r.body());
                    return null;
                }
                return Json.mapper().readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.close(); // closes the limits and the meter (it flushes) before the database
        }
    }

    /** The bare endpoint: the same body parsing and canned answer as /v1/chat/completions, without key, limits or meter. */
    private static void bare(Context ctx) throws IOException {
        ChatRequest req = ChatRequest.parse(PlaneBodies.object(ctx.bodyAsBytes()));
        List<CannedAnswers.Answer> answers = CannedAnswers.answers(req.model(), req.messages(), req.maxTokens(), req.n());
        int prompt = CannedAnswers.promptTokens(req.messages());
        int completion = answers.stream().mapToInt(CannedAnswers.Answer::tokens).sum();
        List<OpenAiShapes.Choice> choices = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            choices.add(new OpenAiShapes.Choice(i, new OpenAiShapes.Message("assistant", answers.get(i).text(), null), null,
                    answers.get(i).finishReason()));
        }
        long created = CLOCK.instant().getEpochSecond();
        ctx.contentType("application/json; charset=utf-8").result(Json.mapper().writeValueAsBytes(new OpenAiShapes.ChatCompletion(
                "chatcmpl-bare", "chat.completion", created, req.model(), choices, new OpenAiShapes.Usage(prompt, completion), null)));
    }

    /** A lead, an Enterprise account with limits far above the load, credits, and keys issued through the admin API. */
    private record Platform(String lead, String model, List<String> keys, Map<String, String> keyIds) {
        static Platform create(Node node, int keyCount) {
            String lead = new OperatorStore(node.db.jdbi()).create("op_bench_" + node.server.port(), "Bench Lead",
                    "bench" + node.server.port() + "@bench.gatehouse.dev", Role.LEAD);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode acct = node.admin(http, lead, "POST", "/admin/v1/accounts", "{\"name\":\"Bench Load " + UUID.randomUUID()
                    + "\",\"email\":\"load-" + UUID.randomUUID() + "@bench.example\",\"tier\":\"enterprise\",\"reason\":\"bench plane\"}", null);
            String accountId = acct.get("id").asText();
            putLimits(node, lead, accountId);
            putDiscounts(node, lead);
            for (int i = 0; i < 4; i++) {
                node.admin(http, lead, "POST", "/admin/v1/accounts/" + accountId + "/credits", "{\"kind\":\"manual_grant\","
                        + "\"amount\":\"500.00\",\"reason\":\"bench plane credits\"}", UUID.randomUUID().toString());
            }
            List<String> keys = new ArrayList<>();
            Map<String, String> ids = new ConcurrentHashMap<>();
            for (int i = 0; i < keyCount; i++) {
                JsonNode k = node.admin(http, lead, "POST", "/admin/v1/accounts/" + accountId + "/keys",
                        "{\"name\":\"bench " + i + "\",\"mode\":\"live\",\"reason\":\"bench plane\"}", UUID.randomUUID().toString());
                keys.add(k.get("secret").asText());
                ids.put(k.get("secret").asText(), k.get("key").get("id").asText());
            }
            return new Platform(lead, chatModel(node, http, keys.get(0)), keys, ids);
        }

        /** The first model /v1/models lists that answers a chat completion. */
        private static String chatModel(Node node, HttpClient http, String secret) {
            StringBuilder seen = new StringBuilder();
            try {
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(node.url("/v1/models"))
                        .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
                seen.append("/v1/models -> ").append(list.statusCode()).append('\n');
                for (JsonNode m : Json.mapper().readTree(list.body()).path("data")) {
                    String id = m.get("id").asText();
                    Target t = new Target(http, node.url("/v1/chat/completions"), secret,
                            "{\"model\":\"" + id + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
                    HttpResponse<String> r = http.send(t.request(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return id;
                    }
                    seen.append(id).append(" -> ").append(r.statusCode()).append(' ').append(r.body()).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("no chat model answers on this catalog:\n" + seen);
        }

        private static void putLimits(Node node, String lead, String accountId) {
            put(node, lead, "/admin/v1/accounts/" + accountId + "/limits", "{\"rpm\":100000,\"rpd\":100000000,\"concurrent\":10000,"
                    + "\"reason\":\"bench plane: limits far above the load\"}");
        }

        /**
         * A volume-discount schedule with a step the load never reaches, so every metered request is discounted and its
         * account's month spend is kept and re-read as in production (the plane's most expensive discount case).
         */
        private static void putDiscounts(Node node, String lead) {
            put(node, lead, "/admin/v1/volume-discounts", "{\"steps\":[{\"monthly_spend_from\":\"0\",\"percent_off\":\"1\"},"
                    + "{\"monthly_spend_from\":\"10000000\",\"percent_off\":\"2\"}],\"reason\":\"bench plane: discounts billed\"}");
        }

        private static void put(Node node, String lead, String path, String body) {
            URI uri = node.url(path);
            HttpClient http = HttpClient.newHttpClient();
            try {
                HttpResponse<String> current = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + lead).build(),
                        HttpResponse.BodyHandlers.ofString());
                String etag = current.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(
                        path + " without an ETag: " + current.statusCode() + " " + current.body()));
                HttpResponse<String> resp = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + lead).header("Content-Type", "application/json").header("If-Match", etag)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (resp.statusCode() / 100 != 2) {
                    throw new IllegalStateException(path + ": " + resp.statusCode() + " " + resp.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Embedded PostgreSQL (io.zonky, a test dependency) when it is on the classpath, by reflection. */
    private static final class EmbeddedPostgresIfPresent {
        /** {closeable server, JDBC URL of its postgres database}, or null when absent. */
        static Object[] start() throws Exception {
            Class<?> c;
            try {
                c = Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
            } catch (ClassNotFoundException e) {
                return null;
            }
            Object builder = c.getMethod("builder").invoke(null);
            Object pg = builder.getClass().getMethod("start").invoke(builder);
            String url = (String) c.getMethod("getJdbcUrl", String.class, String.class).invoke(pg, "postgres", "postgres");
            return new Object[] {pg, url};
        }
    }
}
