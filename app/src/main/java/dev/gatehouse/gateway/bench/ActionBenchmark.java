package dev.gatehouse.gateway.bench;

import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.demo.DemoData;
import dev.gatehouse.gateway.demo.DemoScale;
import dev.gatehouse.policy.Role;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Operator actions over real HTTP (issue 8): a few concurrent clients each suspend and reinstate their own keys,
 * every request with a fresh Idempotency-Key, against a gateway on an H2 file (default, in a temp dir) or the
 * given empty database. Prints actions/s and p50/p95/p99; this is what a durable commit costs. A benchmark, not a
 * test: the numbers depend on the machine and its disk and are reported, not asserted.
 */
public final class ActionBenchmark {
    private static final int KEYS_PER_CLIENT = 20;

    private ActionBenchmark() {}

    public record Options(long seed, int clients, int actions, String dbUrl, String dbUser, String dbPassword) {}

    public record Result(double actionsPerSecond, double p50, double p95, double p99, double max) {}

    public static Result run(Options o, PrintStream out) throws InterruptedException {
        Path dir = null;
        String url = o.dbUrl();
        try {
            if (url == null) {
                dir = Files.createTempDirectory("gatehouse-bench-");
                url = "jdbc:h2:file:" + dir.resolve("gateway");
            }
            Database db = Database.open(url, o.dbUrl() == null ? "sa" : o.dbUser(), o.dbUrl() == null ? "" : o.dbPassword());
            long t0 = System.nanoTime();
            Map<Role, String> tokens = DemoData.seed(db, o.seed(), DemoScale.SMALL);
            out.printf(Locale.ROOT, "seeded small demo data on %s (%s) in %.1f s%n", db.product(), url, (System.nanoTime() - t0) / 1e9);
            try (GatewayServer server = new GatewayServer(db, "bench").start("127.0.0.1", 0)) {
                return measure(o, db, "http://127.0.0.1:" + server.port() + "/admin/v1/keys/", tokens.get(Role.TRUST_SAFETY), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the benchmark's database directory", e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static Result measure(Options o, Database db, String keysUrl, String token, PrintStream out) throws InterruptedException {
        List<String> keys = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM api_keys WHERE status = 'active' ORDER BY id LIMIT :n")
                .bind("n", o.clients() * KEYS_PER_CLIENT).mapTo(String.class).list());
        if (keys.size() < o.clients() * KEYS_PER_CLIENT) {
            throw new IllegalStateException("the demo data has only " + keys.size() + " active keys");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(o.clients());
        try {
            // warm-up: JIT, connection setup, pool; each client leaves its keys active again (an even count per key)
            burst(pool, http, keysUrl, token, keys, o.clients(), o.clients() * KEYS_PER_CLIENT * 2);
            long started = System.nanoTime();
            double[] ms = burst(pool, http, keysUrl, token, keys, o.clients(), o.actions());
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(ms);
            Result r = new Result(ms.length / seconds, AccountListBenchmark.percentile(ms, 50), AccountListBenchmark.percentile(ms, 95),
                    AccountListBenchmark.percentile(ms, 99), ms[ms.length - 1]);
            out.printf(Locale.ROOT, "%d key actions (suspend/reinstate, each with an Idempotency-Key) by %d clients over HTTP in %.1f s%n",
                    ms.length, o.clients(), seconds);
            out.printf(Locale.ROOT, "%10s %8s %8s %8s %8s%n", "actions/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
            out.printf(Locale.ROOT, "%10.1f %8.2f %8.2f %8.2f %8.2f%n", r.actionsPerSecond(), r.p50(), r.p95(), r.p99(), r.max());
            return r;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each client takes every clients-th key and toggles its keys in turn; returns every request's latency in ms. */
    private static double[] burst(ExecutorService pool, HttpClient http, String keysUrl, String token, List<String> keys, int clients,
                                  int actions) throws InterruptedException {
        List<Future<double[]>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            int mine = actions / clients + (client < actions % clients ? 1 : 0);
            List<String> own = new ArrayList<>();
            for (int i = client; i < clients * KEYS_PER_CLIENT; i += clients) {
                own.add(keys.get(i));
            }
            done.add(pool.submit(() -> {
                double[] ms = new double[mine];
                boolean[] suspended = new boolean[own.size()];
                for (int i = 0; i < mine; i++) {
                    int k = i % own.size();
                    String action = suspended[k] ? "reinstate" : "suspend";
                    long s = System.nanoTime();
                    post(http, keysUrl + own.get(k) + "/actions", token, action);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    suspended[k] = !suspended[k];
                }
                return ms;
            }));
        }
        List<double[]> all = new ArrayList<>();
        for (Future<double[]> f : done) {
            try {
                all.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a benchmark client failed", e.getCause());
            }
        }
        return all.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static void post(HttpClient http, String url, String token, String action) throws IOException, InterruptedException {
        String body = Json.mapper().writeValueAsString(Map.of("action", action, "reason", "benchmark"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(action + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless; the numbers are already printed
        }
    }
}
