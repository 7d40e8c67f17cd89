package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppealsTest {
    @Test
    void theOriginalDeciderMayNotDecideTheAppeal() {
        assertThat(Appeals.mayDecide("op-1", "op-1", Role.LEAD).refusal()).contains("original decision");
        assertThat(Appeals.mayDecide("op-1", "op-1", Role.TRUST_SAFETY).allowed()).isFalse();
        assertThat(Appeals.mayDecide("op-1", "op-2", Role.TRUST_SAFETY).allowed()).isTrue();
        assertThat(Appeals.mayDecide("op-1", "op-2", Role.LEAD).allowed()).isTrue();
        for (Role r : new Role[] {Role.VIEWER, Role.SUPPORT, Role.OPS}) {
            assertThat(Appeals.mayDecide("op-1", "op-2", r).refusal()).contains("Your role");
        }
    }

    @Test
    void onlyDecisionsThatEnforcedSomethingAreAppealable() {
        for (ReportDecision d : ReportDecision.values()) {
            assertThat(Appeals.appealable(d).allowed()).as("%s", d).isEqualTo(d != ReportDecision.DISMISS);
        }
        assertThatThrownBy(() -> Appeals.overturn(ReportDecision.DISMISS, AccountStatus.ACTIVE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overturningLiftsAWarningOrSuspensionStillInForce() {
        Appeals.Overturn warn = Appeals.overturn(ReportDecision.WARN, AccountStatus.WARNED, null);
        assertThat(warn.accountAction()).contains(AccountAction.REINSTATE);
        assertThat(warn.outcome()).contains("withdrawn");
        Appeals.Overturn account = Appeals.overturn(ReportDecision.SUSPEND_ACCOUNT, AccountStatus.SUSPENDED, null);
        assertThat(account.accountAction()).contains(AccountAction.REINSTATE);
        assertThat(account.keyAction()).isEmpty();
        Appeals.Overturn key = Appeals.overturn(ReportDecision.SUSPEND_KEY, AccountStatus.ACTIVE, KeyStatus.SUSPENDED);
        assertThat(key.keyAction()).contains(KeyAction.REINSTATE);
        assertThat(key.accountAction()).isEmpty();
        // each lift is a legal step of the ladder from the current state
        assertThat(Enforcement.account(AccountStatus.WARNED, warn.accountAction().orElseThrow()).next()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(Enforcement.account(AccountStatus.SUSPENDED, account.accountAction().orElseThrow()).next()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(Enforcement.key(KeyStatus.SUSPENDED, key.keyAction().orElseThrow()).next()).isEqualTo(KeyStatus.ACTIVE);
        for (Appeals.Overturn o : new Appeals.Overturn[] {warn, account, key}) assertThat(o.offer()).isEmpty();
    }

    @Test
    void overturningNeverLiftsAStateAnotherDecisionOrTheClockLeft() {
        // warned, then suspended by a later decision: withdrawing the warning must not lift that suspension
        Appeals.Overturn warn = Appeals.overturn(ReportDecision.WARN, AccountStatus.SUSPENDED, null);
        assertThat(warn.accountAction()).isEmpty();
        assertThat(warn.outcome()).contains("withdrawn").contains("suspended");
        for (AccountStatus s : AccountStatus.values()) {
            if (s != AccountStatus.SUSPENDED) {
                assertThat(Appeals.overturn(ReportDecision.SUSPEND_ACCOUNT, s, null).accountAction()).as("%s", s).isEmpty();
            }
            if (s != AccountStatus.WARNED) {
                assertThat(Appeals.overturn(ReportDecision.WARN, s, null).accountAction()).as("%s", s).isEmpty();
            }
        }
        for (KeyStatus k : KeyStatus.values()) {
            Optional<KeyAction> lift = Appeals.overturn(ReportDecision.SUSPEND_KEY, AccountStatus.ACTIVE, k).keyAction();
            assertThat(lift.isPresent()).as("%s", k).isEqualTo(k == KeyStatus.SUSPENDED);
        }
        assertThat(Appeals.overturn(ReportDecision.SUSPEND_KEY, AccountStatus.ACTIVE, null).keyAction()).isEmpty();
    }

    @Test
    void revocationAndTerminationStayFinalAndTheCustomerIsOfferedANewKey() {
        Appeals.Overturn revoked = Appeals.overturn(ReportDecision.REVOKE_KEY, AccountStatus.ACTIVE, KeyStatus.REVOKED);
        assertThat(revoked.accountAction()).isEmpty();
        assertThat(revoked.keyAction()).isEmpty();
        assertThat(revoked.outcome()).contains("final");
        assertThat(revoked.offer()).contains("a new key on the same account");
        Appeals.Overturn terminated = Appeals.overturn(ReportDecision.TERMINATE_ACCOUNT, AccountStatus.TERMINATED, KeyStatus.REVOKED);
        assertThat(terminated.accountAction()).isEmpty();
        assertThat(terminated.keyAction()).isEmpty();
        assertThat(terminated.outcome()).contains("final");
        assertThat(terminated.offer()).contains("a new account with a new key");
        // a revoked key of an account terminated since: no key can be offered on it
        Appeals.Overturn revokedThenTerminated = Appeals.overturn(ReportDecision.REVOKE_KEY, AccountStatus.TERMINATED, KeyStatus.REVOKED);
        assertThat(revokedThenTerminated.offer()).isEmpty();
        assertThat(revokedThenTerminated.outcome()).contains("terminated");
    }

    @Test
    void outcomeWireNamesMatchTheDecideEndpoint() {
        assertThat(AppealOutcome.fromWire("upheld")).contains(AppealOutcome.UPHELD);
        assertThat(AppealOutcome.fromWire("overturned")).contains(AppealOutcome.OVERTURNED);
        assertThat(AppealOutcome.fromWire("granted")).isEmpty();
    }
}
