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
            Map.entry(Permission.MANAGE_OPERATORS, EnumSet.of(Role.LEAD)));

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
