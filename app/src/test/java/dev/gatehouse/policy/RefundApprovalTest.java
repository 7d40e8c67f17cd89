package dev.gatehouse.policy;

import dev.gatehouse.policy.RefundApproval.Approver;
import dev.gatehouse.policy.RefundApproval.Decision;
import dev.gatehouse.policy.RefundApproval.FirstApproval;
import dev.gatehouse.policy.RefundApproval.RefusalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.gatehouse.policy.RefundState.*;
import static org.assertj.core.api.Assertions.assertThat;

class RefundApprovalTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final PolicySettings PIXAPI = PolicyPreset.PIXAPI.settings();
    private static final Approver ANA = new Approver("op_ana", false);
    private static final Approver BEN = new Approver("op_ben", false);
    private static final Approver LEAD = new Approver("op_lea", true);
    private static final Approver LEAD2 = new Approver("op_leo", true);

    /** A lot of 2,000 credits bought for 2,000.00 two days ago, {@code used} of them consumed. */
    private static RefundEligibility.Result eligibility(String used, String requested) {
        RefundEligibility.Lot lot = new RefundEligibility.Lot("lot_1", LotKind.PURCHASE, NOW.minus(Duration.ofDays(2)),
                null, Money.of("2000"), Money.of(used), Money.zero(), Money.zero(), Money.of("2000"), Money.zero());
        return RefundEligibility.evaluate(lot, new BigDecimal(requested), PIXAPI, NOW);
    }

    private static Decision approve(RefundState state, FirstApproval first, Approver who, String amount, String reason,
                                    RefundEligibility.Result e) {
        return RefundApproval.approve(state, first, who, new BigDecimal(amount), reason, e, PIXAPI);
    }

    @Test
    void withinTheRefundableAmountAndTheThresholdOneOperatorApproves() {
        Decision d = approve(REQUESTED, null, ANA, "100", null, eligibility("0", "100"));
        assertThat(d.allowed()).isTrue();
        assertThat(d.next()).isEqualTo(APPROVED);
        assertThat(d.exception()).isFalse();
        assertThat(d.firstApproval()).isNull();
        // exactly at the threshold is not above it
        assertThat(approve(REQUESTED, null, ANA, "500.00", null, eligibility("0", "500")).next()).isEqualTo(APPROVED);
    }

    @Test
    void overTheRefundableAmountIsRefusedNamingTheCapUnlessALeadGivesAReason() {
        // bought 30 days ago: outside Pixapi's window, so nothing is refundable by right, 60.00 by exception
        RefundEligibility.Result outside = RefundEligibility.evaluate(new RefundEligibility.Lot("lot_2", LotKind.PURCHASE,
                NOW.minus(Duration.ofDays(30)), null, Money.of("100"), Money.of("40"), Money.zero(), Money.zero(),
                Money.of("100"), Money.zero()), new BigDecimal("60"), PIXAPI, NOW);
        Decision refused = approve(REQUESTED, null, ANA, "60", "customer asked", outside);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusalKind()).isEqualTo(RefusalKind.OVER_CAP);
        assertThat(refused.refusal()).isEqualTo("amount 60.000000 exceeds the refundable 0.000000 (Pixapi preset); "
                + "only a lead may approve more, as an exception with a reason");

        Decision noReason = approve(REQUESTED, null, LEAD, "60", "  ", outside);
        assertThat(noReason.refusalKind()).isEqualTo(RefusalKind.OVER_CAP);
        assertThat(noReason.refusal()).contains("an exception needs a reason");

        Decision exception = approve(REQUESTED, null, LEAD, "60", "card charged twice by the processor", outside);
        assertThat(exception.next()).isEqualTo(APPROVED);
        assertThat(exception.exception()).isTrue();
        Decision beyond = approve(REQUESTED, null, LEAD, "60.000001", "card charged twice by the processor", outside);
        assertThat(beyond.refusalKind()).isEqualTo(RefusalKind.OVER_CAP);
        assertThat(beyond.refusal()).isEqualTo("amount 60.000001 exceeds 60.000000, the unused credits' value less "
                + "earlier refunds; no exception can refund more");
    }

    @Test
    void consumedCreditsAreNeverRefundedNotEvenByALead() {
        RefundEligibility.Result e = eligibility("1900", "150"); // 100 of 2,000 credits left: 100.00 refundable
        assertThat(approve(REQUESTED, null, ANA, "100", null, e).next()).isEqualTo(APPROVED);
        for (Approver who : new Approver[] {ANA, LEAD}) {
            Decision d = approve(REQUESTED, null, who, "100.000001", "goodwill", e);
            assertThat(d.refusalKind()).isEqualTo(RefusalKind.OVER_CAP);
            assertThat(d.refusal()).startsWith("amount 100.000001 exceeds 100.000000");
        }
    }

    @Test
    void aboveTheThresholdASecondOperatorNotTheFirstMustConfirmTheSameAmount() {
        RefundEligibility.Result e = eligibility("0", "500.000001");
        Decision first = approve(REQUESTED, null, ANA, "500.000001", null, e);
        assertThat(first.next()).isEqualTo(AWAITING_SECOND_APPROVAL);
        assertThat(first.firstApproval()).isEqualTo(new FirstApproval("op_ana", Money.of("500.000001")));

        Decision same = approve(AWAITING_SECOND_APPROVAL, first.firstApproval(), ANA, "500.000001", null, e);
        assertThat(same.refusalKind()).isEqualTo(RefusalKind.NOT_PERMITTED);
        assertThat(same.refusal()).isEqualTo("the second approval must come from another operator than op_ana "
                + "(Pixapi preset, default (DESIGN §4))");

        Decision other = approve(AWAITING_SECOND_APPROVAL, first.firstApproval(), BEN, "600", null, e);
        assertThat(other.refusalKind()).isEqualTo(RefusalKind.INVALID);
        assertThat(other.refusal()).isEqualTo("the second approval must confirm the first one's amount 500.000001, got 600.000000");

        Decision second = approve(AWAITING_SECOND_APPROVAL, first.firstApproval(), BEN, "500.000001", null, e);
        assertThat(second.next()).isEqualTo(APPROVED);
        assertThat(second.firstApproval()).isEqualTo(first.firstApproval());
    }

    @Test
    void anExceptionAboveTheThresholdNeedsTwoLeads() {
        RefundEligibility.Result outside = RefundEligibility.evaluate(new RefundEligibility.Lot("lot_3", LotKind.PURCHASE,
                NOW.minus(Duration.ofDays(30)), null, Money.of("1000"), Money.zero(), Money.zero(), Money.zero(),
                Money.of("1000"), Money.zero()), new BigDecimal("800"), PIXAPI, NOW);
        Decision first = approve(REQUESTED, null, LEAD, "800", "duplicate charge", outside);
        assertThat(first.next()).isEqualTo(AWAITING_SECOND_APPROVAL);
        assertThat(first.exception()).isTrue();
        assertThat(approve(AWAITING_SECOND_APPROVAL, first.firstApproval(), BEN, "800", "ok", outside).refusalKind())
                .isEqualTo(RefusalKind.OVER_CAP);
        assertThat(approve(AWAITING_SECOND_APPROVAL, first.firstApproval(), LEAD2, "800", "confirmed", outside).next())
                .isEqualTo(APPROVED);
    }

    @ParameterizedTest
    @EnumSource(value = RefundState.class, names = {"APPROVED", "PAID", "FAILED", "DENIED"})
    void onlyAWaitingRefundCanBeApproved(RefundState state) {
        Decision d = approve(state, null, LEAD, "1", "again", eligibility("0", "1"));
        assertThat(d.refusalKind()).isEqualTo(RefusalKind.WRONG_STATE);
        assertThat(d.refusal()).isEqualTo("a " + state.wire() + " refund cannot be approved");
    }

    @Test
    void badAmountsAreInvalidNotOverTheCap() {
        assertThat(approve(REQUESTED, null, ANA, "0", null, eligibility("0", "1")).refusalKind()).isEqualTo(RefusalKind.INVALID);
        assertThat(approve(REQUESTED, null, ANA, "1.0000001", null, eligibility("0", "1")).refusal())
                .isEqualTo("amount 1.0000001 has more than 6 decimals");
    }

    @Test
    void transitionsFollowTheIssueAndPaidOrDeniedAreFinal() {
        Map<RefundState, Set<RefundState>> allowed = Map.of(
                REQUESTED, EnumSet.of(AWAITING_SECOND_APPROVAL, APPROVED, DENIED),
                AWAITING_SECOND_APPROVAL, EnumSet.of(APPROVED, DENIED),
                APPROVED, EnumSet.of(PAID, FAILED),
                FAILED, EnumSet.of(APPROVED),
                PAID, EnumSet.noneOf(RefundState.class),
                DENIED, EnumSet.noneOf(RefundState.class));
        for (RefundState from : RefundState.values()) {
            for (RefundState to : RefundState.values()) {
                assertThat(from.canMoveTo(to)).as("%s → %s", from, to).isEqualTo(allowed.get(from).contains(to));
            }
            assertThat(from.isFinal()).isEqualTo(from == PAID || from == DENIED);
            assertThat(from.holdsCredits()).isEqualTo(from == REQUESTED || from == AWAITING_SECOND_APPROVAL);
            assertThat(RefundState.fromWire(from.wire())).contains(from);
        }
        assertThat(RefundState.fromWire("refunded")).isEmpty();
    }

    @Test
    void aRetriedPayoutCarriesTheSameKeySoItCannotPayTwice() {
        assertThat(RefundApproval.payoutKey("rf_1")).isEqualTo(RefundApproval.payoutKey("rf_1")).isEqualTo("refund-payout-rf_1");
        assertThat(RefundApproval.payoutKey("rf_1")).isNotEqualTo(RefundApproval.payoutKey("rf_2"));
        // and a paid refund can be neither paid again nor retried
        assertThat(PAID.canMoveTo(PAID)).isFalse();
        assertThat(PAID.canMoveTo(APPROVED)).isFalse();
    }

    @Test
    void denyingNeedsAWaitingRefundAndAReason() {
        assertThat(RefundApproval.denyProblem(REQUESTED, "outside the window")).isEmpty();
        assertThat(RefundApproval.denyProblem(AWAITING_SECOND_APPROVAL, "second look")).isEmpty();
        assertThat(RefundApproval.denyProblem(REQUESTED, "")).isPresent();
        assertThat(RefundApproval.denyProblem(APPROVED, "too late")).contains("a approved refund cannot be denied");
        assertThat(RefundApproval.denyProblem(PAID, "too late")).isPresent();
    }
}
