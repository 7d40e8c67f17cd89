package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountEditViewModelTest {
    final FakeKeysApi api = new FakeKeysApi();
    final List<Account> saved = new ArrayList<>();
    final Account mine = FakeKeysApi.account("acct_1", "active", "starter", 5);

    AccountEditViewModel edit(Role role) {
        return new AccountEditViewModel(mine, role, api, Runnable::run, saved::add);
    }

    static Account with(Account a, String tier, String name, long version) {
        return new Account(a.id(), name, a.email(), a.status(), tier, a.balance(), a.currency(), a.createdAt(), a.suspendedUntil(), version);
    }

    @Test
    void onlyChangedFieldsAreSentWithTheVersionRead() {
        var vm = edit(Role.OPS);
        vm.save();
        assertThat(vm.errorProperty().get()).startsWith("Nothing to save");
        assertThat(api.calls("patchAccount")).isEmpty();
        vm.tierProperty().set("enterprise");
        vm.reasonProperty().set("Signed enterprise contract");
        vm.save();
        var call = api.last("patchAccount");
        assertThat(call.args()).containsExactly("acct_1", 5L, new AccountPatch("enterprise", null, null, "Signed enterprise contract"));
        Account after = with(mine, "enterprise", mine.name(), 6);
        call.reply(after);
        assertThat(saved).containsExactly(after);
        assertThat(vm.stateProperty().get()).isEqualTo(AccountEditViewModel.State.DONE);
    }

    @Test
    void aStaleETagShowsTheirChangeBesideMineAndNeverOverwritesSilently() {
        var vm = edit(Role.LEAD);
        vm.tierProperty().set("enterprise");
        vm.save();
        api.last("patchAccount").fail(new PlatformException("The account changed since you read it", 412, false));
        Account theirs = with(mine, "pro", "Acme Robotics GmbH", 6);
        api.last("account").reply(FakeKeysApi.detail(theirs));

        assertThat(vm.stateProperty().get()).isEqualTo(AccountEditViewModel.State.CONFLICT);
        assertThat(vm.conflicts()).containsExactly(
                "Tier was changed to Pro by someone else; yours: Enterprise",
                "Name was changed to Acme Robotics GmbH by someone else; you left it, so theirs stays");
        assertThat(saved).as("nothing saved yet").isEmpty();
        assertThat(api.calls("patchAccount")).hasSize(1);

        vm.retryWithMine();
        var retry = api.last("patchAccount");
        assertThat(retry.args()).containsExactly("acct_1", 6L, new AccountPatch("enterprise", null, null, null));
        Account merged = with(theirs, "enterprise", theirs.name(), 7);
        retry.reply(merged);
        assertThat(saved).containsExactly(merged);
    }

    @Test
    void keepTheirsDropsMineAndShowsTheirs() {
        var vm = edit(Role.LEAD);
        vm.tierProperty().set("enterprise");
        vm.save();
        api.last("patchAccount").fail(new PlatformException("stale", 412, false));
        Account theirs = with(mine, "pro", mine.name(), 6);
        api.last("account").reply(FakeKeysApi.detail(theirs));
        vm.keepTheirs();
        assertThat(saved).containsExactly(theirs);
        assertThat(vm.tierProperty().get()).isEqualTo("pro");
        assertThat(api.calls("patchAccount")).hasSize(1);
    }

    @Test
    void aStaleVersionIsRecognisedByItsTypeWhateverTheStatus() {
        var vm = edit(Role.LEAD);
        vm.tierProperty().set("enterprise");
        vm.save();
        Problem stale = new Problem(ProblemType.STALE_VERSION.uri(), "Conflict", 409, "The account changed since you read it.", null);
        api.last("patchAccount").fail(new PlatformException(stale.detail(), 409, stale, false, null));
        api.last("account").reply(FakeKeysApi.detail(with(mine, "pro", mine.name(), 6)));
        assertThat(vm.stateProperty().get()).isEqualTo(AccountEditViewModel.State.CONFLICT);

        var other = edit(Role.LEAD);
        other.tierProperty().set("pro");
        other.save();
        Problem required = new Problem(ProblemType.PRECONDITION_REQUIRED.uri(), "Precondition failed", 412, "Send If-Match.", null);
        api.last("patchAccount").fail(new PlatformException(required.detail(), 412, required, false, null));
        assertThat(other.stateProperty().get()).as("a 412 of another kind is no conflict").isEqualTo(AccountEditViewModel.State.EDITING);
        assertThat(other.errorProperty().get()).isEqualTo("Send If-Match.");
    }

    @Test
    void otherErrorsKeepWhatWasTyped() {
        var vm = edit(Role.SUPPORT);
        assertThat(vm.canChangeTier()).isFalse();
        assertThat(vm.canChangeContact()).isTrue();
        vm.emailProperty().set("not-an-email");
        vm.save();
        api.last("patchAccount").fail(new PlatformException("Invalid request\n• email: must be an email address like name@example.com", 422, false));
        assertThat(vm.errorProperty().get()).contains("email: must be an email address");
        assertThat(vm.emailProperty().get()).isEqualTo("not-an-email");
        assertThat(vm.stateProperty().get()).isEqualTo(AccountEditViewModel.State.EDITING);
    }
}
