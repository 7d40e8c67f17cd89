package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.credits.CreditStoreTest;
import dev.gatehouse.gateway.refunds.RefundStore;
import dev.gatehouse.gateway.settings.PolicyStore;
import dev.gatehouse.policy.RefundEligibility;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's refund requests cover every eligibility case and outcome, and leave the ledger and the holds consistent. */
class RefundSeedTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static Database db;
    private static RefundSeed.Result result;

    @BeforeAll
    static void seed() {
        db = Database.inMemory();
        AccountSeed.seed(db, 42, DemoScale.SMALL, NOW);
        result = RefundSeed.seed(db, 42, DemoScale.SMALL, NOW);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<String> values(Handle h, String sql) {
        return h.createQuery(sql).mapTo(String.class).list();
    }

    @Test
    void aboutAHundredAndFiftyRequestsInEveryStateAndVerdict() {
        assertThat(result.refunds()).isEqualTo(150);
        db.jdbi().useHandle(h -> {
            // the earlier refunds of "refunded before" lots come on top
            assertThat(h.createQuery("SELECT COUNT(*) FROM refunds").mapTo(Long.class).one()).isBetween(150L, 170L);
            assertThat(values(h, "SELECT DISTINCT state FROM refunds")).containsExactlyInAnyOrder("requested",
                    "awaiting_second_approval", "paid", "denied", "failed");
            assertThat(values(h, "SELECT DISTINCT verdict FROM refunds")).containsExactlyInAnyOrder("eligible", "partially_eligible", "ineligible");
            assertThat(values(h, "SELECT DISTINCT l.kind FROM refunds r JOIN credit_lots l ON l.id = r.lot_id"))
                    .containsExactlyInAnyOrder("purchase", "promotion", "signup_reward", "manual_grant");
            assertThat(h.createQuery("SELECT COUNT(*) FROM refunds WHERE state = 'requested' AND requested_amount > 500").mapTo(Long.class).one()).isPositive();
            assertThat(h.createQuery("SELECT COUNT(*) FROM refunds WHERE exception").mapTo(Long.class).one()).isPositive();
            assertThat(h.createQuery("SELECT COUNT(*) FROM refunds WHERE requested_at > :now").bind("now", NOW).mapTo(Long.class).one()).isZero();
        });
    }

    @Test
    void everyDecidingRuleOfThePresetInForceAppears() {
        Set<String> rules = new HashSet<>();
        db.jdbi().useHandle(h -> {
            var settings = PolicyStore.settings(h);
            for (String id : values(h, "SELECT id FROM refunds")) {
                var refund = RefundStore.find(h, id).orElseThrow();
                RefundEligibility.Result e = RefundStore.evaluate(h, refund, settings);
                rules.add(e.reasons().get(0).rule());
                assertThat(e.verdict().wire()).as(id).isEqualTo(refund.state().equals("requested") || refund.state().startsWith("awaiting")
                        ? refund.verdict() : e.verdict().wire());
            }
        });
        assertThat(rules).contains("refund window (days)", "refundable lot kinds", "refund cap");
    }

    @Test
    void theLedgerTheHoldsAndTheAuditChainStayConsistent() {
        db.jdbi().useHandle(h -> {
            for (String acct : values(h, "SELECT DISTINCT account_id FROM refunds")) {
                CreditStoreTest.assertInvariant(h, acct, NOW);
            }
            // holds only for requests still waiting, never more than their lot still holds
            assertThat(h.createQuery("SELECT COUNT(*) FROM credit_holds c JOIN refunds r ON r.id = c.holder "
                    + "WHERE r.state NOT IN ('requested', 'awaiting_second_approval')").mapTo(Long.class).one()).isZero();
            assertThat(h.createQuery("SELECT COUNT(*) FROM credit_lots l WHERE (SELECT COALESCE(SUM(amount), 0) FROM credit_holds c "
                    + "WHERE c.lot_id = l.id) > l.remaining").mapTo(Long.class).one()).isZero();
            assertThat(h.createQuery("SELECT COUNT(*) FROM refunds WHERE state = 'paid' AND payout_reference IS NULL").mapTo(Long.class).one()).isZero();
        });
        assertThat(AuditLog.verify(db.jdbi()).ok()).isTrue();
    }
}
