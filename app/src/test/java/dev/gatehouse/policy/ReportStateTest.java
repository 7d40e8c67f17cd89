package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gatehouse.policy.ReportState.Action.CLAIM;
import static dev.gatehouse.policy.ReportState.Action.ESCALATE;
import static dev.gatehouse.policy.ReportState.Action.RELEASE;
import static dev.gatehouse.policy.ReportState.Action.REOPEN_ON_APPEAL;
import static dev.gatehouse.policy.ReportState.Action.RESOLVE;
import static dev.gatehouse.policy.ReportState.ESCALATED;
import static dev.gatehouse.policy.ReportState.IN_REVIEW;
import static dev.gatehouse.policy.ReportState.OPEN;
import static dev.gatehouse.policy.ReportState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

class ReportStateTest {
    /** Every (state, action) pair: the next state, or absent when refused. */
    private static final Map<ReportState, Map<ReportState.Action, ReportState>> ALLOWED = Map.of(
            OPEN, Map.of(CLAIM, IN_REVIEW, RESOLVE, RESOLVED),
            IN_REVIEW, Map.of(RELEASE, OPEN, ESCALATE, ESCALATED, RESOLVE, RESOLVED),
            ESCALATED, Map.of(ESCALATE, ESCALATED, RESOLVE, RESOLVED),
            RESOLVED, Map.of(REOPEN_ON_APPEAL, OPEN));

    @Test
    void everyTransitionIsAllowedOrRefusedAsTabled() {
        for (ReportState s : ReportState.values()) {
            for (ReportState.Action a : ReportState.Action.values()) {
                Enforcement.Decision<ReportState> d = s.next(a);
                ReportState expected = ALLOWED.get(s).get(a);
                assertThat(d.allowed()).as("%s on %s", a, s).isEqualTo(expected != null);
                assertThat(d.next()).as("%s on %s", a, s).isEqualTo(expected);
                if (expected == null) assertThat(d.refusal()).as("%s on %s", a, s).isNotBlank();
            }
        }
    }

    @Test
    void resolvedIsFinalAndOnlyAnAppealReopensIt() {
        assertThat(RESOLVED.isFinal()).isTrue();
        for (ReportState s : ReportState.values()) assertThat(s.isFinal()).isEqualTo(s == RESOLVED);
        for (ReportState.Action a : ReportState.Action.values()) {
            if (a != REOPEN_ON_APPEAL) assertThat(RESOLVED.next(a).refusal()).contains("final").contains("appeal");
        }
        assertThat(OPEN.next(REOPEN_ON_APPEAL).allowed()).isFalse();
    }

    @Test
    void wireNamesRoundTrip() {
        for (ReportState s : ReportState.values()) assertThat(ReportState.fromWire(s.wire())).contains(s);
        assertThat(IN_REVIEW.wire()).isEqualTo("in_review");
        assertThat(ReportState.fromWire("closed")).isEmpty();
    }
}
