package dev.gatehouse.console.accounts;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.KeyIssued;
import dev.gatehouse.api.NewApiKey;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** "Issue key…": the same checks as the gateway, one secret shown once, a lost answer handled, the new key told to all. */
class IssueKeyViewModelTest {
    private static final Instant NOW = FakeKeysApi.NOW;
    private final OperatorTime time = new OperatorTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Europe/Berlin"));
    private static final IssueKeyViewModel.Target ACME = new IssueKeyViewModel.Target("acct_1", "Acme Robotics", "active", null);
    private static final String SECRET = "sk-live-" + "Ab3d".repeat(10);

    private record Sent(String accountId, NewApiKey body, String idempotencyKey) {}

    private static ApiKey newKey() {
        return new ApiKey("key_new", "acct_1", "production", "live", "sk-live-Ab3d", "Ab3d", "sk-live-Ab3d…Ab3d", "active", NOW,
                null, null, 1, "Acme Robotics", "active");
    }

    @Test
    void checksTheFormAsTheGatewayDoesAndSendsNothingUntilItPasses() {
        List<Sent> sent = new ArrayList<>();
        var vm = new IssueKeyViewModel(ACME, (a, b, k) -> {
            sent.add(new Sent(a, b, k));
            return new CompletableFuture<>();
        }, Runnable::run, time, s -> {}, r -> {});
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("Name must be 1 to 200 characters").contains("Reason is required");
        vm.nameProperty().set("production");
        vm.reasonProperty().set("old key leaked (ai-visual-studio §3)");
        vm.expiresProperty().set("next week");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("Expiry is a date like 2027-06-30 (or empty: never).");
        vm.expiresProperty().set("2026-11-01");
        vm.submit();
        assertThat(vm.errorProperty().get()).startsWith("Expiry must be in the future");
        assertThat(sent).isEmpty();

        vm.expiresProperty().set("2027-06-30");
        assertThat(vm.previewProperty().get()).anySatisfy(l -> assertThat(l).isEqualTo("It stops working on 2027-06-30 00:00 CEST."))
                .anySatisfy(l -> assertThat(l).contains("spends Acme Robotics's credits"))
                .anySatisfy(l -> assertThat(l).contains("shown once"));
        vm.modeProperty().set("test");
        assertThat(vm.previewProperty().get().get(0)).contains("spends no credits").contains("Free tier");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.savingProperty().get()).isTrue();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).accountId()).isEqualTo("acct_1");
        // the date is a day in the operator's zone: midnight in Berlin
        assertThat(sent.get(0).body()).isEqualTo(new NewApiKey("production", "test", Instant.parse("2027-06-29T22:00:00Z"),
                "old key leaked (ai-visual-studio §3)"));
        vm.submit();
        assertThat(sent).as("a second click while sending sends nothing").hasSize(1);
    }

    @Test
    void theSecretIsShownOnceCopiedAndDroppedOnDone() {
        List<String> clipboard = new ArrayList<>();
        List<KeyIssued> told = new ArrayList<>();
        var vm = new IssueKeyViewModel(ACME, (a, b, k) -> CompletableFuture.completedFuture(new KeyIssued(newKey(), SECRET, "aud_1")),
                Runnable::run, time, clipboard::add, told::add);
        vm.nameProperty().set("production");
        vm.reasonProperty().set("replacement");
        vm.submit();
        assertThat(vm.stageProperty().get()).isEqualTo(IssueKeyViewModel.Stage.SHOWN);
        assertThat(vm.secretProperty().get()).isEqualTo(SECRET);
        assertThat(vm.issuedTitle()).isEqualTo("Live key issued");
        assertThat(vm.issuedSubtitle()).isEqualTo("sk-live-Ab3d…Ab3d · Acme Robotics · acct_1");
        assertThat(told).hasSize(1);
        assertThat(vm.storedProperty().get()).isFalse();
        vm.copy();
        assertThat(clipboard).containsExactly(SECRET);
        assertThat(vm.copiedProperty().get()).isEqualTo("Copied to the clipboard.");
        assertThat(vm.storedProperty().get()).isTrue();
        vm.finish();
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(vm.secretProperty().get()).as("the secret leaves memory with the dialog").isEmpty();
        vm.copy();
        assertThat(clipboard).hasSize(1);
    }

    @Test
    void aRetryAfterALostAnswerReusesTheKeyAndSaysTheSecretIsGone() {
        List<Sent> sent = new ArrayList<>();
        List<CompletableFuture<KeyIssued>> answers = new ArrayList<>(List.of(
                CompletableFuture.failedFuture(new PlatformException("The platform did not answer in time.", 0, null, true, null)),
                CompletableFuture.completedFuture(new KeyIssued(newKey(), null, "aud_1"))));
        List<KeyIssued> told = new ArrayList<>();
        var vm = new IssueKeyViewModel(ACME, (a, b, k) -> {
            sent.add(new Sent(a, b, k));
            return answers.remove(0);
        }, Runnable::run, time, s -> {}, told::add);
        vm.nameProperty().set("production");
        vm.reasonProperty().set("replacement");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("did not answer").contains("cannot make a second key");
        assertThat(vm.stageProperty().get()).isEqualTo(IssueKeyViewModel.Stage.FORM);
        assertThat(vm.nameProperty().get()).isEqualTo("production");
        vm.submit();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).idempotencyKey()).isEqualTo(sent.get(0).idempotencyKey());
        // the first request had made the key: the replay names it, without its secret
        assertThat(vm.stageProperty().get()).isEqualTo(IssueKeyViewModel.Stage.LOST);
        assertThat(vm.secretProperty().get()).isEmpty();
        assertThat(vm.lostMessage()).contains("sk-live-Ab3d…Ab3d").contains("cannot show it again").contains("Revoke");
        assertThat(told).hasSize(1);
    }

    @Test
    void aRefusalGetsANewIdempotencyKeyForTheCorrectedRequest() {
        List<Sent> sent = new ArrayList<>();
        var vm = new IssueKeyViewModel(ACME, (a, b, k) -> {
            sent.add(new Sent(a, b, k));
            return sent.size() == 1 ? CompletableFuture.failedFuture(new PlatformException("The account is terminated.", 409, null, false, null))
                    : new CompletableFuture<>();
        }, Runnable::run, time, s -> {}, r -> {});
        vm.nameProperty().set("production");
        vm.reasonProperty().set("replacement");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("The account is terminated.");
        vm.submit();
        assertThat(sent.get(1).idempotencyKey()).isNotEqualTo(sent.get(0).idempotencyKey());
    }

    @Test
    void theAccountViewOffersItByRoleAndStateAndTellsEveryScreen() {
        FakeKeysApi api = new FakeKeysApi();
        for (Role role : Role.values()) {
            var detail = new AccountDetailViewModel(api, Runnable::run, role, time);
            detail.open("acct_1");
            api.last("account").reply(FakeKeysApi.detail(FakeKeysApi.account("acct_1", "active", "pro", 1)));
            boolean may = role == Role.SUPPORT || role == Role.TRUST_SAFETY || role == Role.LEAD;
            assertThat(detail.issueKeyAvailability().allowed()).as(role.wire()).isEqualTo(may);
        }
        var terminated = new AccountDetailViewModel(api, Runnable::run, Role.LEAD, time);
        terminated.open("acct_2");
        api.last("account").reply(FakeKeysApi.detail(FakeKeysApi.account("acct_2", "terminated", "pro", 4)));
        assertThat(terminated.issueKeyAvailability().why()).contains("terminated").contains("ai-visual-studio §15");

        EventBus events = new EventBus(Runnable::run);
        List<KeyAdded> heard = new ArrayList<>();
        events.subscribe(KeyAdded.class, heard::add);
        var detail = new AccountDetailViewModel(api, Runnable::run, Role.SUPPORT, time);
        detail.follow(events, n -> {});
        detail.open("acct_1");
        api.last("account").reply(FakeKeysApi.detail(FakeKeysApi.account("acct_1", "active", "pro", 1)));
        int loads = api.calls("account").size();
        var dialog = detail.issueKey(s -> {});
        assertThat(dialog.target()).isEqualTo(ACME);
        dialog.nameProperty().set("production");
        dialog.reasonProperty().set("replacement");
        dialog.submit();
        api.last("issueKey").reply(new KeyIssued(newKey(), SECRET, "aud_1"));
        assertThat(heard).extracting(KeyAdded::key).containsExactly(newKey());
        assertThat(api.calls("account")).as("the account reloads once to show its new key").hasSize(loads + 1);
    }
}
