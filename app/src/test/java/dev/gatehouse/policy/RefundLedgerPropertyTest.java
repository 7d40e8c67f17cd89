package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of purchases, grants, usage, refund requests (holds), denials (releases), approvals, failed and
 * retried payouts and expiries, played the way the gateway will play them through these pure rules. After every
 * step: the balance is never negative, the lots sum to the ledger, held credits were never spent, nothing was
 * refunded beyond what was paid, and no refund was paid twice.
 */
class RefundLedgerPropertyTest {
    private static final int SEQUENCES = 1_000;
    private static final int STEPS = 60;

    /** One lot as the store keeps it. */
    private static final class LotRow {
        final String id;
        final LotKind kind;
        final Instant boughtAt;
        final Instant expiresAt;
        final BigDecimal bought;
        final BigDecimal paid;
        BigDecimal remaining;
        BigDecimal used = Money.zero();
        BigDecimal refundedCredits = Money.zero();
        BigDecimal refundedMoney = Money.zero();

        LotRow(String id, LotKind kind, Instant boughtAt, Instant expiresAt, BigDecimal bought, BigDecimal paid) {
            this.id = id;
            this.kind = kind;
            this.boughtAt = boughtAt;
            this.expiresAt = expiresAt;
            this.bought = bought;
            this.paid = paid;
            this.remaining = bought;
        }

        boolean lapsed(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }

        CreditLots.Lot lot() {
            return new CreditLots.Lot(id, remaining, boughtAt, expiresAt);
        }
    }

    private static final class Refund {
        final String id;
        final String lotId;
        final BigDecimal requested;
        final BigDecimal held;
        RefundState state = RefundState.REQUESTED;
        BigDecimal approved;
        BigDecimal creditsTaken;
        int payouts;

        Refund(String id, String lotId, BigDecimal requested, BigDecimal held) {
            this.id = id;
            this.lotId = lotId;
            this.requested = requested;
            this.held = held;
        }
    }

    private static final class World {
        final Random random;
        final PolicySettings settings;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final Map<String, LotRow> lots = new LinkedHashMap<>();
        final List<Refund> refunds = new ArrayList<>();
        BigDecimal ledger = Money.zero();
        int seq;

        World(long seed) {
            random = new Random(seed);
            PolicyPreset[] presets = PolicyPreset.values();
            settings = presets[random.nextInt(presets.length)].settings();
        }

        List<CreditLots.Lot> lotList() {
            return lots.values().stream().map(LotRow::lot).toList();
        }

        List<CreditLots.Hold> holds() {
            return refunds.stream().filter(r -> r.state.holdsCredits() && r.held.signum() > 0)
                    .map(r -> new CreditLots.Hold(r.lotId, r.held)).toList();
        }

        BigDecimal heldOn(String lotId, Refund except) {
            return refunds.stream().filter(r -> r != except && r.lotId.equals(lotId) && r.state.holdsCredits())
                    .map(r -> r.held).reduce(Money.zero(), BigDecimal::add);
        }

        BigDecimal amount(int maxCents) {
            return Money.normalize(BigDecimal.valueOf(1 + random.nextInt(maxCents), 2));
        }

        RefundEligibility.Result eligibility(LotRow row, BigDecimal requested, Refund self) {
            RefundEligibility.Lot lot = new RefundEligibility.Lot(row.id, row.kind, row.boughtAt, row.expiresAt,
                    row.bought, row.used, row.refundedCredits, heldOn(row.id, self), row.paid, row.refundedMoney);
            return RefundEligibility.evaluate(lot, requested, settings, now);
        }
    }

