package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Maker–checker for credit grants, as for refunds (DESIGN §4 "refund approval": "above 500.00 a second operator (not
 * the first) must approve"): credits granted by hand are money, so a grant above the same threshold waits until a
 * second, different operator approves it. {@link RefundApproval} is bound to refund states and eligibility; this is the
 * same rule for a grant, sharing the one threshold of {@link PolicySettings}.
 */
public final class CreditGrantApproval {
    private CreditGrantApproval() {}

    /** Whether a grant of {@code amount} must wait for a second operator: strictly above the threshold. */
    public static boolean needsSecondApproval(BigDecimal amount, PolicySettings settings) {
        return Money.normalize(amount).compareTo(settings.fourEyesThreshold().value()) > 0;
    }

    /** Why {@code approver} may not approve a pending grant requested by {@code requestedBy}, if they may not. */
    public static Optional<String> approvalProblem(String requestedBy, String approver, PolicySettings settings) {
        if (requestedBy.equals(approver)) {
            return Optional.of("the second approval must come from another operator than " + requestedBy
                    + " (" + settings.cite(settings.fourEyesThreshold()) + ")");
        }
        return Optional.empty();
    }
}
