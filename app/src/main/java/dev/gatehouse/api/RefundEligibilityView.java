package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A refund's eligibility as policy/RefundEligibility computes it, evaluated at the time of the request against the lot
 * as it is now: the verdict, the refundable amount (unused credits × price per credit, capped at paid minus earlier
 * refunds), the most even a lead's exception may pay, and the reasons, deciding rule first, each naming preset and clause.
 */
public record RefundEligibilityView(
        String verdict,
        BigDecimal requested,
        BigDecimal refundable,
        BigDecimal exceptionCap,
        BigDecimal creditsToHold,
        String preset,
        String decidingRule,
        String decidingSource,
        List<Line> reasons,
        Instant evaluatedAt,
        BigDecimal fourEyesThreshold,
        boolean needsSecondApproval) {
    public RefundEligibilityView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** One reason a person can read, with the rule and its source clause (source null for plain arithmetic). */
    public record Line(String text, String rule, String source) {}
}
