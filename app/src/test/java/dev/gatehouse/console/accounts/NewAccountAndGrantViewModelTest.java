package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.CreditGrant;
import dev.gatehouse.api.NewAccount;
import dev.gatehouse.api.NewCreditGrant;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.PolicySettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The "New account" and "Grant credits" forms: checks, previews, duplicate confirmation, idempotent retries. */
class NewAccountAndGrantViewModelTest {
    private static final Instant NOW = FakeKeysApi.NOW;
    private final OperatorTime time = new OperatorTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);

    private static PlatformException duplicate() {
        Problem p = new Problem(ProblemType.LIKELY_DUPLICATE.uri(), "Likely duplicate", 409, "1 existing account looks like this one",
                List.of(new Problem.FieldError("email", "acct_1 'Jane Doe' <jane.doe@gmail.com>, active: same mailbox")));
        return new PlatformException("1 existing account looks like this one", 409, p, false, null);
    }

    @Test
    void aLikelyDuplicateMustBeConfirmedAndIsThenSentWithANewKey() {
        List<NewAccount> sent = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Account> opened = new ArrayList<>();
        List<CompletableFuture<Account>> answers = new ArrayList<>(List.of(CompletableFuture.failedFuture(duplicate()),
                CompletableFuture.completedFuture(FakeKeysApi.account("acct_2", "active", "enterprise", 1))));
        NewAccountViewModel vm = new NewAccountViewModel((body, key) -> {
            sent.add(body);
            keys.add(key);
            return answers.remove(0);
        }, Runnable::run, opened::add);

        vm.submit();
        assertThat(vm.errorProperty().get()).contains("Name is required").contains("Email").contains("Reason");
        assertThat(sent).isEmpty();
        vm.nameProperty().set("J. Doe");
        vm.emailProperty().set("JaneDoe@gmail.com");
        vm.reasonProperty().set("enterprise contract 2291");
        assertThat(vm.previewProperty().get().get(0)).contains("'J. Doe' <janedoe@gmail.com>").contains("Enterprise");
        vm.submit();
        assertThat(sent.get(0).confirmDuplicate()).isNull();
        assertThat(vm.duplicates()).containsExactly("acct_1 'Jane Doe' <jane.doe@gmail.com>, active: same mailbox");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("tick");
        assertThat(sent).hasSize(1);
        vm.confirmDuplicateProperty().set(true);
        vm.submit();
        assertThat(sent.get(1).confirmDuplicate()).isTrue();
        assertThat(keys.get(1)).as("a refused request wrote nothing: the corrected one is new").isNotEqualTo(keys.get(0));
        assertThat(opened).hasSize(1);
        assertThat(vm.doneProperty().get()).isTrue();
    }

    @Test
    void changingTheEmailForgetsTheCandidates() {
        NewAccountViewModel vm = new NewAccountViewModel((b, k) -> CompletableFuture.failedFuture(duplicate()), Runnable::run, a -> { });
        vm.nameProperty().set("J");
        vm.emailProperty().set("j@gmail.com");
        vm.reasonProperty().set("r");
        vm.submit();
        vm.confirmDuplicateProperty().set(true);
        vm.emailProperty().set("other@gmail.com");
        assertThat(vm.duplicates()).isEmpty();
        assertThat(vm.confirmDuplicateProperty().get()).isFalse();
    }

    @Test
    void aGrantPreviewsTheBalanceOrTheSecondApprovalAndRetriesWithTheSameKey() {
        Account acct = FakeKeysApi.account("acct_1", "active", "pro", 3);
        List<String> keys = new ArrayList<>();
        List<NewCreditGrant> sent = new ArrayList<>();
        List<CompletableFuture<CreditGrant>> answers = new ArrayList<>(List.of(
                CompletableFuture.failedFuture(new PlatformException("The platform did not answer in time.", 0, null, true, null)),
                CompletableFuture.completedFuture(new CreditGrant("grt_1", "acct_1", "manual_grant", new BigDecimal("750.000000"),
                        new BigDecimal("0.000000"), "USD", null, "r", "pending_approval", "op_support", NOW, null, null, null, null, 1))));
        List<CreditGrant> granted = new ArrayList<>();
        GrantCreditsViewModel vm = new GrantCreditsViewModel(acct, (id, body, key) -> {
            keys.add(key);
            sent.add(body);
            return answers.remove(0);
        }, Runnable::run, time, PolicySettings.defaults(), granted::add);

        vm.amountProperty().set("100");
        assertThat(vm.previewProperty().get().get(0)).contains("$42.50").contains("$142.50");
        vm.amountProperty().set("750");
        assertThat(vm.previewProperty().get().get(0)).contains("waits until a second, different operator approves");
        vm.kindProperty().set("purchase");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("Price paid").contains("Reason");
        vm.kindProperty().set("manual_grant");
        vm.expiresProperty().set("2020-01-01");
        vm.reasonProperty().set("SLA credit, ticket 88");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("Expiry");
        vm.expiresProperty().set("2027-06-30");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("did not answer").contains("cannot grant twice");
        vm.submit();
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(sent.get(1).amount()).isEqualTo("750.000000");
        assertThat(sent.get(1).pricePaid()).isNull();
        assertThat(sent.get(1).expiresAt()).isEqualTo(Instant.parse("2027-06-30T00:00:00Z"));
        assertThat(granted).hasSize(1);
    }
}
