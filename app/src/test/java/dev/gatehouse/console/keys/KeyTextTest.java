package dev.gatehouse.console.keys;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.accounts.FakeKeysApi;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static dev.gatehouse.console.accounts.FakeKeysApi.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The Keys detail pane's words, computed in the view model (the controller only sets them). */
class KeyTextTest {
    final OperatorTime time = new OperatorTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("UTC"));

    @Test
    void aKeyInWords() {
        ApiKey k = FakeKeysApi.key("key_1", "acct_1", "active");
        KeyText t = KeyText.of(k, time);
        assertThat(t.title()).isEqualTo("sk-live-AbCd…9xYz");
        assertThat(t.mode()).isEqualTo("Live key");
        assertThat(t.modeStyle()).isEqualTo("badge-live");
        assertThat(t.subtitle()).isEqualTo("production");
        assertThat(t.created()).isEqualTo("30 d ago · 2026-10-23 12:00 UTC");
        assertThat(t.lastUsed()).isEqualTo("10 min ago · 2026-11-22 11:50 UTC");
        assertThat(t.expires()).isEqualTo("does not expire");

        ApiKey unnamed = new ApiKey("key_2", "acct_1", " ", "test", "sk-test-AbCd", "9xYz", "sk-test-AbCd…9xYz", "active",
                k.createdAt(), null, null, 1, "Acme Robotics", "active");
        assertThat(KeyText.of(unnamed, time).subtitle()).isEqualTo("Unnamed key");
        assertThat(KeyText.of(unnamed, time).lastUsed()).isEqualTo("never used");
    }

    @Test
    void theAccountLineAndWhatARoleMayDo() {
        var a = KeyText.AccountText.of(FakeKeysApi.account("acct_1", "warned", "pro", 1));
        assertThat(a.facts()).isEqualTo("acct_1 · Pro tier · balance $42.50");
        assertThat(a.tooltip()).startsWith("Open Acme Robotics: balance");
        assertThat(KeyText.permissionNote(Role.SUPPORT)).startsWith("Your role (Support) may suspend a compromised key;");
        assertThat(KeyText.permissionNote(Role.VIEWER)).isEqualTo("Your role (Viewer) may look but not act on keys.");
        assertThat(KeyText.permissionNote(Role.TRUST_SAFETY)).isEmpty();
    }

    @Test
    void theViewModelFollowsTheSelectionAndItsLoadedAccount() {
        FakeKeysApi api = new FakeKeysApi();
        KeysViewModel vm = new KeysViewModel(api, Runnable::run, Role.SUPPORT, time);
        vm.start();
        ApiKey key = FakeKeysApi.key("key_1", "acct_1", "active");
        api.last("keys").reply(new Page<>(List.of(key), null));
        vm.selectedProperty().set(key);
        assertThat(vm.selectedTextProperty().get().title()).isEqualTo("sk-live-AbCd…9xYz");
        assertThat(vm.accountTextProperty().get()).as("not before the detail is in").isNull();
        api.last("key").reply(new ApiKeyDetail(key, FakeKeysApi.account("acct_1", "active", "pro", 1), List.of(), List.of()));
        assertThat(vm.accountTextProperty().get().name()).isEqualTo("Acme Robotics");
        assertThat(vm.accountDrawerTitle()).isEqualTo("Account of key sk-live-AbCd…9xYz");
        vm.selectedProperty().set(null);
        assertThat(vm.selectedTextProperty().get()).isNull();
    }
}