    @Test
    void theLedgerInvariantHoldsThroughRandomSequencesWithRefundsAndHolds() {
        int approvals = 0;
        int paid = 0;
        int failed = 0;
        int refusedDraws = 0;
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            World w = new World(seed);
            for (int step = 0; step < STEPS; step++) {
                w.now = w.now.plus(Duration.ofHours(w.random.nextInt(60)));
                expire(w);
                switch (w.random.nextInt(7)) {
                    case 0, 1 -> addLot(w);
                    case 2 -> refusedDraws += use(w) ? 0 : 1;
                    case 3 -> request(w);
                    case 4 -> approvals += decide(w) ? 1 : 0;
                    case 5 -> {
                        int outcome = payout(w);
                        paid += outcome > 0 ? 1 : 0;
                        failed += outcome < 0 ? 1 : 0;
                    }
                    default -> retry(w);
                }
                checkInvariant(w, "seed " + seed + " step " + step);
            }
        }
        System.out.printf("ledger property: %d sequences × %d steps, %d approvals, %d paid, %d failed payouts, "
                + "%d draws refused%n", SEQUENCES, STEPS, approvals, paid, failed, refusedDraws);
        // the sequences really exercised every path (seeded, so these counts are fixed; about half of what runs)
        assertThat(approvals).isGreaterThan(250);
        assertThat(paid).isGreaterThan(100);
        assertThat(failed).isGreaterThan(50);
        assertThat(refusedDraws).isGreaterThan(100);
    }

    private static void expire(World w) {
        for (CreditLots.Portion p : CreditLots.expiries(w.lotList(), w.now)) {
            LotRow row = w.lots.get(p.lotId());
            row.remaining = Money.zero();
            w.ledger = w.ledger.subtract(p.amount());
        }
    }

    private static void addLot(World w) {
        LotKind kind = w.random.nextInt(3) == 0 ? LotKind.values()[1 + w.random.nextInt(3)] : LotKind.PURCHASE;
        BigDecimal bought = w.amount(100_00);
        // a purchase pays 1.00, 0.50 or 1/3 per credit; granted credit pays nothing
        BigDecimal paid = kind != LotKind.PURCHASE ? Money.zero() : switch (w.random.nextInt(3)) {
            case 0 -> bought;
            case 1 -> Money.normalize(bought.divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_EVEN));
            default -> Money.normalize(bought.divide(BigDecimal.valueOf(3), 6, RoundingMode.HALF_EVEN));
        };
        Instant expires = w.random.nextInt(4) == 0 ? null : w.now.plus(Duration.ofDays(1 + w.random.nextInt(30)));
        String id = "lot_" + (++w.seq);
        w.lots.put(id, new LotRow(id, kind, w.now, expires, bought, paid));
        w.ledger = w.ledger.add(bought);
    }

    /** Usage through the hold-aware draw; false when the spendable balance could not cover it. */
    private static boolean use(World w) {
        BigDecimal want = w.amount(60_00);
        CreditLots.Draw d = CreditLots.draw(w.lotList(), w.holds(), want, w.now);
        if (!d.covered()) {
            assertThat(CreditLots.spendable(w.lotList(), w.holds(), w.now)).isLessThan(want);
            return false;
        }
        for (CreditLots.Portion p : d.portions()) {
            LotRow row = w.lots.get(p.lotId());
            row.remaining = row.remaining.subtract(p.amount());
            row.used = row.used.add(p.amount());
        }
        w.ledger = w.ledger.subtract(want);
        return true;
    }

    private static void request(World w) {
        List<LotRow> open = w.lots.values().stream().filter(r -> !r.lapsed(w.now)).toList();
        if (open.isEmpty()) {
            return;
        }
        LotRow row = open.get(w.random.nextInt(open.size()));
        BigDecimal requested = w.amount(60_00);
        RefundEligibility.Result e = w.eligibility(row, requested, null);
        if (e.creditsToHold().signum() > 0) {
            assertThat(CreditLots.holdProblem(w.lotList(), w.holds(), row.id, e.creditsToHold(), w.now)).isEmpty();
        }
        w.refunds.add(new Refund("rf_" + (++w.seq), row.id, requested, e.creditsToHold()));
    }

    /** Approves (as the gateway would: at most the refundable amount, or a lead's exception) or denies. */
    private static boolean decide(World w) {
        List<Refund> waiting = w.refunds.stream().filter(r -> r.state.holdsCredits()).toList();
        if (waiting.isEmpty()) {
            return false;
        }
        Refund r = waiting.get(w.random.nextInt(waiting.size()));
        LotRow row = w.lots.get(r.lotId);
        RefundEligibility.Result e = w.eligibility(row, r.requested, r);
        boolean lead = w.random.nextInt(4) == 0;
        BigDecimal amount = (lead ? e.exceptionCap() : e.refundable()).min(r.requested);
        // never more than the hold: the held credits are what the approval takes from the lot
        BigDecimal heldValue = row.paid.signum() == 0 ? Money.zero()
                : r.held.multiply(row.paid).divide(row.bought, Money.SCALE, RoundingMode.DOWN);
        amount = amount.min(heldValue);
        if (amount.signum() == 0 || w.random.nextInt(5) == 0) {
            assertThat(RefundApproval.denyProblem(r.state, "not owed")).isEmpty();
            r.state = RefundState.DENIED;
            return false;
        }
        RefundApproval.FirstApproval first = r.state == RefundState.AWAITING_SECOND_APPROVAL
                ? new RefundApproval.FirstApproval("op_first", r.approved) : null;
        if (first != null) {
            amount = r.approved;
        }
        RefundApproval.Approver who = new RefundApproval.Approver(first == null ? "op_first" : "op_second", lead);
        RefundApproval.Decision d = RefundApproval.approve(r.state, first, who, amount, "seeded", e, w.settings);
        if (!d.allowed()) {
            // only a non-lead confirming a lead's exception, or an amount the lot no longer covers, is refused here
            assertThat(d.refusalKind()).isEqualTo(RefundApproval.RefusalKind.OVER_CAP);
            return false;
        }
        assertThat(r.state.canMoveTo(d.next())).isTrue();
        r.state = d.next();
        r.approved = Money.normalize(amount);
        if (d.next() == RefundState.APPROVED) {
            take(w, r);
            return true;
        }
        return false;
    }

    /** Approval removes the refunded credits from the lot and writes the ledger line, in one step. */
    private static void take(World w, Refund r) {
        LotRow row = w.lots.get(r.lotId);
        BigDecimal credits = r.approved.multiply(row.bought).divide(row.paid, Money.SCALE, RoundingMode.HALF_EVEN)
                .min(row.remaining);
        r.creditsTaken = credits;
        row.remaining = row.remaining.subtract(credits);
        row.refundedCredits = row.refundedCredits.add(credits);
        row.refundedMoney = row.refundedMoney.add(r.approved);
        w.ledger = w.ledger.subtract(credits);
    }

    /** 1 paid, -1 failed (credits put back), 0 nothing to pay. */
    private static int payout(World w) {
        List<Refund> approved = w.refunds.stream().filter(r -> r.state == RefundState.APPROVED).toList();
        if (approved.isEmpty()) {
            return 0;
        }
        Refund r = approved.get(w.random.nextInt(approved.size()));
        if (w.random.nextInt(3) == 0) {
            assertThat(r.state.canMoveTo(RefundState.FAILED)).isTrue();
            r.state = RefundState.FAILED;
            LotRow row = w.lots.get(r.lotId);
            // the credits go back, unless the lot expired meanwhile: then they lapse as expired credit would
            if (!row.lapsed(w.now)) {
                row.remaining = row.remaining.add(r.creditsTaken);
                w.ledger = w.ledger.add(r.creditsTaken);
            }
            row.refundedCredits = row.refundedCredits.subtract(r.creditsTaken);
            row.refundedMoney = row.refundedMoney.subtract(r.approved);
            return -1;
        }
        assertThat(r.state.canMoveTo(RefundState.PAID)).isTrue();
        r.state = RefundState.PAID;
        r.payouts++;
        assertThat(r.payouts).as("refund %s paid once", r.id).isEqualTo(1);
        return 1;
    }

    /** A failed payout is retried only when the lot still has the credits unheld and unspent. */
    private static void retry(World w) {
        List<Refund> failedOnes = w.refunds.stream().filter(r -> r.state == RefundState.FAILED).toList();
        if (failedOnes.isEmpty()) {
            return;
        }
        Refund r = failedOnes.get(w.random.nextInt(failedOnes.size()));
        LotRow row = w.lots.get(r.lotId);
        BigDecimal free = row.remaining.subtract(w.heldOn(row.id, null));
        if (row.lapsed(w.now) || free.compareTo(r.creditsTaken) < 0
                || row.refundedMoney.add(r.approved).compareTo(row.paid) > 0) {
            return;
        }
        assertThat(r.state.canMoveTo(RefundState.APPROVED)).isTrue();
        assertThat(RefundApproval.payoutKey(r.id)).isEqualTo("refund-payout-" + r.id);
        r.state = RefundState.APPROVED;
        take(w, r);
    }

    private static void checkInvariant(World w, String where) {
        List<CreditLots.Lot> lots = w.lotList();
        BigDecimal sumOfLots = lots.stream().map(CreditLots.Lot::remaining).reduce(Money.zero(), BigDecimal::add);
        assertThat(sumOfLots).as(where + ": lots sum to the ledger").isEqualByComparingTo(w.ledger);
        BigDecimal balance = CreditLots.balance(lots, w.now);
        BigDecimal spendable = CreditLots.spendable(lots, w.holds(), w.now);
        assertThat(balance.signum()).as(where + ": balance never negative").isGreaterThanOrEqualTo(0);
        assertThat(spendable.signum()).as(where).isGreaterThanOrEqualTo(0);
        assertThat(spendable).as(where).isLessThanOrEqualTo(balance);
        assertThat(balance).as(where + ": expiries applied").isEqualByComparingTo(sumOfLots);
        BigDecimal heldLive = Money.zero();
        for (LotRow row : w.lots.values()) {
            assertThat(row.remaining.signum()).as(where + " " + row.id).isGreaterThanOrEqualTo(0);
            assertThat(row.refundedMoney).as(where + " " + row.id + " refunded ≤ paid").isLessThanOrEqualTo(row.paid);
            if (!row.lapsed(w.now)) {
                BigDecimal held = w.heldOn(row.id, null);
                assertThat(row.remaining).as(where + " " + row.id + ": held credits were not spent")
                        .isGreaterThanOrEqualTo(held);
                heldLive = heldLive.add(held);
                assertThat(row.used.add(row.refundedCredits).add(row.remaining)).as(where + " " + row.id)
                        .isEqualByComparingTo(row.bought);
            }
        }
        assertThat(CreditLots.held(lots, w.holds(), w.now)).as(where).isEqualByComparingTo(heldLive);
    }
}
