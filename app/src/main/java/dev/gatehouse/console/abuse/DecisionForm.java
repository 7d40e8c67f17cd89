package dev.gatehouse.console.abuse;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseDismissalRequest;
import dev.gatehouse.api.AbuseResolution;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportDecision;
import dev.gatehouse.policy.ReportResolution;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Ruling;
import dev.gatehouse.policy.StatementOfReasons;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.UUID;

/**
 * The reason form one decision key opens (issue 9 item 7): the policy clause and the statement-of-reasons template
 * filled in from the category, the facts left to write; the rules (policy/ReportResolution, StatementOfReasons) are
 * previewed as the operator types, and the gateway enforces the same ones on submit.
 */
public final class DecisionForm {
    private final AbuseReport report;
    private final ReportDecision decision;
    private final ReportCategory category;
    private final Role role;
    private final String idempotencyKey = UUID.randomUUID().toString();
    private final StringProperty facts = new SimpleStringProperty(this, "facts", "");
    private final StringProperty clause = new SimpleStringProperty(this, "clause");
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final StringProperty lawEnforcementRef = new SimpleStringProperty(this, "lawEnforcementRef", "");
    private final StringProperty curePeriodOverride = new SimpleStringProperty(this, "curePeriodOverride", "");
    private final BooleanProperty submitting = new SimpleBooleanProperty(this, "submitting");
    private final StringProperty failure = new SimpleStringProperty(this, "failure", "");
    private final StringBinding problem;
    private final StringBinding statement;

    /** {@code category}: the case's gravest (CSAM when any report of the case is), which the rules apply to. */
    public DecisionForm(AbuseReport report, ReportDecision decision, ReportCategory category, Role role) {
        this.report = report;
        this.decision = decision;
        this.category = category;
        this.role = role;
        clause.set(category.clause());
        problem = Bindings.createStringBinding(this::firstProblem, facts, clause, duration, lawEnforcementRef);
        statement = Bindings.createStringBinding(() -> {
            StatementOfReasons s = statementOfReasons();
            return s.problems().isEmpty() ? s.text() : StatementOfReasons.template(decision, category);
        }, facts, clause, duration);
    }

    private Integer hours() {
        String d = duration.get() == null ? "" : duration.get().strip();
        if (d.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(d);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private StatementOfReasons statementOfReasons() {
        return new StatementOfReasons(decision, facts.get(), clause.get(), hours(), StatementOfReasons.HOW_TO_APPEAL);
    }

    /** What would stop the gateway accepting this decision, in words; empty when nothing does. */
    String firstProblem() {
        for (Ruling r : new Ruling[] {ReportResolution.role(decision, role), ReportResolution.subjectKey(decision, report.keyId() != null),
                ReportResolution.lawEnforcementReference(category, blankToNull(lawEnforcementRef.get()))}) {
            if (!r.allowed()) {
                return r.refusal();
            }
        }

        var problems = statementOfReasons().problems();
        if (!problems.isEmpty()) {
            var first = problems.entrySet().iterator().next();
            String field = first.getKey().equals("facts") ? "Facts" : first.getKey().equals("policy_clause") ? "Policy clause"
                    : first.getKey().equals("duration_hours") ? "Duration (hours)" : first.getKey();
            return field + " " + first.getValue() + ".";
        }
        return "";
    }

    /**
     * A CSAM case is never dismissed by one person (DESIGN §4): D proposes the dismissal, and a second operator, a
     * lead, approves it (POST …/dismissal, then …/dismissal/approve).
     */
    public boolean proposesDismissal() {
        return category == ReportCategory.CSAM && decision == ReportDecision.DISMISS;
    }

    public AbuseDismissalRequest proposal() {
        return new AbuseDismissalRequest(facts.get().strip(), clause.get().strip(), blankToNull(lawEnforcementRef.get()));
    }

    public AbuseResolution resolution() {
        return new AbuseResolution(decision.wire(), facts.get().strip(), clause.get().strip(), hours(),
                blankToNull(lawEnforcementRef.get()), blankToNull(curePeriodOverride.get()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String title() {
        return (proposesDismissal() ? "Propose dismissal for a lead's approval" : decision.label()) + " — " + QueueText.subject(report);
    }

    public boolean needsLawEnforcementRef() {
        return category == ReportCategory.CSAM;
    }

    public boolean acceptsDuration() {
        return decision.acceptsDuration();
    }

    /** Terminating for a non-severe category: the cure period applies, and a lead may override it. */
    public boolean curePeriodApplies() {
        return decision == ReportDecision.TERMINATE_ACCOUNT && !category.severe();
    }

    public AbuseReport report() { return report; }
    public ReportDecision decision() { return decision; }
    public ReportCategory category() { return category; }
    public String idempotencyKey() { return idempotencyKey; }
    public StringProperty factsProperty() { return facts; }
    public StringProperty clauseProperty() { return clause; }
    public StringProperty durationProperty() { return duration; }
    public StringProperty lawEnforcementRefProperty() { return lawEnforcementRef; }
    public StringProperty curePeriodOverrideProperty() { return curePeriodOverride; }
    public BooleanProperty submittingProperty() { return submitting; }
    public StringProperty failureProperty() { return failure; }
    /** The first rule the decision breaks as it stands; empty when it may be submitted. */
    public StringBinding problemProperty() { return problem; }
    /** The statement of reasons the customer will read (the template until the facts are written). */
    public StringBinding statementProperty() { return statement; }
}
