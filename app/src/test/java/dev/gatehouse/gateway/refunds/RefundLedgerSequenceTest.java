package dev.gatehouse.gateway.refunds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.credits.CreditHolds;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.credits.CreditStoreTest;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 test: the ledger invariant (balance = sum(ledger) = sum of unexpired lots' remaining) holds after every step
 * of a seeded random sequence of purchases, usage draws, refund requests (holds), approvals, four-eyes approvals,
 * denials, failed payouts and retries; held credits never go below what their lot still holds, and usage never
 * draws them.
 */
class RefundLedgerSequenceTest {
    private enum Step { BUY, DRAW, REQUEST, APPROVE, DENY, FAIL_NEXT, RETRY }

    @Test
    void theLedgerInvariantHoldsAfterRandomSequencesOfRefundsHoldsAndDraws() {
        MovableClock clock = new MovableClock(Instant.parse("2027-05-01T00:00:00Z"));
        Random r = new Random(20261128);
        Map<Step, Integer> done = new EnumMap<>(Step.class);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                accounts.add(TestRefunds.lot(gw.db(), "Sequence Co " + i, "purchase", "300", "300", clock.instant(), Duration.ofDays(20)).accountId());
            }
            for (int step = 0; step < 260; step++) {
                clock.advance(Duration.ofMinutes(1 + r.nextInt(16 * 60)));
                Instant now = clock.instant();
                String acct = accounts.get(r.nextInt(accounts.size()));
                Step s = Step.values()[r.nextInt(Step.values().length)];
                if (s == Step.FAIL_NEXT && r.nextInt(3) > 0) {
                    s = Step.APPROVE; // failures now and then; most approvals pay
                }
                boolean ok = switch (s) {
                    case BUY -> {
                        String kind = r.nextInt(4) == 0 ? "promotion" : "purchase";
                        BigDecimal amount = BigDecimal.valueOf(1 + r.nextInt(900_000_000), 6);
                        gw.db().jdbi().useTransaction(h -> CreditStore.addLot(h, acct, kind, amount,
                                kind.equals("purchase") ? amount.multiply(new BigDecimal("0.8")) : Money.zero(),
                                now.plus(Duration.ofDays(1 + r.nextInt(15))), now, "system", kind));
                        yield true;
                    }
                    case DRAW -> {
                        BigDecimal amount = BigDecimal.valueOf(1 + r.nextInt(200_000_000), 6);
                        BigDecimal spendable = gw.db().jdbi().withHandle(h -> CreditHolds.summary(h, acct, now).spendable());
                        boolean covered = gw.db().jdbi().inTransaction(h -> CreditStore.use(h, acct, amount, now, "m", "system").covered());
                        // usage may spend exactly the unheld credits, never the held ones
                        assertThat(covered).as("draw " + amount + " of spendable " + spendable).isEqualTo(amount.compareTo(spendable) <= 0);
                        yield covered;
                    }
                    case REQUEST -> {
                        List<String> lots = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM credit_lots WHERE account_id = :a "
                                        + "ORDER BY purchased_at DESC").bind("a", acct).mapTo(String.class).list());
                        // mostly the newest lot, which is likeliest inside the window, so approvals pay often
                        String lot = r.nextInt(3) > 0 ? lots.get(0) : lots.get(r.nextInt(lots.size()));
                        String amount = BigDecimal.valueOf(1 + r.nextInt(400_000_000), 6).toPlainString();
                        var resp = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(new TestRefunds.Lot(acct, lot), amount));
                        assertThat(resp.status()).as(resp.body()).isEqualTo(201);
                        yield true;
                    }
                    case APPROVE -> {
                        // a request with something refundable: ineligible ones only ever get 422 here
                        JsonNode open = pickRefundable(gw, r);
                        if (open == null) yield false;
                        String id = open.get("id").asText();
                        BigDecimal refundable = new BigDecimal(open.get("refundable").asText());
                        String amount = open.get("first_amount").isNull()
                                ? refundable.min(new BigDecimal(open.get("requested_amount").asText())).toPlainString()
                                : open.get("first_amount").asText();
                        Role role = open.get("first_approver").isNull() ? Role.SUPPORT : Role.LEAD;
                        var resp = gw.post(role, "/admin/v1/refunds/" + id + "/approve", "{\"amount\":\"" + amount + "\",\"reason\":\"seq\"}");
                        assertThat(resp.status()).as(resp.body()).isIn(200, 409, 422);
                        yield resp.status() == 200;
                    }
                    case DENY -> {
                        JsonNode open = pick(gw, r, "requested", "awaiting_second_approval");
                        if (open == null) yield false;
                        var resp = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + open.get("id").asText() + "/deny", "{\"reason\":\"seq\"}");
                        assertThat(resp.status()).as(resp.body()).isEqualTo(200);
                        yield true;
                    }
                    case FAIL_NEXT -> {
                        SimulatedPayouts.failNext(gw.db().jdbi(), 1 + r.nextInt(2),
                                r.nextBoolean() ? SimulatedPayouts.Failure.DECLINED : SimulatedPayouts.Failure.LOST_RESPONSE);
                        yield true;
                    }
                    case RETRY -> {
                        JsonNode failed = pick(gw, r, "failed");
                        if (failed == null) yield false;
                        var resp = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + failed.get("id").asText() + "/retry-payout", "{\"reason\":\"seq\"}");
                        assertThat(resp.status()).as(resp.body()).isIn(200, 409);
                        yield resp.status() == 200;
                    }
                };
                if (ok) done.merge(s, 1, Integer::sum);
                gw.db().jdbi().useHandle(h -> {
                    for (String a : accounts) {
                        h.inTransaction(t -> CreditStore.expireLapsed(t, a, now, "system"));
                        CreditStoreTest.assertInvariant(h, a, now);
                        CreditHolds.Summary sum = CreditHolds.summary(h, a, now);
                        assertThat(sum.spendable().signum()).isGreaterThanOrEqualTo(0);
                        assertThat(sum.held().add(sum.spendable())).isEqualByComparingTo(sum.balance());
                    }
                    // no refund was ever paid twice
                    assertThat(h.createQuery("SELECT COUNT(*) FROM simulated_payouts GROUP BY payout_key HAVING COUNT(*) > 1")
                            .mapTo(Long.class).list()).isEmpty();
                    assertThat(h.createQuery("SELECT COUNT(*) FROM refunds WHERE state = 'paid'").mapTo(Long.class).one())
                            .isEqualTo(h.createQuery("SELECT COUNT(*) FROM simulated_payouts").mapTo(Long.class).one()
                                    - h.createQuery("SELECT COUNT(*) FROM refunds r JOIN simulated_payouts p ON p.payout_key = 'refund-payout-' || r.id "
                                    + "WHERE r.state <> 'paid'").mapTo(Long.class).one());
                });
            }
        }
        System.out.println("refund sequence steps done: " + done);
        assertThat(done.keySet()).contains(Step.BUY, Step.DRAW, Step.REQUEST, Step.APPROVE, Step.DENY, Step.RETRY);
    }

    private static JsonNode pickRefundable(TestGateway gw, Random r) {
        List<JsonNode> found = new ArrayList<>();
        for (String state : List.of("requested", "awaiting_second_approval")) {
            gw.get(Role.VIEWER, "/admin/v1/refunds?limit=200&state=" + state).json().get("data").forEach(n -> {
                if (new BigDecimal(n.get("refundable").asText()).signum() > 0) found.add(n);
            });
        }
        return found.isEmpty() ? null : found.get(r.nextInt(found.size()));
    }

    private static JsonNode pick(TestGateway gw, Random r, String... states) {
        List<JsonNode> found = new ArrayList<>();
        for (String state : states) {
            gw.get(Role.VIEWER, "/admin/v1/refunds?limit=200&state=" + state).json().get("data").forEach(found::add);
        }
        return found.isEmpty() ? null : found.get(r.nextInt(found.size()));
    }
}
