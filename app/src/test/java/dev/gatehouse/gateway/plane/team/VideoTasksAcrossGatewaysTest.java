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
import dev.gatehouse.gateway.pricing.MovableClock;
import dev.gatehouse.policy.Money;
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
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Video tasks across gateways on one embedded PostgreSQL: a reservation lives in the memory of the node that made it,
 * so only that node settles it while it is alive; a task whose node is gone is billed by another with a plain charge
 * (or fails, uncharged, when the credits cannot cover it); a task left settling by a crashed node is picked up again.
 */
class VideoTasksAcrossGatewaysTest {
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-10-01T12:00:20Z"));
    static final String VIDEO = "{\"model\":\"openai/sora-2\",\"prompt\":\"a lighthouse at dusk\"}";
    static final HttpClient http = HttpClient.newHttpClient();
    static String url;
    static Database dbA;
    static Database dbB;
    static GatewayServer a;
    static GatewayServer b;

    @BeforeAll
    static void start() {
        url = PostgresDatabase.freshUrl();
        dbA = Database.open(url, "postgres", null);
        dbB = Database.open(url, "postgres", null);
        CatalogSeed.seed(dbA, 42);
        a = new GatewayServer(dbA, "test", CLOCK).start("127.0.0.1", 0);
        b = new GatewayServer(dbB, "test", CLOCK).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    record Key(String accountId, String secret) {}

    static Key key() {
        String account = TestAccounts.create(dbA, "Video " + UUID.randomUUID(), "pro", "active", 0).accountId();
        KeySecrets.Secret s = KeySecrets.newSecret("live");
        dbA.jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4, "
                        + "status, created_at) VALUES (:id, :acct, 'video test', 'live', :hash, :prefix, :last4, 'active', :at)")
                .bind("id", PrefixedIds.next("key_", CLOCK.instant())).bind("acct", account).bind("hash", s.hash())
                .bind("prefix", s.prefix()).bind("last4", s.last4()).bind("at", CLOCK.instant().atOffset(ZoneOffset.UTC)).execute());
        return new Key(account, s.plain());
    }

    static HttpResponse<String> send(GatewayServer node, Key k, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .header("Authorization", "Bearer " + k.secret()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String submit(GatewayServer node, Key k) throws Exception {
        HttpResponse<String> r = send(node, k, "POST", "/v1/videos/generations", VIDEO);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body()).get("id").asText();
    }

    /** Moves the clock on in steps a heartbeat apart, so no live node looks gone on the way. */
    static void advance(Duration by) throws InterruptedException {
        for (Duration left = by; !left.isNegative() && !left.isZero(); left = left.minusSeconds(3)) {
            CLOCK.advance(left.compareTo(Duration.ofSeconds(3)) < 0 ? left : Duration.ofSeconds(3));
            Thread.sleep(300);
        }
    }

    static String status(String task) {
        return dbA.jdbi().withHandle(h -> h.createQuery("SELECT status FROM video_tasks WHERE id = :id").bind("id", task)
                .mapTo(String.class).one());
    }

    static BigDecimal reserved(String task) {
        return dbA.jdbi().withHandle(h -> h.createQuery("SELECT reserved FROM video_tasks WHERE id = :id").bind("id", task)
                .mapTo(BigDecimal.class).one());
    }

    static BigDecimal balance(String account) {
        return dbA.jdbi().withHandle(h -> CreditStore.lockBalance(h, account).orElseThrow());
    }

    /** Leases that still hold credit for the account (an emptied row stays until its node's next sweep, every 10 s). */
    static int leases(String account) {
        return dbA.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM credit_leases WHERE account_id = :a AND amount > 0")
                .bind("a", account).mapTo(Integer.class).one());
    }

    static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        T v = read.get();
        for (int i = 0; i < 100 && !done.test(v); i++) {
            Thread.sleep(50);
            v = read.get();
        }
        return v;
    }

    @Test
    void aTaskIsSettledByTheNodeThatReservedItWhileThatNodeLives() throws Exception {
        Key k = key();
        String task = submit(a, k);
        BigDecimal cost = reserved(task);
        assertThat(cost).isPositive();
        advance(Duration.ofSeconds(12));
        // read through B: B leaves it to A, which holds the reservation
        HttpResponse<String> seen = send(b, k, "GET", "/v1/videos/" + task, null);
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(eventually(() -> status(task), "completed"::equals)).isEqualTo("completed");
        // A billed it and gave its reservation back (no lease of A is left holding it)
        assertThat(eventually(() -> balance(k.accountId()), v -> v.compareTo(Money.of("25").subtract(cost)) == 0))
                .isEqualByComparingTo(Money.of("25").subtract(cost));
        assertThat(eventually(() -> leases(k.accountId()), n -> n == 0)).as("leases left for the account").isZero();
    }

    @Test
    void aTaskWhoseNodeIsGoneIsChargedByAnotherAndOneStuckSettlingIsPickedUpAgain() throws Exception {
        Key k = key();
        Database dbC = Database.open(url, "postgres", null);
        GatewayServer c = new GatewayServer(dbC, "test", CLOCK).start("127.0.0.1", 0);
        String orphan = submit(c, k);
        String stuck = submit(c, k);
        BigDecimal cost = reserved(orphan);
        c.close(); // its reservations go back with its leases
        // a settler that crashed mid-way left this one settling
        dbA.jdbi().useHandle(h -> h.createUpdate("UPDATE video_tasks SET status = 'settling', settling_since = :now WHERE id = :id")
                .bind("now", CLOCK.instant().atOffset(ZoneOffset.UTC)).bind("id", stuck).execute());
        advance(Duration.ofSeconds(15));
        assertThat(eventually(() -> status(orphan), "completed"::equals)).isEqualTo("completed");
        assertThat(status(stuck)).isEqualTo("settling");
        assertThat(eventually(() -> balance(k.accountId()), v -> v.compareTo(Money.of("25").subtract(cost)) == 0))
                .as("the orphan is billed by a plain charge").isEqualByComparingTo(Money.of("25").subtract(cost));
        advance(Duration.ofSeconds(50));
        assertThat(eventually(() -> status(stuck), "completed"::equals)).isEqualTo("completed");
        assertThat(eventually(() -> balance(k.accountId()), v -> v.compareTo(Money.of("25").subtract(cost.add(cost))) == 0))
                .isEqualByComparingTo(Money.of("25").subtract(cost.add(cost)));
    }

    @Test
    void anOrphanTheCreditsCannotCoverFailsUncharged() throws Exception {
        Key k = key();
        Database dbC = Database.open(url, "postgres", null);
        GatewayServer c = new GatewayServer(dbC, "test", CLOCK).start("127.0.0.1", 0);
        String orphan = submit(c, k);
        c.close();
        dbA.jdbi().useTransaction(h -> CreditStore.use(h, k.accountId(), Money.of("25"), CLOCK.instant(), "test drain", "system"));
        advance(Duration.ofSeconds(15));
        assertThat(eventually(() -> status(orphan), "failed"::equals)).isEqualTo("failed");
        HttpResponse<String> seen = send(b, k, "GET", "/v1/videos/" + orphan, null);
        assertThat(Json.mapper().readTree(seen.body()).get("error").get("code").asText()).isEqualTo("insufficient_quota");
        assertThat(balance(k.accountId())).isEqualByComparingTo("0");
    }
}
