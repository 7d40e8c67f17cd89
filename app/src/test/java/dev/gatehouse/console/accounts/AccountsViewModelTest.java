package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.PagedList;
import dev.gatehouse.policy.AccountStatus;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsViewModelTest {
    final FakeKeysApi api = new FakeKeysApi();
    final AccountsViewModel vm = new AccountsViewModel(api, Runnable::run,
            new AccountDetailViewModel(api, Runnable::run, Role.LEAD, AccountDetailViewModelTest.TIME));

    @Test
    void filtersBecomeTheQueryAndEachChangeReloads() {
        vm.start();
        assertThat(api.last("accounts").args()).containsExactly(AccountQuery.ALL, null, AccountsViewModel.PAGE);
        vm.searchProperty().set("  acme ");
        vm.statusProperty().set(AccountStatus.SUSPENDED);
        vm.tierProperty().set(Tier.PRO);
        assertThat(api.last("accounts").arg(0)).isEqualTo(new AccountQuery("acme", AccountStatus.SUSPENDED, Tier.PRO));
        int calls = api.calls("accounts").size();
        vm.searchProperty().set("acme");
        assertThat(api.calls("accounts")).as("same query after trimming asks nothing new").hasSize(calls);
        vm.clearFilters();
        assertThat(api.last("accounts").arg(0)).isEqualTo(AccountQuery.ALL);
        assertThat(api.calls("accounts")).hasSize(calls + 1);
    }

    @Test
    void pagesAreLoadedOnRequestWithTheCursor() {
        vm.start();
        api.last("accounts").reply(new Page<>(List.of(FakeKeysApi.account("acct_2", "active", "pro", 1)), "next"));
        assertThat(vm.moreProperty().get()).isTrue();
        assertThat(vm.countTextProperty().get()).isEqualTo("First 1 account · more available");
        vm.loadMore();
        assertThat(api.last("accounts").arg(1)).isEqualTo("next");
        api.last("accounts").reply(new Page<>(List.of(FakeKeysApi.account("acct_1", "warned", "free", 1)), null));
        assertThat(vm.accounts()).extracting(Account::id).containsExactly("acct_2", "acct_1");
        assertThat(vm.countTextProperty().get()).isEqualTo("2 accounts");
    }

    @Test
    void answersToAnOlderQueryAreDropped() {
        vm.start();
        vm.statusProperty().set(AccountStatus.WARNED);
        api.calls("accounts").get(0).reply(new Page<>(List.of(FakeKeysApi.account("acct_9", "active", "pro", 1)), null));
        assertThat(vm.accounts()).isEmpty();
        api.last("accounts").reply(new Page<>(List.of(), null));
        assertThat(vm.stateProperty().get()).isEqualTo(PagedList.State.EMPTY);
        assertThat(vm.messageProperty().get()).startsWith("No accounts match warned");
    }

    @Test
    void anErrorIsReadableAndSelectingOpensTheDetail() {
        vm.start();
        api.last("accounts").fail(new PlatformException("Can't reach http://x: connection refused. Is the gateway running?", 0, true));
        assertThat(vm.stateProperty().get()).isEqualTo(PagedList.State.ERROR);
        vm.reload();
        Account a = FakeKeysApi.account("acct_1", "active", "pro", 1);
        api.last("accounts").reply(new Page<>(List.of(a), null));
        vm.selectedProperty().set(a);
        assertThat(api.last("account").arg(0)).isEqualTo("acct_1");
    }

    @Test
    void aChangedAccountUpdatesItsRow() {
        vm.start();
        api.last("accounts").reply(new Page<>(List.of(FakeKeysApi.account("acct_1", "active", "pro", 1)), null));
        vm.replace(FakeKeysApi.account("acct_1", "suspended", "pro", 2));
        assertThat(vm.accounts().get(0).status()).isEqualTo("suspended");
    }
}
