package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionTest {
    /** The whole matrix of issue 3, spelled out so a change to it is a deliberate test change. */
    private static final Map<Permission, Set<Role>> EXPECTED = Map.ofEntries(
            Map.entry(Permission.READ, EnumSet.allOf(Role.class)),
            Map.entry(Permission.WARN_ACCOUNT, EnumSet.of(Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.SUSPEND_ACCOUNT, EnumSet.of(Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.REINSTATE_ACCOUNT, EnumSet.of(Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.TERMINATE_ACCOUNT, EnumSet.of(Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.SUSPEND_KEY, EnumSet.of(Role.TRUST_SAFETY, Role.SUPPORT, Role.LEAD)),
            Map.entry(Permission.REINSTATE_KEY, EnumSet.of(Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.REVOKE_KEY, EnumSet.of(Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.CHANGE_TIER, EnumSet.of(Role.OPS, Role.LEAD)),
            Map.entry(Permission.EDIT_CONTACT, EnumSet.of(Role.SUPPORT, Role.OPS, Role.LEAD)),
            Map.entry(Permission.MANAGE_OPERATORS, EnumSet.of(Role.LEAD)),
            Map.entry(Permission.FILE_ABUSE_REPORT, EnumSet.of(Role.TRUST_SAFETY, Role.SUPPORT, Role.OPS, Role.LEAD)),
            Map.entry(Permission.WORK_ABUSE_REPORTS, EnumSet.of(Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.LOWER_SEVERITY, EnumSet.of(Role.LEAD)),
            Map.entry(Permission.APPROVE_CSAM_DISMISSAL, EnumSet.of(Role.LEAD)),
            Map.entry(Permission.FILE_APPEAL, EnumSet.of(Role.TRUST_SAFETY, Role.SUPPORT, Role.LEAD)),
            Map.entry(Permission.DECIDE_APPEALS, EnumSet.of(Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.WORK_TICKETS, EnumSet.of(Role.SUPPORT, Role.LEAD)),
            Map.entry(Permission.EDIT_MACROS, EnumSet.of(Role.LEAD)),
            Map.entry(Permission.REQUEST_REFUND, EnumSet.of(Role.SUPPORT, Role.LEAD)),
            Map.entry(Permission.DECIDE_REFUNDS, EnumSet.of(Role.SUPPORT, Role.LEAD)),
            Map.entry(Permission.REFUND_EXCEPTION, EnumSet.of(Role.LEAD)),
            Map.entry(Permission.EDIT_POLICY, EnumSet.of(Role.LEAD)),
            Map.entry(Permission.EDIT_PRICES, EnumSet.of(Role.OPS, Role.LEAD)),
            Map.entry(Permission.EMERGENCY_PRICE_CHANGE, EnumSet.of(Role.LEAD)),
            Map.entry(Permission.EDIT_TIERS, EnumSet.of(Role.OPS, Role.LEAD)),
            Map.entry(Permission.EDIT_MODELS, EnumSet.of(Role.OPS, Role.LEAD)),
            Map.entry(Permission.IMPORT_CATALOG, EnumSet.of(Role.OPS, Role.LEAD)),
            Map.entry(Permission.OPEN_ACCOUNT, EnumSet.of(Role.SUPPORT, Role.LEAD)),
            Map.entry(Permission.GRANT_CREDITS, EnumSet.of(Role.SUPPORT, Role.LEAD)),
            Map.entry(Permission.ISSUE_KEY, EnumSet.of(Role.SUPPORT, Role.TRUST_SAFETY, Role.LEAD)),
            Map.entry(Permission.CONTROL_SIMULATOR, EnumSet.of(Role.SUPPORT, Role.TRUST_SAFETY, Role.OPS, Role.LEAD)));

    @Test
    void everyRoleAndPermissionMatchesTheMatrix() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Permission.values());
        for (Permission p : Permission.values()) {
            for (Role r : Role.values()) {
                assertThat(p.allows(r)).as("%s may %s", r, p).isEqualTo(EXPECTED.get(p).contains(r));
            }
            assertThat(p.roles()).isEqualTo(EXPECTED.get(p));
        }
    }

    @Test
    void supportMaySuspendAKeyButNotRevokeIt() {
        assertThat(Permission.forKeyAction(KeyAction.SUSPEND).allows(Role.SUPPORT)).isTrue();
        assertThat(Permission.forKeyAction(KeyAction.REVOKE).allows(Role.SUPPORT)).isFalse();
        assertThat(Permission.forKeyAction(KeyAction.REINSTATE).allows(Role.SUPPORT)).isFalse();
    }

    @Test
    void actionsMapToTheirPermissions() {
        assertThat(Permission.forAccountAction(AccountAction.WARN)).isEqualTo(Permission.WARN_ACCOUNT);
        assertThat(Permission.forAccountAction(AccountAction.SUSPEND)).isEqualTo(Permission.SUSPEND_ACCOUNT);
        assertThat(Permission.forAccountAction(AccountAction.REINSTATE)).isEqualTo(Permission.REINSTATE_ACCOUNT);
        assertThat(Permission.forAccountAction(AccountAction.TERMINATE)).isEqualTo(Permission.TERMINATE_ACCOUNT);
        assertThat(Permission.forKeyAction(KeyAction.SUSPEND)).isEqualTo(Permission.SUSPEND_KEY);
        assertThat(Permission.forKeyAction(KeyAction.REINSTATE)).isEqualTo(Permission.REINSTATE_KEY);
        assertThat(Permission.forKeyAction(KeyAction.REVOKE)).isEqualTo(Permission.REVOKE_KEY);
    }

    @Test
    void viewerMayOnlyRead() {
        for (Permission p : Permission.values()) {
            assertThat(p.allows(Role.VIEWER)).isEqualTo(p == Permission.READ);
        }
    }
}
