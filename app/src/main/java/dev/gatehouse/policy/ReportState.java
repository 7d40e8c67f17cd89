package dev.gatehouse.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Abuse-report states (issue 9 item 1): open → in_review (claimed by exactly one operator) → escalated →
 * resolved. Resolved is final; only an appeal reopens it (issue 9 item 6).
 */
public enum ReportState {
    OPEN, IN_REVIEW, ESCALATED, RESOLVED;

    /** What an operator (or an appeal) does to a report. */
    public enum Action {
        CLAIM, RELEASE, ESCALATE, RESOLVE, REOPEN_ON_APPEAL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == RESOLVED;
    }

    public static Optional<ReportState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }

    /**
     * The state after {@code action}, or why not. An open report may be resolved directly: that is a case
     * decision resolving every open report about its subject (issue 9 item 2). Who holds a claim, and the
     * 409 naming the holder, is the gateway's check; this is the state machine alone.
     */
    public Enforcement.Decision<ReportState> next(Action action) {
        return switch (this) {
            case OPEN -> switch (action) {
                case CLAIM -> Enforcement.Decision.to(IN_REVIEW);
                case RELEASE -> Enforcement.Decision.refuse("The report is not claimed; there is nothing to release.");
                case ESCALATE -> Enforcement.Decision.refuse("Claim the report before escalating it, so one reviewer holds it.");
                case RESOLVE -> Enforcement.Decision.to(RESOLVED);
                case REOPEN_ON_APPEAL -> Enforcement.Decision.refuse("The report is open; only a resolved report can be reopened.");
            };
            case IN_REVIEW -> switch (action) {
                case CLAIM -> Enforcement.Decision.refuse("The report is already claimed; it must be released first.");
                case RELEASE -> Enforcement.Decision.to(OPEN);
                case ESCALATE -> Enforcement.Decision.to(ESCALATED);
                case RESOLVE -> Enforcement.Decision.to(RESOLVED);
                case REOPEN_ON_APPEAL -> Enforcement.Decision.refuse("The report is in review; only a resolved report can be reopened.");
            };
            case ESCALATED -> switch (action) {
                case CLAIM -> Enforcement.Decision.refuse("The report is escalated; it stays with whoever it was escalated to.");
                case RELEASE -> Enforcement.Decision.refuse("An escalated report cannot be released back to the queue; resolve it.");
                case ESCALATE -> Enforcement.Decision.to(ESCALATED); // lead → law enforcement
                case RESOLVE -> Enforcement.Decision.to(RESOLVED);
                case REOPEN_ON_APPEAL -> Enforcement.Decision.refuse("The report is escalated; only a resolved report can be reopened.");
            };
            case RESOLVED -> action == Action.REOPEN_ON_APPEAL
                    ? Enforcement.Decision.to(OPEN)
                    : Enforcement.Decision.refuse("The report is resolved; resolution is final and only an appeal reopens it.");
        };
    }
}
