package dev.gatehouse.gateway.refunds;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestDatabases;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.credits.CreditStoreTest;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 tests: 20 concurrent approvals with one Idempotency-Key give one payout and one ledger entry, and 20 with
 * different keys on the same refund give one payout, on H2 and on PostgreSQL, where transactions really block on rows.
 */
class RefundConcurrencyTest {
    static Stream<TestDatabases.Kind> databases() {
        return TestDatabases.both();
    }

    private static List<TestGateway.Response> burst(TestGateway gw, String id, boolean oneKey) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<TestGateway.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = oneKey ? "approve-" + id : "approve-" + id + "-" + i;
                Role role = i % 2 == 0 ? Role.SUPPORT : Role.LEAD;
                calls.add(() -> gw.post(oneKey ? Role.SUPPORT : role, "/admin/v1/refunds/" + id + "/approve",
                        "{\"amount\":\"10.00\",\"reason\":\"burst\"}", Map.of("Idempotency-Key", key)));
            }
            List<TestGateway.Response> out = new ArrayList<>();
            for (var f : pool.invokeAll(calls)) out.add(f.get());
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static void assertPaidOnce(TestGateway gw, String id) {
        String acct = gw.get(Role.VIEWER, "/admin/v1/refunds/" + id).json().at("/refund/account_id").asText();
        gw.db().jdbi().useHandle(h -> {
            assertThat(SimulatedPayouts.payments(h, "refund-payout-" + id)).as("payouts").isEqualTo(1);
            assertThat(h.createQuery("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'refund' AND account_id = :a")
                    .bind("a", acct).mapTo(Long.class).one()).as("refund ledger lines").isEqualTo(1);
            assertThat(h.createQuery("SELECT state FROM refunds WHERE id = :id").bind("id", id).mapTo(String.class).one()).isEqualTo("paid");
            CreditStoreTest.assertInvariant(h, acct, Instant.now());
        });
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twentyConcurrentApprovalsWithOneIdempotencyKeyPayOnce(TestDatabases.Kind kind) throws Exception {
        try (TestGateway gw = new TestGateway(kind.open().get())) {
            String id = TestRefunds.request(gw, "10.00");
            List<TestGateway.Response> responses = burst(gw, id, true);
            // one executes; its twins replay its answer, or are told it is still in flight
            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
            assertThat(responses.stream().filter(r -> r.status() == 200 && r.header("Idempotent-Replayed") == null)).hasSize(1);
            responses.stream().filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(r.json().get("type").asText()).endsWith("/idempotency-in-flight"));
            assertPaidOnce(gw, id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twentyConcurrentApprovalsWithDifferentKeysOnOneRefundPayOnce(TestDatabases.Kind kind) throws Exception {
        try (TestGateway gw = new TestGateway(kind.open().get())) {
            String id = TestRefunds.request(gw, "10.00");
            List<TestGateway.Response> responses = burst(gw, id, false);
            assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
            assertPaidOnce(gw, id);
        }
    }
}
