package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementOfReasonsTest {
    private static StatementOfReasons complete(ReportDecision decision, Integer hours) {
        return new StatementOfReasons(decision, "Key sk-live-…a1b2 generated scam landing pages on 2026-11-20.",
                "ai-visual-studio §7", hours, StatementOfReasons.HOW_TO_APPEAL);
    }

    @Test
    void aCompleteStatementHasNoProblems() {
        for (ReportDecision d : ReportDecision.values()) {
            assertThat(complete(d, null).problems()).as("%s", d).isEmpty();
        }
        assertThat(complete(ReportDecision.SUSPEND_ACCOUNT, 72).problems()).isEmpty();
    }

    @Test
    void everyMissingPartIsNamedByItsWireField() {
        StatementOfReasons empty = new StatementOfReasons(null, null, null, null, null);
        assertThat(empty.problems()).containsOnlyKeys("decision", "facts", "policy_clause", "how_to_appeal");
        StatementOfReasons blank = new StatementOfReasons(ReportDecision.WARN, " ", "\t", null, "");
        assertThat(blank.problems()).containsOnlyKeys("facts", "policy_clause", "how_to_appeal");
        assertThat(blank.firstProblem()).hasValueSatisfying(p -> assertThat(p).startsWith("facts is required"));
    }

    @Test
    void onlyAnAccountSuspensionTakesADurationWithinTheLaddersBounds() {
        for (ReportDecision d : ReportDecision.values()) {
            assertThat(complete(d, 24).problems().containsKey("duration_hours")).as("%s", d).isEqualTo(d != ReportDecision.SUSPEND_ACCOUNT);
        }
        assertThat(complete(ReportDecision.SUSPEND_ACCOUNT, 0).problems()).containsKey("duration_hours");
        assertThat(complete(ReportDecision.SUSPEND_ACCOUNT, Enforcement.MAX_SUSPENSION_HOURS + 1).problems()).containsKey("duration_hours");
        assertThat(complete(ReportDecision.SUSPEND_ACCOUNT, Enforcement.MAX_SUSPENSION_HOURS).problems()).isEmpty();
        assertThat(complete(ReportDecision.SUSPEND_ACCOUNT, 1).problems()).isEmpty();
    }

    @Test
    void overlongFactsAndClausesAreRefused() {
        StatementOfReasons longFacts = new StatementOfReasons(ReportDecision.WARN, "x".repeat(StatementOfReasons.MAX_FACTS_LENGTH + 1),
                "ai-visual-studio §7", null, StatementOfReasons.HOW_TO_APPEAL);
        assertThat(longFacts.problems()).containsOnlyKeys("facts");
        StatementOfReasons longClause = new StatementOfReasons(ReportDecision.WARN, "facts",
                "y".repeat(StatementOfReasons.MAX_CLAUSE_LENGTH + 1), null, StatementOfReasons.HOW_TO_APPEAL);
        assertThat(longClause.problems()).containsOnlyKeys("policy_clause");
    }

    @Test
    void theDraftFillsClauseAndAppealButLeavesTheFactsToTheReviewer() {
        for (ReportCategory c : ReportCategory.values()) {
            for (ReportDecision d : ReportDecision.values()) {
                StatementOfReasons draft = StatementOfReasons.draft(d, c);
                assertThat(draft.policyClause()).isEqualTo(c.clause());
                assertThat(draft.howToAppeal()).contains("6 months").contains("EU DSA art. 20");
                assertThat(draft.problems()).containsOnlyKeys("facts");
                String template = StatementOfReasons.template(d, c);
                assertThat(template).contains("Decision: " + d.label()).contains(c.label())
                        .contains("Facts: [").contains("Policy clause: " + c.clause())
                        .contains("Duration: ").contains("How to appeal: ");
                // a template pasted back unchanged is still missing its facts
                assertThat(new StatementOfReasons(d, template, c.clause(), null, StatementOfReasons.HOW_TO_APPEAL).problems())
                        .containsOnlyKeys("facts");
            }
        }
    }

    @Test
    void durationTextSaysWhatTheDecisionMeans() {
        assertThat(complete(ReportDecision.SUSPEND_ACCOUNT, 48).durationText()).isEqualTo("48 hours");
        assertThat(complete(ReportDecision.SUSPEND_ACCOUNT, null).durationText()).isEqualTo("until the account is reinstated");
        assertThat(complete(ReportDecision.SUSPEND_KEY, null).durationText()).isEqualTo("until the key is reinstated");
        assertThat(complete(ReportDecision.REVOKE_KEY, null).durationText()).startsWith("permanent");
        assertThat(complete(ReportDecision.TERMINATE_ACCOUNT, null).durationText()).startsWith("permanent").contains("keys are revoked");
        assertThat(complete(ReportDecision.WARN, null).durationText()).contains("14 days");
        assertThat(complete(ReportDecision.DISMISS, null).durationText()).startsWith("none");
        assertThat(complete(ReportDecision.SUSPEND_ACCOUNT, 48).text())
                .isEqualTo("Decision: Suspend the account.\n"
                        + "Facts: Key sk-live-…a1b2 generated scam landing pages on 2026-11-20.\n"
                        + "Policy clause: ai-visual-studio §7\n"
                        + "Duration: 48 hours\n"
                        + "How to appeal: " + StatementOfReasons.HOW_TO_APPEAL);
    }
}
