package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data plane as the gateway program wires it: the cached keys and catalog with plane-enforce's real rate limits and
 * credit metering. A live key's chat is debited from its account (after the meter's flush), a test key's is free, and
 * an account without credits gets 402.
 */
class PlaneEndToEndTest {
    static PlaneFixture plane;

    @BeforeAll
    static void start() {
        plane = new PlaneFixture(Database.inMemory(), true);
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    static BigDecimal balance(String account) {
        return plane.gateway.db().jdbi().withHandle(h -> h.createQuery("SELECT balance FROM accounts WHERE id = :id")
                .bind("id", account).mapTo(BigDecimal.class).one());
    }

    static String chat(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"What does a gateway do?\"}]}";
    }

    static void awaitUsage(String account, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && plane.gateway.db().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM usage_records WHERE account_id = :a").bind("a", account).mapTo(Integer.class).one()) < rows) {
            Thread.sleep(50);
        }
    }

    @Test
    void aLiveKeysChatIsDebitedAndLogged() throws Exception {
        PlaneFixture.Key k = plane.key("live");
        BigDecimal before = balance(k.accountId());
        TestGateway.Response r = plane.send(k.secret(), "POST", "/v1/chat/completions", chat("openai/gpt-4o"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("x-ratelimit-limit-requests")).isNotNull();
        awaitUsage(k.accountId(), 2);
        assertThat(balance(k.accountId())).isLessThan(before);
        int logged = plane.gateway.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM request_log WHERE key_id = :k")
                .bind("k", k.id()).mapTo(Integer.class).one());
        assertThat(logged).isEqualTo(1);
    }

    @Test
    void aTestKeySpendsNothing() throws Exception {
        PlaneFixture.Key k = plane.key("test");
        String model = plane.send(k.secret(), "GET", "/v1/models", null).json().get("data").get(0).get("id").asText();
        BigDecimal before = balance(k.accountId());
        TestGateway.Response r = plane.send(k.secret(), "POST", "/v1/chat/completions", chat(model));
        assertThat(r.status()).as(r.body()).isIn(200, 400); // the first listed may be an image model
        Thread.sleep(400); // two meter flushes
        assertThat(balance(k.accountId())).isEqualByComparingTo(before);
    }

    @Test
    void noCreditsIs402() {
        PlaneFixture.Key k = plane.key("live");
        plane.gateway.db().jdbi().useHandle(h -> {
            h.execute("UPDATE credit_lots SET remaining = 0 WHERE account_id = ?", k.accountId());
            h.execute("UPDATE accounts SET balance = 0 WHERE id = ?", k.accountId());
        });
        TestGateway.Response r = plane.send(k.secret(), "POST", "/v1/chat/completions", chat("openai/gpt-4o"));
        assertThat(r.status()).as(r.body()).isEqualTo(402);
        assertThat(r.json().get("error").get("type").asText()).isEqualTo("insufficient_quota");
    }
}
