package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may approve how much (DESIGN §4 "refunds" and "refund approval", issue 10 §3 "Approval"):
 * <ul>
 *   <li>up to the refundable amount any operator with the refund permission approves;</li>
 *   <li>more than that only a lead, as an exception with a reason (DESIGN §4 "anything else is an exception that needs
 *       a lead and a reason"), and never more than {@link RefundEligibility.Result#exceptionCap()};</li>
 *   <li>above the four-eyes threshold a second operator, not the first, must confirm the same amount (maker–checker).
 *       When that amount is an exception, the second approver must be a lead too.</li>
 * </ul>
 * Pure: the gateway supplies the stored state and first approval, persists the outcome, and maps a refusal's kind to
 * its problem type.
 */
public final class RefundApproval {
    private RefundApproval() {}

    /** How the gateway answers a refusal: OVER_CAP and INVALID → 422, NOT_PERMITTED → 403, WRONG_STATE → 409. */
    public enum RefusalKind { OVER_CAP, NOT_PERMITTED, WRONG_STATE, INVALID }

    public record Approver(String operatorId, boolean lead) {
        public Approver {
            Objects.requireNonNull(operatorId, "operatorId");
        }
    }

    /** The first of two approvals, stored while the refund awaits the second. */
    public record FirstApproval(String operatorId, BigDecimal amount) {}

    /** Either a next state (with the approval to store, when it is a first one) or a refusal. */
    public record Decision(RefundState next, FirstApproval firstApproval, boolean exception,
                           RefusalKind refusalKind, String refusal) {
        static Decision refused(RefusalKind kind, String why) {
            return new Decision(null, null, false, kind, why);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * @param first the stored first approval when {@code state} is awaiting_second_approval, else null
     */
    public static Decision approve(RefundState state, FirstApproval first, Approver approver, BigDecimal amount,
                                   String reason, RefundEligibility.Result eligibility, PolicySettings settings) {
        if (state != RefundState.REQUESTED && state != RefundState.AWAITING_SECOND_APPROVAL) {
            return Decision.refused(RefusalKind.WRONG_STATE, "a " + state.wire() + " refund cannot be approved");
        }
        Optional<String> amountProblem = RefundEligibility.amountProblem(amount);
        if (amountProblem.isPresent()) {
            return Decision.refused(RefusalKind.INVALID, amountProblem.get());
        }
        BigDecimal value = Money.normalize(amount);
        // consumed credits are never refunded and nothing twice: no approval, not even a lead's, passes this cap
        if (value.compareTo(eligibility.exceptionCap()) > 0) {
            return Decision.refused(RefusalKind.OVER_CAP, "amount " + value.toPlainString() + " exceeds "
                    + eligibility.exceptionCap().toPlainString()
                    + ", the unused credits' value less earlier refunds; no exception can refund more");
        }
        boolean exception = value.compareTo(eligibility.refundable()) > 0;
        if (exception) {
            String cap = "amount " + value.toPlainString() + " exceeds the refundable " + eligibility.refundable().toPlainString()
                    + " (" + eligibility.presetName() + " preset)";
            if (!approver.lead()) {
                return Decision.refused(RefusalKind.OVER_CAP, cap + "; only a lead may approve more, as an exception with a reason");
            }
            if (Enforcement.reasonProblem(reason).isPresent()) {
                return Decision.refused(RefusalKind.OVER_CAP, cap + "; an exception needs a reason, which "
                        + Enforcement.reasonProblem(reason).get());
            }
        }
        // product choice, maker–checker (DESIGN §4 "refund approval"): "above 500.00 a second operator (not the first) must approve"
        boolean fourEyes = value.compareTo(settings.fourEyesThreshold().value()) > 0;
        if (state == RefundState.AWAITING_SECOND_APPROVAL) {
            Objects.requireNonNull(first, "first approval of an awaiting refund");
            if (first.operatorId().equals(approver.operatorId())) {
                return Decision.refused(RefusalKind.NOT_PERMITTED, "the second approval must come from another operator than "
                        + first.operatorId() + " (" + settings.cite(settings.fourEyesThreshold()) + ")");
            }
            if (first.amount().compareTo(value) != 0) {
                return Decision.refused(RefusalKind.INVALID, "the second approval must confirm the first one's amount "
                        + first.amount().toPlainString() + ", got " + value.toPlainString());
            }
            return new Decision(RefundState.APPROVED, first, exception, null, null);
        }
        if (fourEyes) {
            return new Decision(RefundState.AWAITING_SECOND_APPROVAL, new FirstApproval(approver.operatorId(), value),
                    exception, null, null);
        }
        return new Decision(RefundState.APPROVED, null, exception, null, null);
    }

    /** A refund waiting for a decision may be denied, with a reason (DESIGN §4 "statement of reasons"). */
    public static Optional<String> denyProblem(RefundState state, String reason) {
        if (!state.canMoveTo(RefundState.DENIED)) {
            return Optional.of("a " + state.wire() + " refund cannot be denied");
        }
        return Enforcement.reasonProblem(reason);
    }

    /**
     * The key a payout is sent with: one per refund, the same on every retry, so a payout that failed on our side
     * after the provider paid is found, not paid again.
     */
    public static String payoutKey(String refundId) {
        return "refund-payout-" + Objects.requireNonNull(refundId, "refundId");
    }
}
