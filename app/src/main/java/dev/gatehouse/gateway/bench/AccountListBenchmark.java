package dev.gatehouse.gateway.bench;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.demo.DemoData;
import dev.gatehouse.gateway.demo.DemoScale;
import dev.gatehouse.policy.Role;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Filtered list pages over real HTTP on the demo data (DESIGN §5, issue 3): seeds a database, starts the gateway
 * on loopback and times first pages of the lists operators use most, printing p50/p95/p99 per query.
 * A benchmark, not a test: the numbers depend on the machine and are reported, not asserted.
 */
public final class AccountListBenchmark {
    private AccountListBenchmark() {}

    /** {@code reuse}: a database that already holds a complete demo is measured as it is instead of refused. */
    public record Options(DemoScale scale, long seed, int iterations, String dbUrl, String dbUser, String dbPassword, boolean reuse,
                          List<String> only) {}

    /** Runs the benchmark; returns the p95 of every query in milliseconds, by name. */
    public static Map<String, Double> run(Options o, PrintStream out) throws InterruptedException {
        Database db = o.dbUrl() == null ? Database.inMemory() : Database.open(o.dbUrl(), o.dbUser(), o.dbPassword());
        long t0 = System.nanoTime();
        // seeding the large demo takes minutes: --reuse measures a database seeded by an earlier run again
        DemoData.Seeded seeded = o.reuse() ? DemoData.seedOrReuse(db, o.seed(), o.scale())
                : new DemoData.Seeded(DemoData.seed(db, o.seed(), o.scale()), false);
        Map<Role, String> tokens = seeded.tokens();
        out.printf(Locale.ROOT, "%s %s demo data on %s in %.1f s%n", seeded.reused() ? "reused" : "seeded",
                o.scale().name().toLowerCase(Locale.ROOT), db.product(), (System.nanoTime() - t0) / 1e9);
        try (GatewayServer server = new GatewayServer(db, "bench").start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/admin/v1";
            String token = tokens.get(Role.VIEWER);
            Random r = new Random(o.seed());
            List<String> accountIds = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM accounts ORDER BY id LIMIT 2000").mapTo(String.class).list());
            List<String> sampleIds = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                // spread over the whole table, not just its oldest rows
                sampleIds.add(db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE id <= :from ORDER BY id DESC LIMIT 1")
                        .bind("from", accountIds.get(r.nextInt(accountIds.size())).substring(0, 7) + randomIdChars(r))
                        .mapTo(String.class).findOne().orElse(accountIds.get(0))));
            }
            List<String> names = db.jdbi().withHandle(h -> h.createQuery("SELECT name_lower FROM accounts ORDER BY id DESC LIMIT 3000")
                    .mapTo(String.class).list());
            List<String> emails = db.jdbi().withHandle(h -> h.createQuery("SELECT email FROM accounts ORDER BY id LIMIT 3000")
                    .mapTo(String.class).list());
            List<String> actors = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM operators ORDER BY id").mapTo(String.class).list());
            String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            Map<String, Supplier<String>> queries = new LinkedHashMap<>();
            // refunds (issue 10): the queue as the Refunds workspace opens it
            queries.put("refund queue (requested)", () -> "/refunds?state=requested");
            queries.put("keys, newest first", () -> "/keys");
            queries.put("keys by mode (test)", () -> "/keys?mode=test");
            queries.put("keys of an account", () -> "/keys?account_id=" + sampleIds.get(r.nextInt(sampleIds.size())));
            queries.put("keys by prefix (sk-live-Xy)", () -> "/keys?prefix=" + enc("sk-live-" + alphabet.charAt(r.nextInt(alphabet.length()))
                    + alphabet.charAt(r.nextInt(alphabet.length()))));
            queries.put("keys by prefix (sk-test-)", () -> "/keys?prefix=sk-test-");
            queries.put("keys by status (suspended)", () -> "/keys?status=suspended");
            queries.put("accounts by name prefix", () -> {
                String n = names.get(r.nextInt(names.size()));
                return "/accounts?q=" + enc(n.substring(0, Math.min(n.length(), 3 + r.nextInt(5))));
            });
            queries.put("accounts by email", () -> "/accounts?q=" + enc(emails.get(r.nextInt(emails.size()))));
            queries.put("accounts by status (suspended)", () -> "/accounts?status=suspended");
            queries.put("accounts by tier (enterprise)", () -> "/accounts?tier=enterprise");
            queries.put("accounts by text + tier", () -> "/accounts?tier=pro&q=" + enc(names.get(r.nextInt(names.size())).substring(0, 3)));
            queries.put("accounts, newest first", () -> "/accounts");
            queries.put("audit, newest first", () -> "/audit");
            queries.put("audit by actor", () -> "/audit?actor=" + actors.get(r.nextInt(actors.size())));
            // pricing and tiers (issue 11)
            List<String> priced = db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT model_id FROM price_versions ORDER BY model_id")
                    .mapTo(String.class).list());
            if (!priced.isEmpty()) {
                queries.put("price changes, newest first", () -> "/price-changes");
                queries.put("price changes by state (applied)", () -> "/price-changes?state=applied");
                queries.put("price changes of a model", () -> "/price-changes?model_id=" + priced.get(r.nextInt(priced.size())));
                queries.put("price notices, newest first", () -> "/price-notices");
                queries.put("a model's prices and history", () -> "/models/" + priced.get(r.nextInt(priced.size())) + "/prices");
                queries.put("tiers with counts", () -> "/tiers");
            }
            // support queue (issue 10)
            queries.putAll(TicketListBenchmark.queries(db, r));
            queries.putAll(AbuseQueueBenchmark.queries(r)); // abuse queue (issue 9)

            if (!o.only().isEmpty()) {
                queries.keySet().removeIf(name -> o.only().stream().noneMatch(w -> name.toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT))));
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // warm the JIT and the database's caches, but never for longer than the measurement itself
            for (int i = 0; i < Math.min(300, Math.max(10, o.iterations())); i++) {
                for (Supplier<String> q : queries.values()) {
                    get(http, page(base + q.get(), r), token);
                }
            }
            out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s   (%d requests each, a first page of 40 to 60, over HTTP)%n",
                    "query", "p50 ms", "p95 ms", "p99 ms", "max ms", o.iterations());
            Map<String, Double> p95 = new LinkedHashMap<>();
            for (var e : queries.entrySet()) {
                double[] ms = new double[o.iterations()];
                for (int i = 0; i < ms.length; i++) {
                    String url = page(base + e.getValue().get(), r);
                    long s = System.nanoTime();
                    get(http, url, token);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                p95.put(e.getKey(), percentile(ms, 95));
                out.printf(Locale.ROOT, "%-34s %8.2f %8.2f %8.2f %8.2f%n", e.getKey(), percentile(ms, 50), percentile(ms, 95),
                        percentile(ms, 99), ms[ms.length - 1]);
            }
            return p95;
        }
    }

    /**
     * A page of 40 to 60: H2 hands back its previous result for a repeated query with the same parameters, so a
     * fixed URL would time that cache rather than the query.
     */
    private static String page(String url, Random r) {
        return url + (url.contains("?") ? "&" : "?") + "limit=" + (40 + r.nextInt(21));
    }

    private static String randomIdChars(Random r) {
        String a = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) sb.append(a.charAt(r.nextInt(a.length())));
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static double percentile(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void get(HttpClient http, String url, String token) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(url + " failed", e);
        }
    }
}
