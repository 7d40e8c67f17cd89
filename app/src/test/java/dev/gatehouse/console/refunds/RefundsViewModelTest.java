package dev.gatehouse.console.refunds;

import dev.gatehouse.api.Page;
import dev.gatehouse.api.PolicyPreview;
import dev.gatehouse.api.PolicyUpdate;
import dev.gatehouse.api.RefundActionResult;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.EventBus;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.policy.RefundEligibility;
import dev.gatehouse.policy.RefundState;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefundsViewModelTest {
    final FakeRefundsApi api = new FakeRefundsApi();
    final OperatorTime time = new OperatorTime(Clock.fixed(FakeRefundsApi.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    final List<Notice> notices = new ArrayList<>();
    final EventBus events = new EventBus(Runnable::run);

    RefundsViewModel vm(Role role, String operatorId) {
        RefundsViewModel vm = new RefundsViewModel(api, Runnable::run, role, operatorId, time);
        vm.follow(events, notices::add);
        vm.start();
        return vm;
    }

    @Test
    void filtersBecomeTheQueryAndThePresetInForceIsSpelledOut() {
        var vm = vm(Role.SUPPORT, "op_support");
        vm.stateProperty().set(RefundState.REQUESTED);
        vm.verdictProperty().set(RefundEligibility.Verdict.INELIGIBLE);
        vm.accountIdProperty().set(" acct_9 ");
        assertThat(api.last("refunds").arg(0)).isEqualTo(new RefundQuery(RefundState.REQUESTED, RefundEligibility.Verdict.INELIGIBLE, "acct_9"));
        api.last("policy").reply(FakeRefundsApi.policy("pixapi", "Pixapi", "7", "purchase", "false", 1));
        assertThat(vm.presetTextProperty().get()).isEqualTo("Pixapi preset in force: unused purchase credits within 7 days (pixapi §8)");
        assertThat(RefundsViewModel.presetLine(FakeRefundsApi.policy("decart", "Decart", "0", "none", "true", 2)))
                .startsWith("Decart preset in force: credit purchases are final");
    }

    @Test
    void aDeepLinkOpensARefundThatIsNotOnTheLoadedPage() {
        var vm = vm(Role.SUPPORT, "op_support");
        api.last("refunds").reply(new Page<>(List.of(), null));
        vm.openRefund("rfd_far");
        assertThat(api.last("refund").arg(0)).isEqualTo("rfd_far");
        var far = FakeRefundsApi.refund("rfd_far", "requested", "20", null);
        api.last("refund").reply(FakeRefundsApi.detail(far));
        assertThat(vm.model().selectedProperty().get()).isEqualTo(far);
    }

    @Test
    void aDeepLinkAnsweredBeforeTheFirstPageKeepsItsDecisionsWhenThePageBringsTheRefund() {
        var vm = vm(Role.SUPPORT, "op_support");
        var near = FakeRefundsApi.refund("rfd_near", "requested", "20", null);
        vm.openRefund("rfd_near");
        api.last("refund").reply(FakeRefundsApi.detail(near));
        assertThat(vm.model().selectedProperty().get()).isEqualTo(near);
        api.last("refund").reply(FakeRefundsApi.detail(near)); // the detail pane's own fetch
        assertThat(vm.denyProperty().get().allowed()).isTrue();
        // the queue's first page, answered later, with the refund as it is now (the customer's request grew meanwhile)
        var inPage = FakeRefundsApi.refund("rfd_near", "requested", "25", null);
        api.last("refunds").reply(new Page<>(List.of(inPage), null));
        assertThat(vm.model().selectedProperty().get()).isSameAs(inPage);
        assertThat(vm.denyProperty().get().allowed()).as(vm.denyProperty().get().why()).isTrue();
    }

    @Test
    void theFirstApproverCannotGiveTheSecondApprovalAnotherOperatorCan() {
        var awaiting = FakeRefundsApi.refund("rfd_1", "awaiting_second_approval", "700", "op_support");
        var mine = vm(Role.SUPPORT, "op_support");
        api.last("refunds").reply(new Page<>(List.of(awaiting), null));
        mine.model().selectedProperty().set(awaiting);
        api.last("refund").reply(FakeRefundsApi.detail(awaiting));
        assertThat(mine.approveProperty().get().allowed()).isFalse();
        assertThat(mine.approveProperty().get().why()).contains("another operator must confirm");
        assertThat(mine.approveTextProperty().get()).isEqualTo("Give second approval…");
        assertThat(mine.denyProperty().get().allowed()).isTrue();

        var lead = vm(Role.LEAD, "op_lead");
        api.last("refunds").reply(new Page<>(List.of(awaiting), null));
        lead.model().selectedProperty().set(awaiting);
        api.last("refund").reply(FakeRefundsApi.detail(awaiting));
        assertThat(lead.approveProperty().get().allowed()).isTrue();
        assertThat(lead.approveDialog().kind()).isEqualTo(RefundDecisionViewModel.Kind.SECOND_APPROVAL);

        var viewer = vm(Role.VIEWER, "op_viewer");
        api.last("refunds").reply(new Page<>(List.of(awaiting), null));
        viewer.model().selectedProperty().set(awaiting);
        api.last("refund").reply(FakeRefundsApi.detail(awaiting));
        assertThat(viewer.approveProperty().get().allowed()).isFalse();
        assertThat(viewer.retryProperty().get().allowed()).isFalse();
    }

    @Test
    void aDecisionUpdatesTheRowReloadsTheDetailAndIsAnnounced() {
        var requested = FakeRefundsApi.refund("rfd_1", "requested", "20", null);
        var vm = vm(Role.SUPPORT, "op_support");
        List<RefundChanged> published = new ArrayList<>();
        events.subscribe(RefundChanged.class, published::add);
        api.last("refunds").reply(new Page<>(List.of(requested), null));
        vm.model().selectedProperty().set(requested);
        api.last("refund").reply(FakeRefundsApi.detail(requested));
        assertThat(vm.reasons()).hasSize(1);
        assertThat(vm.history()).hasSize(1);
        var dialog = vm.approveDialog();
        dialog.reasonProperty().set("Unused pack within 7 days");
        dialog.submit();
        var paid = FakeRefundsApi.refund("rfd_1", "paid", "20", null);
        api.last("approve").reply(new RefundActionResult("approve", paid, "aud_9"));
        assertThat(vm.model().rows().get(0).state()).isEqualTo("paid");
        assertThat(api.calls("refund")).hasSize(2);
        assertThat(published).extracting(e -> e.refund().state()).containsExactly("paid");
        assertThat(notices).extracting(Notice::text).containsExactly("Refund paid: rfd_1 · Northwind Labs");
        assertThat(notices.get(0).auditId()).isEqualTo("aud_9");
    }

    @Test
    void theLeadsPolicyPanelPreviewsASwitchAndSendsItWithTheVersionItSaw() {
        var vm = vm(Role.LEAD, "op_lead");
        var panel = vm.policyPanel();
        api.last("policy").reply(FakeRefundsApi.policy("pixapi", "Pixapi", "7", "purchase", "false", 3));
        assertThat(panel.targetProperty().get().key()).isEqualTo("pixapi");
        assertThat(panel.previewMessageProperty().get()).contains("policy in force");
        panel.targetProperty().set(panel.presets().get(1));
        assertThat(((PolicyUpdate) api.last("previewPolicy").arg(0)).preset()).isEqualTo("decart");
        api.last("previewPolicy").reply(new PolicyPreview(List.of("Refund window (days): 7 → 0 (decart §5.2: \"…\")",
                "Credit purchases are final: no → yes (decart §5.2: \"…\")"), FakeRefundsApi.policy("decart", "Decart", "0", "none", "true", 3)));
        assertThat(panel.changes()).hasSize(2);
        assertThat(panel.canApplyBinding().get()).isFalse();
        panel.reasonProperty().set("We now resell Decart under its terms");
        assertThat(panel.canApplyBinding().get()).isTrue();
        panel.apply();
        assertThat(api.last("updatePolicy").arg(0)).isEqualTo(3L);
        api.last("updatePolicy").fail(new PlatformException("stale", 412,
                new dev.gatehouse.api.Problem("https://gatehouse.dev/problems/stale-version", "Precondition failed", 412, "stale", null), false, null));
        assertThat(panel.errorProperty().get()).startsWith("Another lead changed the policy");
        panel.apply();
        api.last("updatePolicy").reply(FakeRefundsApi.policy("decart", "Decart", "0", "none", "true", 4));
        assertThat(vm.presetTextProperty().get()).startsWith("Decart preset in force");
        assertThat(notices).extracting(Notice::text).contains("Policy switched to Decart");

        var support = vm(Role.SUPPORT, "op_support").policyPanel();
        api.last("policy").reply(FakeRefundsApi.policy("pixapi", "Pixapi", "7", "purchase", "false", 3));
        support.targetProperty().set(support.presets().get(1));
        assertThat(support.previewMessageProperty().get()).isEqualTo("Only a lead may switch the preset or edit a value.");
        assertThat(support.canApplyBinding().get()).isFalse();
    }

    @Test
    void aLeadEditsOneValueSeesThePreviewAndKeepsItThroughAConflict() {
        var vm = vm(Role.LEAD, "op_lead");
        var panel = vm.policyPanel();
        api.last("policy").reply(FakeRefundsApi.policy("pixapi", "Pixapi", "7", "purchase", "false", 3));
        // a value the platform refuses is marked on its field; what was typed stays
        panel.edit("refund_window_days", "-2");
        PolicyUpdate sent = (PolicyUpdate) api.last("previewPolicy").arg(0);
        assertThat(sent.preset()).as("an edit on top of the preset in force").isNull();
        assertThat(sent.values()).containsEntry("refund_window_days", "-2");
        api.last("previewPolicy").fail(new PlatformException("invalid", 422, new dev.gatehouse.api.Problem(
                "https://gatehouse.dev/problems/validation", "Validation failed", 422, "invalid",
                List.of(new dev.gatehouse.api.Problem.FieldError("values.refund_window_days", "must be a whole number of days, 0 or more"))),
                false, null));
        assertThat(panel.valueErrors()).containsEntry("refund_window_days", "must be a whole number of days, 0 or more");
        assertThat(panel.previewMessageProperty().get()).startsWith("Fix the value");
        assertThat(panel.edits()).containsEntry("refund_window_days", "-2");
        panel.reasonProperty().set("Longer window for the launch month");
        assertThat(panel.canApplyBinding().get()).isFalse();

        panel.edit("refund_window_days", "14");
        assertThat(panel.valueErrors()).isEmpty();
        api.last("previewPolicy").reply(new PolicyPreview(List.of("Refund window (days): 7 → 14 (edited: Longer window)"),
                FakeRefundsApi.policy("pixapi", "Pixapi (edited)", "14", "purchase", "false", 3)));
        assertThat(panel.previewMessageProperty().get()).startsWith("1 value changes");
        assertThat(panel.canApplyBinding().get()).isTrue();
        panel.apply();
        assertThat(api.last("updatePolicy").arg(0)).isEqualTo(3L);
        assertThat(((PolicyUpdate) api.last("updatePolicy").arg(1)).values()).containsEntry("refund_window_days", "14");

        // another lead changed another value meanwhile: 412, the policy is read again, the edit kept and previewed again
        api.last("updatePolicy").fail(new PlatformException("stale", 412,
                new dev.gatehouse.api.Problem("https://gatehouse.dev/problems/stale-version", "Precondition failed", 412, "stale", null), false, null));
        assertThat(panel.errorProperty().get()).startsWith("Another lead changed the policy").contains("your choices are kept");
        api.last("policy").reply(FakeRefundsApi.policy("pixapi", "Pixapi (edited)", "7", "purchase,promotion", "false", 4));
        assertThat(panel.edits()).containsEntry("refund_window_days", "14");
        assertThat(((PolicyUpdate) api.last("previewPolicy").arg(0)).values()).containsEntry("refund_window_days", "14");
        api.last("previewPolicy").reply(new PolicyPreview(List.of("Refund window (days): 7 → 14"),
                FakeRefundsApi.policy("pixapi", "Pixapi (edited)", "14", "purchase,promotion", "false", 4)));
        panel.apply();
        assertThat(api.last("updatePolicy").arg(0)).as("the version now in force").isEqualTo(4L);
        api.last("updatePolicy").reply(FakeRefundsApi.policy("pixapi", "Pixapi (edited)", "14", "purchase,promotion", "false", 5));
        assertThat(panel.edits()).isEmpty();
        // typing the value in force back is no edit
        panel.edit("refund_window_days", "14");
        assertThat(panel.edits()).isEmpty();
        assertThat(panel.previewMessageProperty().get()).contains("policy in force");
    }
}
