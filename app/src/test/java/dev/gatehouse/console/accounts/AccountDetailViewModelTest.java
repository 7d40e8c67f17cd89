package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Loader;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.gatehouse.console.accounts.FakeKeysApi.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class AccountDetailViewModelTest {
    static final OperatorTime TIME = new OperatorTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"));
    final FakeKeysApi api = new FakeKeysApi();

    AccountDetailViewModel opened(Role role, Account a, ApiKey... keys) {
        var vm = new AccountDetailViewModel(api, Runnable::run, role, TIME);
        vm.open(a.id());
        api.last("account").reply(FakeKeysApi.detail(a, keys));
        return vm;
    }

    /** Which account actions a role may start, per account status: permission (issue 3) and the ladder (DESIGN §4). */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            viewer       | active     | -     | -       | -         | -         | -
            support      | active     | -     | -       | -         | -         | edit
            ops          | active     | -     | -       | -         | -         | edit
            trust_safety | active     | warn  | suspend | -         | terminate | -
            trust_safety | warned     | warn  | suspend | reinstate | terminate | -
            trust_safety | suspended  | -     | -       | reinstate | terminate | -
            lead         | active     | warn  | suspend | -         | terminate | edit
            lead         | terminated | -     | -       | -         | -         | edit
            """)
    void buttonsFollowRoleAndStatus(String role, String status, String warn, String suspend, String reinstate, String terminate, String edit) {
        var vm = opened(Role.fromWire(role).orElseThrow(), FakeKeysApi.account("acct_1", status, "pro", 3));
        assertThat(vm.availabilityProperty(AccountAction.WARN).get().allowed()).isEqualTo(!warn.equals("-"));
        assertThat(vm.availabilityProperty(AccountAction.SUSPEND).get().allowed()).isEqualTo(!suspend.equals("-"));
        assertThat(vm.availabilityProperty(AccountAction.REINSTATE).get().allowed()).isEqualTo(!reinstate.equals("-"));
        assertThat(vm.availabilityProperty(AccountAction.TERMINATE).get().allowed()).isEqualTo(!terminate.equals("-"));
        assertThat(vm.editProperty().get().allowed()).isEqualTo(!edit.equals("-"));
    }

    @Test
    void aDisabledActionSaysWhy() {
        var viewer = opened(Role.VIEWER, FakeKeysApi.account("acct_1", "active", "pro", 3));
        assertThat(viewer.availabilityProperty(AccountAction.SUSPEND).get().why()).isEqualTo("Your role (Viewer) may not suspend an account.");
        var lead = opened(Role.LEAD, FakeKeysApi.account("acct_1", "terminated", "pro", 3));
        assertThat(lead.availabilityProperty(AccountAction.REINSTATE).get().why()).contains("termination is final");
    }

    @Test
    void supportMaySuspendAKeyButNotRevokeIt() {
        ApiKey active = FakeKeysApi.key("key_1", "acct_1", "active");
        var vm = opened(Role.SUPPORT, FakeKeysApi.account("acct_1", "active", "pro", 3), active);
        assertThat(vm.keyAvailability(active, KeyAction.SUSPEND).allowed()).isTrue();
        assertThat(vm.keyAvailability(active, KeyAction.REVOKE).allowed()).isFalse();
        assertThat(vm.keyAvailability(active, KeyAction.REINSTATE).allowed()).isFalse();
        ApiKey revoked = FakeKeysApi.key("key_2", "acct_1", "revoked");
        var lead = opened(Role.LEAD, FakeKeysApi.account("acct_1", "active", "pro", 3), revoked);
        assertThat(lead.keyAvailability(revoked, KeyAction.REVOKE).why()).contains("revocation is final");
    }

    @Test
    void theLedgerPagesNewestFirstWithTheCursor() {
        var vm = opened(Role.VIEWER, FakeKeysApi.account("acct_1", "active", "pro", 3));
        var first = api.last("ledger");
        assertThat(first.args()).containsExactly("acct_1", null, AccountDetailViewModel.LEDGER_PAGE);
        first.reply(new Page<>(List.of(FakeKeysApi.usage("led_2", "acct_1")), "c1"));
        assertThat(vm.ledgerMoreProperty().get()).isTrue();
        vm.loadMoreLedger();
        vm.loadMoreLedger(); // a second click while loading asks nothing more
        assertThat(api.calls("ledger")).hasSize(2);
        assertThat(api.last("ledger").arg(1)).isEqualTo("c1");
        api.last("ledger").reply(new Page<>(List.of(FakeKeysApi.usage("led_1", "acct_1")), null));
        assertThat(vm.ledger()).extracting(e -> e.id()).containsExactly("led_2", "led_1");
        assertThat(vm.ledgerMoreProperty().get()).isFalse();
    }

    @Test
    void anAnswerForAnAccountSinceLeftIsDropped() {
        var vm = new AccountDetailViewModel(api, Runnable::run, Role.LEAD, TIME);
        vm.open("acct_1");
        vm.open("acct_2");
        api.calls("account").get(0).reply(FakeKeysApi.detail(FakeKeysApi.account("acct_1", "active", "pro", 1)));
        assertThat(vm.accountProperty().get()).isNull();
        api.calls("account").get(1).reply(FakeKeysApi.detail(FakeKeysApi.account("acct_2", "active", "pro", 1)));
        assertThat(vm.accountProperty().get().id()).isEqualTo("acct_2");
    }

    @Test
    void aFailedLoadIsReadableAndRetryable() {
        var vm = new AccountDetailViewModel(api, Runnable::run, Role.LEAD, TIME);
        vm.open("acct_1");
        api.last("account").fail(new PlatformException("Can't reach http://x: connection refused. Is the gateway running?", 0, true));
        assertThat(vm.stateProperty().get()).isEqualTo(Loader.State.FAILED);
        assertThat(vm.messageProperty().get()).startsWith("Can't reach");
        vm.reload();
        api.last("account").reply(FakeKeysApi.detail(FakeKeysApi.account("acct_1", "active", "pro", 1)));
        assertThat(vm.stateProperty().get()).isEqualTo(Loader.State.LOADED);
    }

    @Test
    void terminatingShowsTheKeysItRevokesAndUpdatesTheRowAfterwards() {
        Account before = FakeKeysApi.account("acct_1", "active", "pro", 3);
        var vm = opened(Role.TRUST_SAFETY, before);
        List<Account> changed = new ArrayList<>();
        vm.onChanges(new AccountDetailViewModel.Changes() {
            @Override public void accountChanged(Account account) { changed.add(account); }
            @Override public void keyChanged(ApiKey key) {}
        });
        var dialog = vm.accountAction(AccountAction.TERMINATE);
        dialog.refreshPreview();
        Account after = new Account("acct_1", before.name(), before.email(), "terminated", "pro", before.balance(), "USD",
                before.createdAt(), null, 4);
        api.last("previewAccountAction").reply(new AccountActionResult("terminate", true, after, 14, List.of(), null,
                null));
        assertThat(dialog.changes()).contains("Status active → terminated", "Revokes 14 keys at once");

        dialog.reasonProperty().set("Severe breach: CSAM (ai-visual-studio §7), terminated at once");
        dialog.submit();
        assertThat(api.last("accountAction").arg(2)).isEqualTo(dialog.idempotencyKey());
        api.last("accountAction").reply(new AccountActionResult("terminate", false, after, 14, List.of(), "aud_1", null));
        assertThat(changed).containsExactly(after);
        assertThat(vm.accountProperty().get().status()).isEqualTo("terminated");
        assertThat(api.calls("account")).as("reloaded to show revoked keys and history").hasSize(2);
    }

    @Test
    void aTimedSuspensionPreviewNamesTheEndInTheOperatorsZone() {
        Account before = FakeKeysApi.account("acct_1", "active", "pro", 3);
        var vm = opened(Role.LEAD, before);
        var dialog = vm.accountAction(AccountAction.SUSPEND);
        dialog.durationProperty().set("72");
        dialog.refreshPreview();
        Account after = new Account("acct_1", before.name(), before.email(), "suspended", "pro", before.balance(), "USD",
                before.createdAt(), NOW.plusSeconds(72 * 3600), 4);
        api.last("previewAccountAction").reply(new AccountActionResult("suspend", true, after, 0, List.of(), null, null));
        assertThat(dialog.changes().get(0)).isEqualTo("Status active → suspended until 2026-11-25 12:00 UTC (in 3 d)");
    }
}
