package dev.gatehouse.gateway.http;

import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The rails on a real PostgreSQL, where concurrent transactions really do block on each other's rows. */
class IdempotencyTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(PostgresDatabase.fresh());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static long count(String sql, String id) {
        return gw.db().jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).one());
    }

    @Test
    void twentyConcurrentIdenticalRequestsOnPostgresHaveOneEffect() throws Exception {
        var acct = TestAccounts.create(gw.db(), "Pg Burst Co", "pro", "active", 3);
        String key = acct.keyIds().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<TestGateway.Response> responses = new ArrayList<>();
        try {
            List<Callable<TestGateway.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> gw.post(Role.TRUST_SAFETY, "/admin/v1/keys/" + key + "/actions",
                        "{\"action\":\"revoke\",\"reason\":\"leaked\"}", Map.of("Idempotency-Key", "pg-burst")));
            }
            for (var f : pool.invokeAll(calls)) responses.add(f.get());
        } finally {
            pool.shutdown();
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(responses).extracting(TestGateway.Response::body).containsOnly(responses.get(0).body());
        assertThat(count("SELECT COUNT(*) FROM audit_entries WHERE target = :id", key)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM enforcement_actions WHERE key_id = :id", key)).isEqualTo(1);
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
    }

    @Test
    void twoWritersWithOneETagOnPostgres() throws Exception {
        var acct = TestAccounts.create(gw.db(), "Pg Race Co", "free", "active", 0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> gw.patch(Role.OPS, "/admin/v1/accounts/" + acct.accountId(), "{\"tier\":\"pro\"}", Map.of("If-Match", "\"1\"")));
            var b = pool.submit(() -> gw.patch(Role.SUPPORT, "/admin/v1/accounts/" + acct.accountId(), "{\"name\":\"Renamed\"}", Map.of("If-Match", "\"1\"")));
            assertThat(List.of(a.get().status(), b.get().status())).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT COUNT(*) FROM audit_entries WHERE target = :id", acct.accountId())).isEqualTo(1);
    }
}
