package dev.gatehouse.console.keys;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.accounts.FakeKeysApi;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.policy.KeyAction;
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
        vm.statusProperty().set("suspended");
        vm.modeProperty().set("live");
        assertThat(api.last("keys").arg(0)).isEqualTo(new KeyQuery("sk-live-Ab", "acct_1", "suspended", "live"));
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
}
