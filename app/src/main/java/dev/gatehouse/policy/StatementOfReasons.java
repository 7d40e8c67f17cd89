package dev.gatehouse.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The statement of reasons every decision carries (DESIGN §4 "every enforcement records decision, facts, policy
 * clause, duration, and how to appeal", EU DSA art. 17 practice). {@code durationHours} is set only for a timed
 * account suspension; every other decision's duration follows from the decision itself ({@link #durationText()}).
 */
public record StatementOfReasons(ReportDecision decision, String facts, String policyClause, Integer durationHours,
                                 String howToAppeal) {
    /** Maximum length of the facts, matching {@link Enforcement#MAX_REASON_LENGTH}. */
    public static final int MAX_FACTS_LENGTH = Enforcement.MAX_REASON_LENGTH;
    public static final int MAX_CLAUSE_LENGTH = 500;

    /**
     * EU DSA art. 20: complaints can be lodged "for a period of at least six months following the decision", and
     * art. 20(6) has them decided by qualified staff; here, someone other than the decider (issue 9 item 5).
     */
    public static final String HOW_TO_APPEAL = "You may appeal within 6 months of this notice by replying to it or "
            + "writing to support, saying why the decision is wrong. A reviewer who did not make this decision "
            + "decides the appeal (EU DSA art. 20).";

    static final String FACTS_PLACEHOLDER = "[What happened: which requests or content, when, and how it was found]";

    /** The decision form's pre-filled statement: the category's clause and how to appeal, the facts left to write. */
    public static StatementOfReasons draft(ReportDecision decision, ReportCategory category) {
        return new StatementOfReasons(decision, "", category.clause(), null, HOW_TO_APPEAL);
    }

    /** The template text of the decision form for a decision and category, facts as a placeholder to replace. */
    public static String template(ReportDecision decision, ReportCategory category) {
        StatementOfReasons draft = draft(decision, category);
        return "Decision: " + decision.label() + " (" + category.label() + " report).\n"
                + "Facts: " + FACTS_PLACEHOLDER + "\n"
                + "Policy clause: " + draft.policyClause() + "\n"
                + "Duration: " + draft.durationText() + "\n"
                + "How to appeal: " + draft.howToAppeal();
    }

    /** The statement as the customer reads it; validate with {@link #problems()} first. */
    public String text() {
        return "Decision: " + decision.label() + ".\n"
                + "Facts: " + facts.strip() + "\n"
                + "Policy clause: " + policyClause.strip() + "\n"
                + "Duration: " + durationText() + "\n"
                + "How to appeal: " + howToAppeal.strip();
    }

    /** "48 hours", "until reinstated", "permanent: …": what the decision's duration means. */
    public String durationText() {
        return switch (decision) {
            case DISMISS -> "none: no action is taken against the account";
            case WARN -> "the warning stays on record; a breach not cured within 14 days may end in termination";
            case SUSPEND_KEY -> "until the key is reinstated";
            case SUSPEND_ACCOUNT -> durationHours == null ? "until the account is reinstated" : durationHours + " hours";
            case REVOKE_KEY -> "permanent: a revoked key cannot be restored";
            case TERMINATE_ACCOUNT -> "permanent: a terminated account cannot be restored, and all its keys are revoked";
        };
    }

    /** What is missing or wrong, by wire field name, each saying what to fix; empty when the statement is complete. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (decision == null) {
            problems.put("decision", "is required: one of dismiss, warn, suspend_key, revoke_key, suspend_account, terminate_account");
        }
        if (facts == null || facts.isBlank() || facts.contains(FACTS_PLACEHOLDER)) {
            problems.put("facts", "is required: say what happened, which requests or content, and when");
        } else if (facts.length() > MAX_FACTS_LENGTH) {
            problems.put("facts", "must be at most " + MAX_FACTS_LENGTH + " characters");
        }
        if (policyClause == null || policyClause.isBlank()) {
            problems.put("policy_clause", "is required: cite the clause that was breached, e.g. ai-visual-studio §7");
        } else if (policyClause.length() > MAX_CLAUSE_LENGTH) {
            problems.put("policy_clause", "must be at most " + MAX_CLAUSE_LENGTH + " characters");
        }
        if (decision != null && durationHours != null) {
            if (!decision.acceptsDuration()) {
                problems.put("duration_hours", "only an account suspension can be timed; leave it out for " + decision.wire());
            } else {
                Enforcement.durationProblem(durationHours).ifPresent(p -> problems.put("duration_hours", p));
            }
        }
        if (howToAppeal == null || howToAppeal.isBlank()) {
            problems.put("how_to_appeal", "is required: tell the customer how and by when to appeal");
        }
        return problems;
    }

    public Optional<String> firstProblem() {
        return problems().entrySet().stream().findFirst().map(e -> e.getKey() + " " + e.getValue());
    }
}
