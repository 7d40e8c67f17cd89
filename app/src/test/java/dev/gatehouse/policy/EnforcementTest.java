package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.gatehouse.policy.AccountStatus.ACTIVE;
import static dev.gatehouse.policy.AccountStatus.SUSPENDED;
import static dev.gatehouse.policy.AccountStatus.TERMINATED;
import static dev.gatehouse.policy.AccountStatus.WARNED;
import static org.assertj.core.api.Assertions.assertThat;

class EnforcementTest {
    /** Every (state, action) pair of accounts: the next state, or null when refused. */
    private static final Map<AccountStatus, Map<AccountAction, AccountStatus>> ACCOUNT = Map.of(
            ACTIVE, Map.of(AccountAction.WARN, WARNED, AccountAction.SUSPEND, SUSPENDED, AccountAction.TERMINATE, TERMINATED),
            WARNED, Map.of(AccountAction.WARN, WARNED, AccountAction.SUSPEND, SUSPENDED, AccountAction.REINSTATE, ACTIVE,
                    AccountAction.TERMINATE, TERMINATED),
            SUSPENDED, Map.of(AccountAction.REINSTATE, ACTIVE, AccountAction.TERMINATE, TERMINATED),
            TERMINATED, Map.of());

    private static final Map<KeyStatus, Map<KeyAction, KeyStatus>> KEY = Map.of(
            KeyStatus.ACTIVE, Map.of(KeyAction.SUSPEND, KeyStatus.SUSPENDED, KeyAction.REVOKE, KeyStatus.REVOKED),
            KeyStatus.SUSPENDED, Map.of(KeyAction.REINSTATE, KeyStatus.ACTIVE, KeyAction.REVOKE, KeyStatus.REVOKED),
            KeyStatus.EXPIRED, Map.of(KeyAction.REVOKE, KeyStatus.REVOKED),
            KeyStatus.REVOKED, Map.of());

    @Test
    void accountTransitionsMatchTheLadder() {
        for (AccountStatus s : AccountStatus.values()) {
            for (AccountAction a : AccountAction.values()) {
                Enforcement.Decision<AccountStatus> d = Enforcement.account(s, a);
                AccountStatus expected = ACCOUNT.get(s).get(a);
                assertThat(d.allowed()).as("%s on %s", a, s).isEqualTo(expected != null);
                assertThat(d.next()).as("%s on %s", a, s).isEqualTo(expected);
                if (!d.allowed()) {
                    assertThat(d.refusal()).isNotBlank();
                }
            }
        }
    }

    @Test
    void keyTransitionsMatchTheLadder() {
        for (KeyStatus s : KeyStatus.values()) {
            for (KeyAction a : KeyAction.values()) {
                Enforcement.Decision<KeyStatus> d = Enforcement.key(s, a);
                KeyStatus expected = KEY.get(s).get(a);
                assertThat(d.allowed()).as("%s on %s", a, s).isEqualTo(expected != null);
                assertThat(d.next()).isEqualTo(expected);
                if (!d.allowed()) {
                    assertThat(d.refusal()).isNotBlank();
                }
            }
        }
    }

    @Test
    void finalStatesAreFinal() {
        assertThat(TERMINATED.isFinal()).isTrue();
        assertThat(KeyStatus.REVOKED.isFinal()).isTrue();
        for (AccountStatus s : AccountStatus.values()) {
            assertThat(s.isFinal()).isEqualTo(s == TERMINATED);
        }
        assertThat(Enforcement.account(TERMINATED, AccountAction.REINSTATE).refusal()).contains("final");
        assertThat(Enforcement.key(KeyStatus.REVOKED, KeyAction.REINSTATE).refusal()).contains("final");
    }

    @Test
    void onlyTerminationRevokesKeysAndOnlySuspensionsAreTimed() {
        for (AccountAction a : AccountAction.values()) {
            assertThat(Enforcement.revokesAllKeys(a)).isEqualTo(a == AccountAction.TERMINATE);
            assertThat(Enforcement.acceptsDuration(a)).isEqualTo(a == AccountAction.SUSPEND);
        }
        for (KeyAction a : KeyAction.values()) {
            assertThat(Enforcement.acceptsDuration(a)).isFalse();
        }
    }

    @Test
    void durationsAreBounded() {
        assertThat(Enforcement.durationProblem(null)).isEmpty();
        assertThat(Enforcement.durationProblem(1)).isEmpty();
        assertThat(Enforcement.durationProblem(Enforcement.MAX_SUSPENSION_HOURS)).isEmpty();
        assertThat(Enforcement.durationProblem(0)).isPresent();
        assertThat(Enforcement.durationProblem(-5)).isPresent();
        assertThat(Enforcement.durationProblem(Enforcement.MAX_SUSPENSION_HOURS + 1)).isPresent();
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        assertThat(Enforcement.suspendedUntil(now, 48)).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(Enforcement.suspendedUntil(now, null)).isNull();
    }

    @Test
    void onlyTimedSuspensionsLapse() {
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        assertThat(Enforcement.suspensionLapsed(SUSPENDED, now, now)).isTrue();
        assertThat(Enforcement.suspensionLapsed(SUSPENDED, now.minusSeconds(1), now)).isTrue();
        assertThat(Enforcement.suspensionLapsed(SUSPENDED, now.plusSeconds(1), now)).isFalse();
        assertThat(Enforcement.suspensionLapsed(SUSPENDED, null, now)).isFalse();
        for (AccountStatus s : AccountStatus.values()) {
            if (s != SUSPENDED) assertThat(Enforcement.suspensionLapsed(s, now.minusSeconds(60), now)).isFalse();
        }
    }

    @Test
    void reasonsAreRequired() {
        assertThat(Enforcement.reasonProblem(null)).isPresent();
        assertThat(Enforcement.reasonProblem("")).isPresent();
        assertThat(Enforcement.reasonProblem(" \t\n")).isPresent();
        assertThat(Enforcement.reasonProblem("x".repeat(Enforcement.MAX_REASON_LENGTH + 1))).isPresent();
        assertThat(Enforcement.reasonProblem("Spam via key, ai-visual-studio §15")).isEmpty();
    }

    @Test
    void wireNamesRoundTrip() {
        for (AccountStatus s : AccountStatus.values()) assertThat(AccountStatus.fromWire(s.wire())).contains(s);
        for (KeyStatus s : KeyStatus.values()) assertThat(KeyStatus.fromWire(s.wire())).contains(s);
        for (AccountAction a : AccountAction.values()) assertThat(AccountAction.fromWire(a.wire())).contains(a);
        for (KeyAction a : KeyAction.values()) assertThat(KeyAction.fromWire(a.wire())).contains(a);
        for (Tier t : Tier.values()) assertThat(Tier.fromWire(t.wire())).contains(t);
        assertThat(AccountAction.fromWire("SUSPEND")).isEmpty();
        assertThat(KeyAction.fromWire("delete")).isEmpty();
        assertThat(Tier.fromWire(null)).isEmpty();
    }
}
