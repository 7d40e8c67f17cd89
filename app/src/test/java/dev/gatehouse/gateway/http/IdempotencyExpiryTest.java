package dev.gatehouse.gateway.http;

import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys are remembered for a day, then forgotten: by the sweep, or on the spot when one is reused. */
class IdempotencyExpiryTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = SharedGateways.plain();
    }


    private static void age(String key, Instant createdAt) {
        gw.db().jdbi().useHandle(h -> h.createUpdate("UPDATE idempotency_keys SET created_at = :at WHERE idem_key = :key")
                .bind("at", createdAt).bind("key", key).execute());
    }

    private static long stored(String key) {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = :key")
                .bind("key", key).mapTo(Long.class).one());
    }

    private static TestGateway.Response suspend(String keyId, String reason, String idemKey) {
        return gw.post(Role.TRUST_SAFETY, "/admin/v1/keys/" + keyId + "/actions",
                "{\"action\":\"suspend\",\"reason\":\"" + reason + "\"}", Map.of(Idempotency.HEADER, idemKey));
    }

    @Test
    void aKeyWithinItsDayStillReplaysAndBlocksAnotherBody() {
        var acct = TestAccounts.create(gw.db(), "Day Co", "pro", "active", 1);
        String key = acct.keyIds().get(0);
        assertThat(suspend(key, "leaked", "day-1").status()).isEqualTo(200);
        age("day-1", Instant.now().minus(Idempotency.KEPT_FOR).plusSeconds(60));
        assertThat(Idempotency.forgetExpired(gw.db().jdbi(), Instant.now())).isZero();
        assertThat(suspend(key, "leaked", "day-1").raw().headers().firstValue(Idempotency.REPLAYED_HEADER)).contains("true");
        assertThat(suspend(key, "another reason", "day-1").status()).isEqualTo(422);
    }

    @Test
    void theSweepForgetsKeysOlderThanADay() {
        var acct = TestAccounts.create(gw.db(), "Sweep Co", "pro", "active", 1);
        assertThat(suspend(acct.keyIds().get(0), "leaked", "sweep-1").status()).isEqualTo(200);
        age("sweep-1", Instant.now().minus(Idempotency.KEPT_FOR).minusSeconds(60));
        assertThat(Idempotency.forgetExpired(gw.db().jdbi(), Instant.now())).isEqualTo(1);
        assertThat(stored("sweep-1")).isZero();
    }

    @Test
    void anExpiredKeyIsFreeForANewRequestBeforeTheSweepRuns() {
        var acct = TestAccounts.create(gw.db(), "Reuse Co", "pro", "active", 2);
        assertThat(suspend(acct.keyIds().get(0), "leaked", "reuse-1").status()).isEqualTo(200);
        age("reuse-1", Instant.now().minus(Idempotency.KEPT_FOR).minusSeconds(60));
        TestGateway.Response second = suspend(acct.keyIds().get(1), "botnet pattern", "reuse-1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.raw().headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
        assertThat(second.json().path("key").path("id").asText()).isEqualTo(acct.keyIds().get(1));
    }
}
