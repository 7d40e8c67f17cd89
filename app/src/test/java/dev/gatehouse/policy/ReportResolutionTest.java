package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gatehouse.policy.ReportCategory.CSAM;
import static dev.gatehouse.policy.ReportCategory.HATE_HARASSMENT;
import static dev.gatehouse.policy.ReportCategory.SPAM;
import static dev.gatehouse.policy.ReportDecision.DISMISS;
import static dev.gatehouse.policy.ReportDecision.TERMINATE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

class ReportResolutionTest {
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    private static ReportResolution.Request request(ReportCategory category, ReportDecision decision, Role role) {
        return new ReportResolution.Request(category, decision, "op-1", role, null, null, null, true, List.of(), null, NOW);
    }

    private static Ruling cure(ReportCategory category, List<Instant> warnings, Role role, String override) {
        return ReportResolution.curePeriod(category, TERMINATE_ACCOUNT, warnings, role, override, NOW);
    }

    @Test
    void aWarningExactly14DaysOldEndsTheCurePeriodOneSecondShortDoesNot() {
        Object[][] table = {
                // warnings in force, role, override, allowed
                {List.of(NOW.minus(FOURTEEN_DAYS)), Role.TRUST_SAFETY, null, true},
                {List.of(NOW.minus(FOURTEEN_DAYS).plusSeconds(1)), Role.TRUST_SAFETY, null, false},
                {List.of(NOW.minus(FOURTEEN_DAYS).minusSeconds(1)), Role.TRUST_SAFETY, null, true},
                {List.of(NOW.minus(Duration.ofDays(90))), Role.TRUST_SAFETY, null, true},
                {List.of(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(20))), Role.TRUST_SAFETY, null, true},
                {List.of(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(13))), Role.TRUST_SAFETY, null, false},
                {List.of(NOW), Role.TRUST_SAFETY, null, false},
                {List.of(), Role.TRUST_SAFETY, null, false},
                {List.of(), Role.LEAD, null, false},
                {List.of(), Role.LEAD, "  ", false},
                {List.of(), Role.LEAD, "credible threat to a named person", true},
                {List.of(NOW.minus(Duration.ofDays(3))), Role.LEAD, "repeat offender, see case 41", true},
                {List.of(), Role.TRUST_SAFETY, "I think it is urgent", false},
        };
        for (Object[] row : table) {
            @SuppressWarnings("unchecked") List<Instant> warnings = (List<Instant>) row[0];
            Ruling r = cure(HATE_HARASSMENT, warnings, (Role) row[1], (String) row[2]);
            assertThat(r.allowed()).as("warnings %s by %s override %s", warnings, row[1], row[2]).isEqualTo(row[3]);
            if (!r.allowed()) assertThat(r.refusal()).contains("ai-visual-studio §15").contains("14 days");
        }
    }

    @Test
    void curePeriodRefusalsSayWhenTerminationBecomesPossibleAndWhoMayOverride() {
        Instant warned = NOW.minus(Duration.ofDays(10));
        assertThat(cure(SPAM, List.of(warned), Role.TRUST_SAFETY, null).refusal())
                .contains("allows termination from " + warned.plus(FOURTEEN_DAYS)).contains("a lead may override");
        assertThat(cure(SPAM, List.of(), Role.TRUST_SAFETY, null).refusal()).contains("warn it first");
        assertThat(cure(SPAM, List.of(), Role.TRUST_SAFETY, "because").refusal()).contains("Only a lead may override");
    }

    @Test
    void severeCategoriesTerminateAtOnceAndTheRestWaitForTheCurePeriod() {
        for (ReportCategory c : ReportCategory.values()) {
            assertThat(cure(c, List.of(), Role.TRUST_SAFETY, null).allowed()).as("%s", c).isEqualTo(c.severe());
        }
    }

    @Test
    void theCurePeriodAppliesOnlyToTermination() {
        for (ReportDecision d : ReportDecision.values()) {
            Ruling r = ReportResolution.curePeriod(SPAM, d, List.of(), Role.TRUST_SAFETY, null, NOW);
            assertThat(r.allowed()).as("%s", d).isEqualTo(d != TERMINATE_ACCOUNT);
        }
    }

    @Test
    void aCsamReportIsNeverDismissedByOnePerson() {
        Object[][] table = {
                // second approver id, role, allowed
                {null, null, false},
                {"", Role.LEAD, false},
                {"op-1", Role.LEAD, false},          // the decider approving themself
                {"op-2", Role.TRUST_SAFETY, false},  // a second operator, but not a lead
                {"op-2", Role.OPS, false},
                {"op-2", Role.LEAD, true},
        };
        for (Object[] row : table) {
            Ruling r = ReportResolution.csamDismissal(CSAM, DISMISS, "op-1", (String) row[0], (Role) row[1]);
            assertThat(r.allowed()).as("second approver %s (%s)", row[0], row[1]).isEqualTo(row[2]);
            if (!r.allowed()) assertThat(r.refusal()).contains("DESIGN §4");
        }
        // a lead deciding alone is still one person
        assertThat(ReportResolution.csamDismissal(CSAM, DISMISS, "lead-1", null, null).allowed()).isFalse();
        assertThat(ReportResolution.csamDismissal(CSAM, DISMISS, "lead-1", "lead-1", Role.LEAD).allowed()).isFalse();
    }

    @Test
    void theFourEyesRuleCoversOnlyCsamDismissals() {
        for (ReportCategory c : ReportCategory.values()) {
            for (ReportDecision d : ReportDecision.values()) {
                boolean needsSecond = c == CSAM && d == DISMISS;
                assertThat(ReportResolution.csamDismissal(c, d, "op-1", null, null).allowed())
                        .as("%s %s", c, d).isEqualTo(!needsSecond);
            }
        }
    }

    @Test
    void aCsamReportIsNeverResolvedWithoutALawEnforcementReference() {
        assertThat(ReportResolution.lawEnforcementReference(CSAM, null).refusal()).contains("decart §3.5");
        assertThat(ReportResolution.lawEnforcementReference(CSAM, " ").allowed()).isFalse();
        assertThat(ReportResolution.lawEnforcementReference(CSAM, "x".repeat(201)).allowed()).isFalse();
        assertThat(ReportResolution.lawEnforcementReference(CSAM, "x".repeat(200)).allowed()).isTrue();
        assertThat(ReportResolution.lawEnforcementReference(CSAM, "NCMEC-CT-2026-118274").allowed()).isTrue();
        for (ReportCategory c : ReportCategory.values()) {
            if (c != CSAM) assertThat(ReportResolution.lawEnforcementReference(c, null).allowed()).as("%s", c).isTrue();
        }
        // every decision on a CSAM report needs it, the strongest included
        for (ReportDecision d : ReportDecision.values()) {
            Ruling r = ReportResolution.check(new ReportResolution.Request(CSAM, d, "op-1", Role.LEAD, "op-2", Role.LEAD,
                    null, true, List.of(), null, NOW));
            assertThat(r.refusal()).as("%s", d).contains("law enforcement");
        }
    }

    @Test
    void aCsamTerminationWithTheReferenceIsAllowedAtOnce() {
        Ruling r = ReportResolution.check(new ReportResolution.Request(CSAM, TERMINATE_ACCOUNT, "op-1", Role.TRUST_SAFETY,
                null, null, "NCMEC-1", true, List.of(), null, NOW));
        assertThat(r.allowed()).isTrue();
        Ruling dismissed = ReportResolution.check(new ReportResolution.Request(CSAM, DISMISS, "op-1", Role.TRUST_SAFETY,
                "lead-1", Role.LEAD, "NCMEC-2", true, List.of(), null, NOW));
        assertThat(dismissed.allowed()).isTrue();
    }

    @Test
    void theDecidersRoleMustHoldTheDecisionsPermission() {
        for (ReportDecision d : ReportDecision.values()) {
            for (Role role : Role.values()) {
                boolean expected = role == Role.LEAD || role == Role.TRUST_SAFETY
                        || (d == ReportDecision.SUSPEND_KEY && role == Role.SUPPORT);
                Ruling r = ReportResolution.check(new ReportResolution.Request(SPAM, d, "op-1", role, null, null, null, true,
                        List.of(NOW.minus(Duration.ofDays(30))), null, NOW));
                assertThat(r.allowed()).as("%s by %s", d, role).isEqualTo(expected);
                if (!expected) assertThat(r.refusal()).contains("Your role");
            }
        }
    }

    @Test
    void keyDecisionsNeedAKey() {
        for (ReportDecision d : ReportDecision.values()) {
            Ruling r = ReportResolution.check(new ReportResolution.Request(SPAM, d, "op-1", Role.LEAD, null, null, null,
                    false, List.of(NOW.minus(Duration.ofDays(30))), null, NOW));
            assertThat(r.allowed()).as("%s without a key", d).isEqualTo(!d.needsKey());
            if (d.needsKey()) assertThat(r.refusal()).contains("names no key");
        }
    }

    @Test
    void checkRefusesANonSevereTerminationWithoutCureButAllowsItWithAnOverride() {
        assertThat(ReportResolution.check(request(HATE_HARASSMENT, TERMINATE_ACCOUNT, Role.LEAD)).refusal())
                .contains("cure period");
        ReportResolution.Request overridden = new ReportResolution.Request(HATE_HARASSMENT, TERMINATE_ACCOUNT, "lead-1",
                Role.LEAD, null, null, null, false, List.of(), "credible threat, see note", NOW);
        assertThat(ReportResolution.check(overridden).allowed()).isTrue();
    }
}
