package dev.gatehouse.console.keys;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.accounts.AccountDetailViewModel;
import dev.gatehouse.console.accounts.AccountsViewModel;
import dev.gatehouse.console.accounts.FakeKeysApi;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keys and Accounts screens of one session, on one event bus: what one does, the other shows without a reload click. */
class ChangesAcrossScreensTest {
    final OperatorTime time = OperatorTime.of(Clock.fixed(FakeKeysApi.NOW, ZoneOffset.UTC));
    final FakeKeysApi api = new FakeKeysApi();
    final EventBus bus = new EventBus(Runnable::run);
    final List<Notice> notices = new ArrayList<>();
    final Account account = FakeKeysApi.account("acct_1", "active", "pro", 3);
    final ApiKey key = FakeKeysApi.key("key_1", "acct_1", "active");

    AccountsViewModel accounts;
    KeysViewModel keys;

    @BeforeEach
    void openBothScreens() {
        accounts = new AccountsViewModel(api, Runnable::run, new AccountDetailViewModel(api, Runnable::run, Role.LEAD, time));
        accounts.follow(bus, notices::add);
        accounts.start();
        api.last("accounts").reply(new Page<>(List.of(account), null));
        accounts.selectedProperty().set(account);
        api.last("account").reply(FakeKeysApi.detail(account, key));

        keys = new KeysViewModel(api, Runnable::run, Role.LEAD, time);
        keys.follow(bus, notices::add);
        keys.start();
        api.last("keys").reply(new Page<>(List.of(key), null));
        keys.selectedProperty().set(key);
        api.last("key").reply(new ApiKeyDetail(key, account, List.of(), List.of()));
    }

    @Test
    void aKeySuspendedOnTheKeysScreenShowsInTheOpenAccountAndIsConfirmed() {
        int accountLoads = api.calls("account").size();
        var dialog = keys.keyAction(KeyAction.SUSPEND);
        dialog.reasonProperty().set("Key posted publicly");
        dialog.submit();
        ApiKey suspended = withStatus(key, "suspended", 2);
        api.last("keyAction").reply(new KeyActionResult("suspend", false, suspended, List.of(), "aud_7", null));

        AccountDetailViewModel open = accounts.detail();
        assertThat(open.keys()).extracting(ApiKey::status).containsExactly("suspended");
        assertThat(api.calls("account")).as("the open account fetches the history entry the suspension wrote")
                .hasSize(accountLoads + 1);
        assertThat(notices).containsExactly(new Notice(Notice.Kind.SUCCESS, "Key sk-live-AbCd…9xYz suspended",
                "Reinstate it to undo.", "aud_7"));
    }

    @Test
    void anAccountSuspendedOnTheAccountsScreenShowsOnItsKeysRows() {
        var dialog = accounts.detail().accountAction(AccountAction.SUSPEND);
        dialog.reasonProperty().set("Chargeback fraud");
        dialog.submit();
        Account held = new Account("acct_1", "Acme Robotics", "ops@acme.io", "suspended", "pro", account.balance(), "USD",
                account.createdAt(), null, 4);
        api.last("accountAction").reply(new AccountActionResult("suspend", false, held, 0, List.of(), "aud_8", null));

        assertThat(keys.keys()).extracting(ApiKey::accountStatus).containsExactly("suspended");
        assertThat(accounts.accounts()).extracting(Account::status).containsExactly("suspended");
        assertThat(notices).extracting(Notice::text, Notice::auditId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Acme Robotics suspended", "aud_8"));
    }

    @Test
    void aKeySuspendedInTheAccountViewUpdatesTheKeysScreensRowAndDetail() {
        int keyLoads = api.calls("key").size();
        var dialog = accounts.detail().keyAction(key, KeyAction.SUSPEND);
        dialog.reasonProperty().set("Owner asked us to pause it");
        dialog.submit();
        api.last("keyAction").reply(new KeyActionResult("suspend", false, withStatus(key, "suspended", 2), List.of(), "aud_9", null));

        assertThat(keys.keys()).extracting(ApiKey::status).containsExactly("suspended");
        assertThat(keys.selectedProperty().get().status()).isEqualTo("suspended");
        assertThat(api.calls("key")).as("the selected key's detail fetches its new history").hasSize(keyLoads + 1);
    }

    @Test
    void aTerminationElsewhereReloadsTheKeysItRevoked() {
        int keyPages = api.calls("keys").size();
        var dialog = accounts.detail().accountAction(AccountAction.TERMINATE);
        dialog.reasonProperty().set("Fraud confirmed, ticket tkt_12");
        dialog.submit();
        Account gone = new Account("acct_1", "Acme Robotics", "ops@acme.io", "terminated", "pro", account.balance(), "USD",
                account.createdAt(), null, 4);
        api.last("accountAction").reply(new AccountActionResult("terminate", false, gone, 1, List.of(), "aud_10", null));
        assertThat(api.calls("keys")).as("the Keys screen fetches its rows again").hasSize(keyPages + 1);
        assertThat(notices).extracting(Notice::detail).containsExactly("Termination is final; 1 key revoked.");
    }

    @Test
    void aClosedScreenLetsGoOfTheBus() {
        int both = bus.subscriberCount();
        keys.close();
        assertThat(bus.subscriberCount()).isLessThan(both);
        accounts.close();
        assertThat(bus.subscriberCount()).isZero();

        bus.publish(new dev.gatehouse.console.accounts.KeyChanged(withStatus(key, "revoked", 9)));
        assertThat(keys.keys()).extracting(ApiKey::status).as("a closed screen is not updated").containsExactly("active");
    }

    static ApiKey withStatus(ApiKey k, String status, long version) {
        return new ApiKey(k.id(), k.accountId(), k.name(), k.mode(), k.prefix(), k.last4(), k.masked(), status,
                k.createdAt(), k.expiresAt(), k.lastUsedAt(), version, k.accountName(), k.accountStatus());
    }
}
