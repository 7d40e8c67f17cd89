package dev.gatehouse.console.refunds;

import dev.gatehouse.api.RefundActionResult;
import dev.gatehouse.api.RefundApprovalRequest;
import dev.gatehouse.console.client.PlatformException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefundDecisionViewModelTest {
    final FakeRefundsApi api = new FakeRefundsApi();
    final List<RefundActionResult> done = new ArrayList<>();

    RefundDecisionViewModel dialog(RefundDecisionViewModel.Kind kind, String requested, boolean lead) {
        var detail = FakeRefundsApi.detail(FakeRefundsApi.refund("rfd_1", kind == RefundDecisionViewModel.Kind.SECOND_APPROVAL
                ? "awaiting_second_approval" : "requested", requested, kind == RefundDecisionViewModel.Kind.SECOND_APPROVAL ? "op_support" : null));
        return new RefundDecisionViewModel(kind, detail, lead, api, Runnable::run, done::add);
    }

    @Test
    void theAmountStartsAtWhatIsRefundableAndIsCheckedAsItIsTyped() {
        var vm = dialog(RefundDecisionViewModel.Kind.APPROVE, "30", false);
        assertThat(vm.amountProperty().get()).isEqualTo("20.00");
        assertThat(vm.amountErrorProperty().get()).isEmpty();
        for (String bad : List.of("abc", "12,50", "1e3", "-5", "+5", "")) {
            vm.amountProperty().set(bad);
            assertThat(vm.amountErrorProperty().get()).as(bad).isNotEmpty();
        }
        vm.amountProperty().set("0");
        assertThat(vm.amountErrorProperty().get()).isEqualTo("Amount must be positive, got 0.");
        vm.amountProperty().set("1.0000001");
        assertThat(vm.amountErrorProperty().get()).contains("more than 6 decimals");
        vm.amountProperty().set("31");
        assertThat(vm.amountErrorProperty().get()).isEqualTo("More than the customer asked for ($30.00).");
        vm.amountProperty().set("21");
        assertThat(vm.amountErrorProperty().get()).isEqualTo("More than the refundable $20.00 (Pixapi preset). Only a lead may approve more, as an exception.");
        vm.amountProperty().set("19.99");
        assertThat(vm.amountErrorProperty().get()).isEmpty();
        // what was typed is never rounded
        vm.amountProperty().set("19.999999");
        assertThat(vm.amountErrorProperty().get()).isEmpty();
    }

    @Test
    void aLeadApprovesBeyondTheRefundableAmountOnlyAsAnExceptionAndNeverBeyondTheUnusedValue() {
        var vm = dialog(RefundDecisionViewModel.Kind.APPROVE, "30", true);
        vm.amountProperty().set("24");
        assertThat(vm.exceptionNeededProperty().get()).isTrue();
        assertThat(vm.amountErrorProperty().get()).contains("Tick \"Approve as an exception\"");
        vm.exceptionProperty().set(true);
        assertThat(vm.amountErrorProperty().get()).isEmpty();
        assertThat(vm.changes()).anySatisfy(l -> assertThat(l).startsWith("Recorded as a lead's exception"));
        vm.amountProperty().set("26");
        assertThat(vm.amountErrorProperty().get()).contains("no exception can refund that");
        vm.amountProperty().set("24");
        vm.reasonProperty().set("Outage in their launch week");
        vm.submit();
        RefundApprovalRequest sent = (RefundApprovalRequest) api.last("approve").arg(1);
        assertThat(sent.amount()).isEqualTo("24");
        assertThat(sent.exception()).isTrue();
    }

    @Test
    void aFailedSubmitKeepsWhatWasTypedAndRetriesWithTheSameKey() {
        var vm = dialog(RefundDecisionViewModel.Kind.APPROVE, "30", false);
        assertThat(vm.canSubmitBinding().get()).isFalse();
        vm.submit();
        assertThat(vm.reasonErrorProperty().get()).startsWith("Reason is required");
        assertThat(api.calls("approve")).isEmpty();
        vm.reasonProperty().set("Unused pack within 7 days");
        vm.submit();
        assertThat(vm.submittingProperty().get()).isTrue();
        api.last("approve").fail(new PlatformException("The platform did not answer in time.", 0, true));
        assertThat(vm.errorProperty().get()).contains("cannot pay twice");
        assertThat(vm.reasonProperty().get()).isEqualTo("Unused pack within 7 days");
        assertThat(vm.amountProperty().get()).isEqualTo("20.00");
        vm.submit();
        assertThat(api.calls("approve")).hasSize(2).extracting(c -> c.arg(2)).containsOnly(vm.idempotencyKey());
        var paid = FakeRefundsApi.refund("rfd_1", "paid", "20", null);
        api.last("approve").reply(new RefundActionResult("approve", paid, "aud_1"));
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(done).hasSize(1);
    }

    @Test
    void aboveTheThresholdTheFirstApprovalSaysASecondOperatorMustConfirm() {
        var vm = dialog(RefundDecisionViewModel.Kind.APPROVE, "800", true);
        vm.exceptionProperty().set(true);
        vm.amountProperty().set("25");
        assertThat(vm.changes().get(0)).startsWith("Pays $25.00");
        var big = new RefundDecisionViewModel(RefundDecisionViewModel.Kind.APPROVE, bigDetail(), false, api, Runnable::run, done::add);
        assertThat(big.changes().get(0)).startsWith("First approval of $700.00: above $500.00 a second operator, not you, must confirm");
        var second = dialog(RefundDecisionViewModel.Kind.SECOND_APPROVAL, "20", false);
        assertThat(second.amountEditable()).isFalse();
        assertThat(second.amountProperty().get()).isEqualTo("20.00");
        assertThat(second.changes().get(0)).isEqualTo("Confirms op_support's approval of $20.00 (four-eyes).");
    }

    private static dev.gatehouse.api.RefundDetail bigDetail() {
        var r = FakeRefundsApi.refund("rfd_2", "requested", "700", null);
        var d = FakeRefundsApi.detail(r);
        var e = d.eligibility();
        return new dev.gatehouse.api.RefundDetail(r, new dev.gatehouse.api.RefundEligibilityView("eligible", e.requested(),
                FakeRefundsApi.m("700"), FakeRefundsApi.m("700"), FakeRefundsApi.m("700"), "Pixapi", "refund window (days)",
                "Pixapi preset, pixapi §8", e.reasons(), e.evaluatedAt(), FakeRefundsApi.m("500"), true), d.lot(), d.lotHistory(), d.account());
    }

    @Test
    void denyingNeedsOnlyAReasonAndSaysTheCreditsBecomeSpendable() {
        var vm = dialog(RefundDecisionViewModel.Kind.DENY, "30", false);
        assertThat(vm.hasAmount()).isFalse();
        assertThat(vm.changes().get(0)).contains("held credits become spendable again");
        vm.reasonProperty().set("Outside the window (pixapi §8)");
        vm.submit();
        assertThat(((dev.gatehouse.api.RefundReason) api.last("deny").arg(1)).reason()).isEqualTo("Outside the window (pixapi §8)");
    }
}
