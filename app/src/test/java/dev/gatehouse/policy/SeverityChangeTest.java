package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeverityChangeTest {
    @Test
    void anyReviewerMayRaiseOnlyALeadWithAReasonMayLower() {
        for (Severity from : Severity.values()) {
            for (Severity to : Severity.values()) {
                for (Role role : Role.values()) {
                    for (String reason : new String[] {null, " ", "duplicate of a resolved report"}) {
                        boolean reviewer = role == Role.TRUST_SAFETY || role == Role.LEAD;
                        boolean hasReason = reason != null && !reason.isBlank();
                        boolean expected = reviewer && from != to
                                && (to.isAbove(from) || (role == Role.LEAD && hasReason));
                        Ruling r = SeverityChange.check(from, to, role, reason);
                        assertThat(r.allowed()).as("%s -> %s by %s, reason %s", from, to, role, reason).isEqualTo(expected);
                        if (!expected) assertThat(r.refusal()).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void refusalsSayWhatToDo() {
        assertThat(SeverityChange.check(Severity.CRITICAL, Severity.LOW, Role.TRUST_SAFETY, "no").refusal())
                .contains("needs a lead").contains("critical").contains("low");
        assertThat(SeverityChange.check(Severity.HIGH, Severity.LOW, Role.LEAD, "").refusal()).contains("Say why");
        assertThat(SeverityChange.check(Severity.LOW, Severity.HIGH, Role.SUPPORT, "x").refusal()).contains("Your role");
        assertThat(SeverityChange.check(Severity.LOW, Severity.LOW, Role.LEAD, "x").refusal()).contains("already low");
    }
}
