package dev.gatehouse.gateway.plane.team;

import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.demo.CatalogSeed;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeySecrets;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.gateway.pricing.MovableClock;
import dev.gatehouse.gateway.tiers.TierStore;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.TierLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team mode (issue 12 §4): two gateway processes' worth of servers (each its own pool, caches, rate limiter and meter)
 * on one embedded PostgreSQL, driven over real HTTP. Balances never overdraw across them, rate limits hold, and a key
 * suspended through one is refused by the other within a second.
 */
class TwoGatewaysTest {
    /** Mid-minute, so a test's requests share one rate-limit window. */
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-10-01T12:00:20Z"));
    static final String MODEL = "openai/gpt-4o";
    static final String CHAT = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"What does a gateway do?\"}]}";
    static Database dbA;
    static Database dbB;
    static GatewayServer a;
    static GatewayServer b;
    static String lead;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        String url = PostgresDatabase.freshUrl();
        dbA = Database.open(url, "postgres", null);
        dbB = Database.open(url, "postgres", null);
        CatalogSeed.seed(dbA, 42);
        lead = new OperatorStore(dbA.jdbi()).create("op_team_lead", "Team Lead", "lead@team.test", Role.LEAD);
        a = new GatewayServer(dbA, "test", CLOCK).start("127.0.0.1", 0);
        b = new GatewayServer(dbB, "test", CLOCK).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    record Key(String id, String accountId, String secret) {}

    /** An active live key of a new account on {@code tier}, with the test accounts' 25.00 of credit. */
    static Key key(String tier) {
        String account = TestAccounts.create(dbA, "Team " + UUID.randomUUID(), tier, "active", 0).accountId();
        KeySecrets.Secret s = KeySecrets.newSecret("live");
        String id = PrefixedIds.next("key_", CLOCK.instant());
        dbA.jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4, "
                        + "status, created_at) VALUES (:id, :acct, 'team test', 'live', :hash, :prefix, :last4, 'active', :at)")
                .bind("id", id).bind("acct", account).bind("hash", s.hash()).bind("prefix", s.prefix()).bind("last4", s.last4())
                .bind("at", CLOCK.instant().atOffset(ZoneOffset.UTC)).execute());
        return new Key(id, account, s.plain());
    }

    static HttpResponse<String> chat(GatewayServer node, Key k) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + k.secret()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal balance(String account) {
        return dbA.jdbi().withHandle(h -> CreditStore.lockBalance(h, account).orElseThrow());
    }

    /** {@code n} chat requests at once, alternating the two gateways; how many got each status. */
    static Map<Integer, Integer> race(Key k, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                GatewayServer node = i % 2 == 0 ? a : b;
                Callable<Integer> call = () -> {
                    go.await();
                    return chat(node, k).statusCode();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> f : results) {
                counts.merge(f.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyRequestsOverBothGatewaysAgainstABalanceForTenGetTenAnswers() throws Exception {
        // what one such chat costs, from a rich account's request log
        Key probe = key("pro");
        HttpResponse<String> first = chat(a, probe);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String requestId = first.headers().firstValue("x-request-id").orElseThrow();
        BigDecimal cost = null;
        for (int i = 0; i < 50 && cost == null; i++) {
            Thread.sleep(50);
            cost = dbA.jdbi().withHandle(h -> h.createQuery("SELECT cost FROM request_log WHERE id = :id").bind("id", requestId)
                    .mapTo(BigDecimal.class).findOne().orElse(null));
        }
        assertThat(cost).isNotNull().isPositive();

        Key k = key("enterprise");
        BigDecimal ten = cost.multiply(BigDecimal.TEN);
        dbA.jdbi().useTransaction(h -> {
            // limits far above the race, so only the credits decide
            TierStore.setCustom(h, k.accountId(), new TierLimits(10_000, 100_000, 100), "op_ops", CLOCK.instant());
            CreditStore.use(h, k.accountId(), Money.of("25").subtract(ten), CLOCK.instant(), "test setup", "system");
        });
        assertThat(race(k, 50)).containsEntry(200, 10).containsEntry(402, 40).hasSize(2);
        // both meters flush every 200 ms; on a loaded machine a flush can come late
        long deadline = System.nanoTime() + 10_000_000_000L;
        int charged;
        do {
            Thread.sleep(50);
            charged = dbA.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM usage_records WHERE account_id = :a AND first_line")
                    .bind("a", k.accountId()).mapTo(Integer.class).one());
        } while ((charged < 10 || balance(k.accountId()).signum() != 0) && System.nanoTime() < deadline);
        assertThat(balance(k.accountId())).isEqualByComparingTo("0");
        assertThat(charged).isEqualTo(10);
    }

    @Test
    void aFreeKeysTenRequestsAMinuteHoldAcrossBothGateways() throws Exception {
        Key k = key("free");
        // sequential, alternating: the window's 10 go one at a time to whichever gateway asks
        Map<Integer, Integer> counts = new TreeMap<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = chat(i % 2 == 0 ? a : b, k);
            counts.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 429 && refused == null) {
                refused = r;
            }
        }
        assertThat(counts).containsEntry(200, 10).containsEntry(429, 20);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("40");
        assertThat(refused.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(Json.mapper().readTree(refused.body()).get("error").get("code").asText()).isEqualTo("rate_limit_exceeded");
        // and concurrently, in the next minute: never more than 10
        CLOCK.set(Instant.parse("2026-10-01T12:01:20Z"));
        try {
            Map<Integer, Integer> burst = race(k, 30);
            assertThat(burst.getOrDefault(200, 0)).isBetween(1, 10);
            assertThat(burst.get(429)).isEqualTo(30 - burst.getOrDefault(200, 0));
        } finally {
            CLOCK.set(Instant.parse("2026-10-01T12:00:20Z"));
        }
    }

    @Test
    void aKeySuspendedThroughOneGatewayIsRefusedByTheOtherWithinASecond() throws Exception {
        Key k = key("pro");
        assertThat(chat(b, k).statusCode()).isEqualTo(200); // B has the key cached
        HttpResponse<String> suspended = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port()
                                + "/admin/v1/keys/" + k.id() + "/actions"))
                        .header("Authorization", "Bearer " + lead).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"suspend\",\"reason\":\"Key posted publicly (ai-visual-studio §3)\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        long t0 = System.nanoTime();
        // on A, the suspending gateway, at once
        assertThat(chat(a, k).statusCode()).isEqualTo(403);
        int status = 0;
        long elapsed = 0;
        while (elapsed < Duration.ofSeconds(2).toNanos()) {
            status = chat(b, k).statusCode();
            elapsed = System.nanoTime() - t0;
            if (status == 403) {
                break;
            }
        }
        System.out.printf("suspended through gateway A; refused on gateway B after %.1f ms%n", elapsed / 1e6);
        assertThat(status).isEqualTo(403);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(1).toNanos());
    }
}
