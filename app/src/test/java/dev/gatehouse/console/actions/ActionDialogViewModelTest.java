package dev.gatehouse.console.actions;

import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.console.client.PlatformException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ActionDialogViewModelTest {
    final List<ActionRequest> previews = new ArrayList<>();
    final List<CompletableFuture<ActionPreview>> previewAnswers = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    final List<ActionRequest> submitted = new ArrayList<>();
    final List<CompletableFuture<String>> submitAnswers = new ArrayList<>();
    final List<String> done = new ArrayList<>();

    final ActionCall<String> call = new ActionCall<>() {
        @Override
        public CompletableFuture<ActionPreview> preview(ActionRequest request) {
            previews.add(request);
            CompletableFuture<ActionPreview> f = new CompletableFuture<>();
            previewAnswers.add(f);
            return f;
        }

        @Override
        public CompletableFuture<String> submit(ActionRequest request, String idempotencyKey) {
            submitted.add(request);
            keys.add(idempotencyKey);
            CompletableFuture<String> f = new CompletableFuture<>();
            submitAnswers.add(f);
            return f;
        }
    };

    ActionDialogViewModel<String> dialog(boolean duration) {
        return new ActionDialogViewModel<>("suspend", "Suspend account", "Acme · acct_1", duration, call, Runnable::run, done::add);
    }

    static AuditEntry audit(String reason) {
        return new AuditEntry(null, null, Instant.parse("2026-11-22T12:00:00Z"), "op_trust", "account.suspend", "acct_1", reason,
                null, null, null, null);
    }

    @Test
    void theReasonIsRequiredAndCheckedAsItIsTyped() {
        var vm = dialog(false);
        assertThat(vm.canSubmitBinding().get()).isFalse();
        assertThat(vm.reasonErrorProperty().get()).as("no nagging before typing").isEmpty();
        vm.reasonProperty().set("   ");
        assertThat(vm.reasonErrorProperty().get()).startsWith("Reason is required");
        assertThat(vm.canSubmitBinding().get()).isFalse();
        vm.submit();
        assertThat(submitted).isEmpty();
        vm.reasonProperty().set("Chargeback fraud, ToS §15");
        assertThat(vm.reasonErrorProperty().get()).isEmpty();
        assertThat(vm.canSubmitBinding().get()).isTrue();
        vm.reasonProperty().set("x".repeat(2001));
        assertThat(vm.reasonErrorProperty().get()).contains("at most 2000");
        assertThat(vm.canSubmitBinding().get()).isFalse();
    }

    @Test
    void durationIsOptionalWholeHoursWithinAYear() {
        var vm = dialog(true);
        vm.reasonProperty().set("Payment overdue 7 days (ai-visual-studio §15)");
        assertThat(vm.request().durationHours()).isNull();
        vm.durationProperty().set("abc");
        assertThat(vm.durationErrorProperty().get()).contains("whole number of hours");
        assertThat(vm.canSubmitBinding().get()).isFalse();
        vm.durationProperty().set("0");
        assertThat(vm.durationErrorProperty().get()).contains("between 1 and 8760");
        vm.durationProperty().set("72");
        assertThat(vm.durationErrorProperty().get()).isEmpty();
        assertThat(vm.request()).isEqualTo(new ActionRequest("suspend", "Payment overdue 7 days (ai-visual-studio §15)", 72));
        assertThat(vm.canSubmitBinding().get()).isTrue();
    }

    @Test
    void aDurationIsNeverSentForAnActionThatTakesNone() {
        var vm = dialog(false);
        vm.reasonProperty().set("r");
        vm.durationProperty().set("24");
        assertThat(vm.request().durationHours()).isNull();
    }

    @Test
    void thePreviewShowsWhatWillChangeAndALateAnswerIsDropped() {
        var vm = dialog(true);
        vm.refreshPreview();
        assertThat(previews.get(0).reason()).isEqualTo(ActionDialogViewModel.PREVIEW_REASON);
        vm.reasonProperty().set("Abuse");
        vm.durationProperty().set("24");
        vm.refreshPreview();
        assertThat(previews.get(1)).isEqualTo(new ActionRequest("suspend", "Abuse", 24));
        previewAnswers.get(1).complete(new ActionPreview(List.of("Status active → suspended until …"), audit("Abuse")));
        previewAnswers.get(0).complete(new ActionPreview(List.of("stale"), audit("(preview)")));
        assertThat(vm.changes()).containsExactly("Status active → suspended until …");
        assertThat(vm.auditProperty().get().action()).isEqualTo("account.suspend");
        assertThat(vm.previewStateProperty().get()).isEqualTo(ActionDialogViewModel.PreviewState.READY);
    }

    @Test
    void aRefusedPreviewBlocksSubmitAndSaysWhy() {
        var vm = dialog(false);
        vm.refreshPreview();
        previewAnswers.get(0).completeExceptionally(new PlatformException("The account is terminated; termination is final and cannot be changed.", 409, false));
        vm.reasonProperty().set("whatever");
        assertThat(vm.previewStateProperty().get()).isEqualTo(ActionDialogViewModel.PreviewState.REFUSED);
        assertThat(vm.previewMessageProperty().get()).contains("termination is final");
        assertThat(vm.canSubmitBinding().get()).isFalse();
    }

    @Test
    void theProblemTypeDecidesWhetherAPreviewIsRefused() {
        var vm = dialog(false);
        vm.refreshPreview();
        Problem inFlight = new Problem(ProblemType.IDEMPOTENCY_IN_FLIGHT.uri(), "Conflict", 409, "A request with this key is still running.", null);
        previewAnswers.get(0).completeExceptionally(new PlatformException(inFlight.detail(), 409, inFlight, true, null));
        assertThat(vm.previewStateProperty().get()).as("a 409 that is not a conflict of state").isEqualTo(ActionDialogViewModel.PreviewState.FAILED);

        vm.refreshPreview();
        Problem fin = new Problem(ProblemType.FINAL_STATE.uri(), "Some title", 422, "The key is revoked; revocation is final.", null);
        previewAnswers.get(1).completeExceptionally(new PlatformException(fin.detail(), 422, fin, false, null));
        assertThat(vm.previewStateProperty().get()).as("final state, whatever the status").isEqualTo(ActionDialogViewModel.PreviewState.REFUSED);

        vm.refreshPreview();
        Problem other = new Problem("https://other.example/errors/forbidden", "Forbidden", 403, "Not for your role.", null);
        previewAnswers.get(2).completeExceptionally(new PlatformException(other.detail(), 403, other, false, null));
        assertThat(vm.previewStateProperty().get()).as("an unknown type falls back on the status").isEqualTo(ActionDialogViewModel.PreviewState.REFUSED);
    }

    @Test
    void aRetryAfterATimeoutSendsTheSameIdempotencyKeyAndKeepsTheReason() {
        var vm = dialog(false);
        vm.reasonProperty().set("Leaked key, ticket tkt_9");
        vm.submit();
        assertThat(vm.submittingProperty().get()).isTrue();
        assertThat(vm.canSubmitBinding().get()).as("no double submit while one is in flight").isFalse();
        submitAnswers.get(0).completeExceptionally(new PlatformException("http://x did not answer within 15 s.", 0, true));
        assertThat(vm.errorProperty().get()).contains("did not answer").contains("cannot act twice");
        assertThat(vm.reasonProperty().get()).isEqualTo("Leaked key, ticket tkt_9");
        assertThat(vm.doneProperty().get()).isFalse();

        vm.submit();
        submitAnswers.get(1).complete("ok");
        assertThat(keys).hasSize(2).allMatch(k -> k.equals(vm.idempotencyKey()));
        assertThat(submitted.get(1)).isEqualTo(submitted.get(0));
        assertThat(done).containsExactly("ok");
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void twoDialogsNeverShareAKey() {
        assertThat(dialog(false).idempotencyKey()).isNotEqualTo(dialog(false).idempotencyKey());
    }

    @Test
    void aReusedKeyWithAnotherBodyIsExplained() {
        var vm = dialog(false);
        vm.reasonProperty().set("first");
        vm.submit();
        Problem p = new Problem(ProblemType.IDEMPOTENCY_CONFLICT.uri(), "Key reused (title wording may change)", 422, "This Idempotency-Key was already used for a different request.", null);
        submitAnswers.get(0).completeExceptionally(new PlatformException(p.detail(), 422, p, false, null));
        assertThat(vm.errorProperty().get()).contains("may have carried it out").contains("reload");
    }
}
