package dev.gatehouse.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Whether a decision may resolve a report (issue 9 item 6, DESIGN §4). The gateway enforces it on
 * {@code POST /abuse-reports/{id}/resolve}; the console previews it in the decision form.
 */
public final class ReportResolution {
    /** ai-visual-studio §15: "If you fail to cure a breach within 14 days of notice". */
    public static final Duration CURE_PERIOD = Duration.ofDays(14);
    public static final int MAX_LAW_ENFORCEMENT_REF_LENGTH = 200;

    private ReportResolution() {}

    /**
     * A proposed resolution.
     *
     * @param secondApproverId   the second operator of a four-eyes decision; null when there is none
     * @param lawEnforcementRef  the reference of the report filed with law enforcement (NCMEC CyberTipline id, …)
     * @param subjectHasKey      whether the report names a key as well as the account
     * @param warningsInForce    when the account was warned; withdrawn warnings are left out (they are no notice)
     * @param curePeriodOverride a lead's reason for terminating before the cure period has run; null for none
     */
    public record Request(ReportCategory category, ReportDecision decision, String deciderId, Role deciderRole,
                          String secondApproverId, Role secondApproverRole, String lawEnforcementRef,
                          boolean subjectHasKey, List<Instant> warningsInForce, String curePeriodOverride, Instant now) {
        public Request {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(deciderId, "deciderId");
            Objects.requireNonNull(deciderRole, "deciderRole");
            Objects.requireNonNull(now, "now");
            warningsInForce = warningsInForce == null ? List.of() : List.copyOf(warningsInForce);
        }
    }

    /** Every rule in turn; the first refusal wins. */
    public static Ruling check(Request r) {
        for (Ruling ruling : List.of(
                role(r.decision(), r.deciderRole()),
                subjectKey(r.decision(), r.subjectHasKey()),
                csamDismissal(r.category(), r.decision(), r.deciderId(), r.secondApproverId(), r.secondApproverRole()),
                lawEnforcementReference(r.category(), r.lawEnforcementRef()),
                curePeriod(r.category(), r.decision(), r.warningsInForce(), r.deciderRole(), r.curePeriodOverride(), r.now()))) {
            if (!ruling.allowed()) {
                return ruling;
            }
        }
        return Ruling.allow();
    }

    /** The decider's role must hold the decision's permission; dismissing is for trust & safety and leads. */
    public static Ruling role(ReportDecision decision, Role role) {
        boolean allowed = decision.permission().map(p -> p.allows(role))
                .orElse(role == Role.TRUST_SAFETY || role == Role.LEAD);
        if (allowed) {
            return Ruling.allow();
        }
        String what = decision.permission().map(Permission::description).orElse("dismiss an abuse report");
        return Ruling.refuse("Your role (" + role.label() + ") may not " + what + "; trust & safety or a lead can.");
    }

    /** A key decision needs a key to act on. */
    public static Ruling subjectKey(ReportDecision decision, boolean subjectHasKey) {
        if (!decision.needsKey() || subjectHasKey) {
            return Ruling.allow();
        }
        return Ruling.refuse("The report names no key, so \"" + decision.wire() + "\" has nothing to act on; "
                + "choose an account decision or act on the key from the Keys screen.");
    }

    /**
     * DESIGN §4 CSAM row: "never dismissable by one person" (ai-visual-studio §7 lists CSAM first among uses that
     * "will result in immediate termination"). Dismissing needs a second operator, a lead, other than the decider.
     */
    public static Ruling csamDismissal(ReportCategory category, ReportDecision decision, String deciderId,
                                       String secondApproverId, Role secondApproverRole) {
        if (category != ReportCategory.CSAM || decision != ReportDecision.DISMISS) {
            return Ruling.allow();
        }
        if (secondApproverId == null || secondApproverId.isBlank()) {
            return Ruling.refuse("A CSAM report is never dismissed by one person (DESIGN §4, ai-visual-studio §7): "
                    + "a second operator, a lead, must approve the dismissal.");
        }
        if (secondApproverId.equals(deciderId)) {
            return Ruling.refuse("The second approver of a CSAM dismissal must be someone other than the decider "
                    + "(DESIGN §4: never dismissable by one person).");
        }
        if (secondApproverRole != Role.LEAD) {
            return Ruling.refuse("The second approver of a CSAM dismissal must be a lead (DESIGN §4, issue 9 item 6); "
                    + "ask a lead to approve.");
        }
        return Ruling.allow();
    }

    /**
     * decart §3.5: "if required, we will report to applicable law enforcement"; DESIGN §4: a CSAM report "needs a
     * law-enforcement report reference before closing". Every resolution of a CSAM report needs it, dismissal
     * included: the reference records that the material was reported or reviewed for reporting.
     */
    public static Ruling lawEnforcementReference(ReportCategory category, String ref) {
        if (category != ReportCategory.CSAM) {
            return Ruling.allow();
        }
        if (ref == null || ref.isBlank()) {
            return Ruling.refuse("A CSAM report cannot be resolved without the reference of the report made to law "
                    + "enforcement (decart §3.5, ai-visual-studio §7); file it, then enter its reference.");
        }
        if (ref.length() > MAX_LAW_ENFORCEMENT_REF_LENGTH) {
            return Ruling.refuse("The law-enforcement reference must be at most " + MAX_LAW_ENFORCEMENT_REF_LENGTH
                    + " characters.");
        }
        return Ruling.allow();
    }

    /**
     * ai-visual-studio §15: termination "If you fail to cure a breach within 14 days of notice", or "Immediately
     * for severe violations (illegal content, security threats)". Terminating for a non-severe category needs a
     * warning at least 14 days old (exactly 14 days is enough), unless a lead overrides with a reason.
     */
    public static Ruling curePeriod(ReportCategory category, ReportDecision decision, List<Instant> warningsInForce,
                                    Role role, String override, Instant now) {
        if (decision != ReportDecision.TERMINATE_ACCOUNT || category.severe()) {
            return Ruling.allow();
        }
        Instant oldest = warningsInForce.stream().min(Instant::compareTo).orElse(null);
        if (oldest != null && !oldest.plus(CURE_PERIOD).isAfter(now)) {
            return Ruling.allow();
        }
        boolean overrideGiven = override != null && !override.isBlank();
        if (overrideGiven && role == Role.LEAD) {
            return Ruling.allow();
        }
        String rule = "Terminating for " + category.label().toLowerCase(java.util.Locale.ROOT)
                + ", a non-severe breach, needs a warning at least 14 days old (the cure period, ai-visual-studio §15: "
                + "\"If you fail to cure a breach within 14 days of notice\"). ";
        if (overrideGiven) {
            return Ruling.refuse(rule + "Only a lead may override the cure period.");
        }
        if (oldest == null) {
            return Ruling.refuse(rule + "The account has no warning in force: warn it first, or ask a lead to override "
                    + "with a reason.");
        }
        return Ruling.refuse(rule + "Its warning of " + oldest + " allows termination from " + oldest.plus(CURE_PERIOD)
                + "; until then a lead may override with a reason.");
    }
}
