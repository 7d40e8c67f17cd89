package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import static dev.gatehouse.policy.ReportDecision.*;
import static org.assertj.core.api.Assertions.assertThat;

class ReportDecisionTest {
    @Test
    void eachDecisionIsOneStepOfTheEnforcementLadder() {
        assertThat(DISMISS.accountAction()).isEmpty();
        assertThat(DISMISS.keyAction()).isEmpty();
        assertThat(WARN.accountAction()).contains(AccountAction.WARN);
        assertThat(SUSPEND_KEY.keyAction()).contains(KeyAction.SUSPEND);
        assertThat(REVOKE_KEY.keyAction()).contains(KeyAction.REVOKE);
        assertThat(SUSPEND_ACCOUNT.accountAction()).contains(AccountAction.SUSPEND);
        assertThat(TERMINATE_ACCOUNT.accountAction()).contains(AccountAction.TERMINATE);
        for (ReportDecision d : values()) {
            assertThat(d.accountAction().isPresent() && d.keyAction().isPresent()).as("%s", d).isFalse();
            assertThat(d.needsKey()).isEqualTo(d == SUSPEND_KEY || d == REVOKE_KEY);
            assertThat(d.isFinal()).isEqualTo(d == REVOKE_KEY || d == TERMINATE_ACCOUNT);
            assertThat(d.acceptsDuration()).isEqualTo(d == SUSPEND_ACCOUNT);
            assertThat(d.label()).isNotBlank();
        }
    }

    @Test
    void permissionsAreTheLaddersOwn() {
        assertThat(DISMISS.permission()).isEmpty();
        assertThat(WARN.permission()).contains(Permission.WARN_ACCOUNT);
        assertThat(SUSPEND_KEY.permission()).contains(Permission.SUSPEND_KEY);
        assertThat(REVOKE_KEY.permission()).contains(Permission.REVOKE_KEY);
        assertThat(SUSPEND_ACCOUNT.permission()).contains(Permission.SUSPEND_ACCOUNT);
        assertThat(TERMINATE_ACCOUNT.permission()).contains(Permission.TERMINATE_ACCOUNT);
    }

    @Test
    void wireNamesMatchTheResolveEndpoint() {
        assertThat(values()).extracting(ReportDecision::wire).containsExactly(
                "dismiss", "warn", "suspend_key", "revoke_key", "suspend_account", "terminate_account");
        for (ReportDecision d : values()) assertThat(ReportDecision.fromWire(d.wire())).contains(d);
        assertThat(ReportDecision.fromWire("ban")).isEmpty();
    }
}
