package dev.gatehouse.console.keys;

import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.accounts.FakeKeysApi;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.KeyStatus;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeysViewModelTest {
    final FakeKeysApi api = new FakeKeysApi();
    final OperatorTime time = new OperatorTime(Clock.fixed(FakeKeysApi.NOW, ZoneOffset.UTC), ZoneOffset.UTC);

    KeysViewModel vm(Role role) {
        KeysViewModel vm = new KeysViewModel(api, Runnable::run, role, time);
        vm.start();
        return vm;
    }

    @Test
    void filtersBecomeTheQuery() {
        var vm = vm(Role.VIEWER);
        assertThat(api.last("keys").args()).containsExactly(KeyQuery.ALL, null, KeysViewModel.PAGE);
        vm.prefixProperty().set("sk-live-Ab");
        vm.accountIdProperty().set(" acct_1 ");
        vm.statusProperty().set(KeyStatus.SUSPENDED);
        vm.modeProperty().set(KeyMode.LIVE);
        assertThat(api.last("keys").arg(0)).isEqualTo(new KeyQuery("sk-live-Ab", "acct_1", KeyStatus.SUSPENDED, KeyMode.LIVE));
        api.last("keys").reply(new Page<>(List.of(), null));
        assertThat(vm.messageProperty().get()).startsWith("No keys match");
    }

    @Test
    void suspendingTheSelectedKeyUpdatesItsRowItsDetailAndTheOpenAccount() {
        var vm = vm(Role.SUPPORT);
        ApiKey key = FakeKeysApi.key("key_1", "acct_1", "active");
        api.last("keys").reply(new Page<>(List.of(key), "more"));
        vm.selectedProperty().set(key);
        api.last("key").reply(new ApiKeyDetail(key, FakeKeysApi.account("acct_1", "active", "pro", 1), List.of(), List.of()));
        assertThat(vm.availabilityProperty(KeyAction.SUSPEND).get().allowed()).isTrue();
        assertThat(vm.availabilityProperty(KeyAction.REVOKE).get().allowed()).isFalse();

        vm.openAccount("acct_1");
        api.last("account").reply(FakeKeysApi.detail(FakeKeysApi.account("acct_1", "active", "pro", 1), key));
        int accountLoads = api.calls("account").size();

        var dialog = vm.keyAction(KeyAction.SUSPEND);
        dialog.reasonProperty().set("Key in a public repo");
        dialog.submit();
        ApiKey suspended = new ApiKey("key_1", "acct_1", "production", "live", "sk-live-AbCd", "9xYz", "sk-live-AbCd…9xYz",
                "suspended", key.createdAt(), null, key.lastUsedAt(), 2, "Acme Robotics", "active");
        api.last("keyAction").reply(new KeyActionResult("suspend", false, suspended, List.of(), "aud_1", null));

        assertThat(vm.keys().get(0).status()).isEqualTo("suspended");
        assertThat(vm.selectedProperty().get().status()).isEqualTo("suspended");
        assertThat(vm.availabilityProperty(KeyAction.SUSPEND).get().allowed()).isFalse();
        assertThat(vm.accountView().keys().get(0).status()).isEqualTo("suspended");
        assertThat(api.calls("account")).as("the open account view reloads its history").hasSize(accountLoads + 1);
        assertThat(api.calls("key")).as("the key's detail reloads").hasSize(2);
    }

    @Test
    void aReplacementForTheSelectedKeyIsIssuedToItsAccountAndTheListShowsIt() {
        var events = new dev.gatehouse.console.shell.EventBus(Runnable::run);
        List<Object> heard = new java.util.ArrayList<>();
        events.subscribe(dev.gatehouse.console.accounts.KeyAdded.class, heard::add);
        var viewer = vm(Role.VIEWER);
        ApiKey key = FakeKeysApi.key("key_1", "acct_1", "suspended");
        api.last("keys").reply(new Page<>(List.of(key), null));
        viewer.selectedProperty().set(key);
        assertThat(viewer.issueReplacementProperty().get().allowed()).isFalse();

        var vm = vm(Role.SUPPORT);
        vm.follow(events, n -> {});
        api.last("keys").reply(new Page<>(List.of(key), null));
        assertThat(vm.issueReplacementProperty().get().why()).isEqualTo("Select a key first.");
        vm.selectedProperty().set(key);
        assertThat(vm.issueReplacementProperty().get().allowed()).isTrue();
        var dialog = vm.issueReplacement(s -> {});
        assertThat(dialog.target().accountId()).isEqualTo("acct_1");
        assertThat(dialog.nameProperty().get()).isEqualTo("replacement for sk-live-AbCd…9xYz");
        dialog.reasonProperty().set("leaked key replaced (ai-visual-studio §3)");
        dialog.submit();
        assertThat(api.last("issueKey").arg(0)).isEqualTo("acct_1");
        int lists = api.calls("keys").size();
        ApiKey issued = new ApiKey("key_2", "acct_1", "replacement for sk-live-AbCd…9xYz", "live", "sk-live-Zz99", "Qq11",
                "sk-live-Zz99…Qq11", "active", FakeKeysApi.NOW, null, null, 1, "Acme Robotics", "active");
        api.last("issueKey").reply(new dev.gatehouse.api.KeyIssued(issued, "sk-live-" + "Zz99".repeat(9) + "Qq11", "aud_2"));
        assertThat(api.calls("keys")).as("the list reloads once, the new key on top").hasSize(lists + 1);
        assertThat(heard).hasSize(1);
        // a list filtered to suspended keys has no place for it
        vm.statusProperty().set(KeyStatus.SUSPENDED);
        int filtered = api.calls("keys").size();
        events.publish(new dev.gatehouse.console.accounts.KeyAdded(new ApiKey("key_3", "acct_1", "n", "live", "sk-live-Yy88", "Pp22",
                "sk-live-Yy88…Pp22", "active", FakeKeysApi.NOW, null, null, 1, "Acme Robotics", "active")));
        assertThat(api.calls("keys")).hasSize(filtered);
    }

    @Test
    void theAccountCellNamesTheAccountAndFlagsOneThatIsNotActive() {
        ApiKey fine = FakeKeysApi.key("key_1", "acct_01M7ZJKN7GMBAFXZ", "active");
        assertThat(KeysViewModel.accountText(fine)).isEqualTo("Acme Robotics");
        assertThat(KeysViewModel.accountFlag(fine)).as("an active account stays quiet").isNull();
        assertThat(KeysViewModel.accountTooltip(fine)).contains("acct_01M7ZJKN7GMBAFXZ").contains("account active");

        ApiKey held = withAccount(fine, "Acme Robotics", "suspended");
        assertThat(KeysViewModel.accountFlag(held)).isEqualTo("suspended");
        assertThat(KeysViewModel.accountTooltip(held)).contains("acct_01M7ZJKN7GMBAFXZ · account suspended");

        ApiKey unnamed = withAccount(fine, null, null);
        assertThat(KeysViewModel.accountText(unnamed)).isEqualTo("acct_01M7ZJKN7GMBAFXZ");
        assertThat(KeysViewModel.accountFlag(unnamed)).isNull();
        assertThat(KeysViewModel.accountTooltip(unnamed)).startsWith("acct_01M7ZJKN7GMBAFXZ\n");
    }

    @Test
    void suspendingAnAccountInTheDrawerUpdatesTheAccountOfItsKeysRows() {
        var vm = vm(Role.TRUST_SAFETY);
        ApiKey mine = FakeKeysApi.key("key_1", "acct_1", "active");
        ApiKey other = FakeKeysApi.key("key_2", "acct_2", "active");
        api.last("keys").reply(new Page<>(List.of(mine, other), null));
        vm.selectedProperty().set(mine);
        vm.openAccount("acct_1");
        api.last("account").reply(FakeKeysApi.detail(FakeKeysApi.account("acct_1", "active", "pro", 1), mine));

        var dialog = vm.accountView().accountAction(AccountAction.SUSPEND);
        dialog.reasonProperty().set("Chargeback pending");
        dialog.submit();
        api.last("accountAction").reply(new AccountActionResult("suspend", false, FakeKeysApi.account("acct_1", "suspended", "pro", 2),
                0, List.of(), "aud_2", null));

        assertThat(vm.keys().get(0).accountStatus()).isEqualTo("suspended");
        assertThat(vm.selectedProperty().get().accountStatus()).as("the selection follows its row").isEqualTo("suspended");
        assertThat(vm.keys().get(1)).as("another account's key is untouched").isSameAs(other);
    }

    private static ApiKey withAccount(ApiKey k, String name, String status) {
        return new ApiKey(k.id(), k.accountId(), k.name(), k.mode(), k.prefix(), k.last4(), k.masked(), k.status(),
                k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.version(), name, status);
    }
}
