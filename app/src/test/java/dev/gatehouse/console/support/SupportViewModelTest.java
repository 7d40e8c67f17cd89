package dev.gatehouse.console.support;

import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.Macro;
import dev.gatehouse.api.MacroSet;
import dev.gatehouse.api.NewTicketMessage;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketDetail;
import dev.gatehouse.api.TicketPatch;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Role;
import dev.gatehouse.policy.TicketState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SupportViewModelTest {
    final FakeSupportApi api = new FakeSupportApi();
    final OperatorTime time = new OperatorTime(Clock.fixed(FakeSupportApi.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    static final Macro BALANCE = new Macro("mac_1", "Balance", "Hi {{customer.name}}, you have {{account.balance}}. {{agent.name}}",
            "solved", List.of("how-to"));

    SupportViewModel vm(Role role) {
        SupportViewModel vm = new SupportViewModel(api, Runnable::run, role, time, "op_support", "Sam Support");
        vm.start();
        api.last("macros").reply(new MacroSet(List.of(BALANCE), 2, Map.of()));
        return vm;
    }

    /** Selects a ticket whose detail (with an exposed key) has loaded. */
    TicketDetail open(SupportViewModel vm, String keyStatus) {
        Ticket t = FakeSupportApi.ticket("tkt_1", "new", 1, List.of());
        api.last("tickets").reply(new Page<>(List.of(t), null));
        vm.selectedProperty().set(t);
        TicketDetail d = FakeSupportApi.detail(t, FakeSupportApi.key(keyStatus, 1));
        api.last("ticket").reply(d);
        return d;
    }

    @Test
    void aDeepLinkOpensATicketThatIsNotOnTheLoadedPage() {
        var vm = vm(Role.SUPPORT);
        api.last("tickets").reply(new Page<>(List.of(), null));
        vm.openTicket("tkt_far");
        assertThat(api.last("ticket").arg(0)).isEqualTo("tkt_far");
        Ticket far = FakeSupportApi.ticket("tkt_far", "open", 1, List.of());
        api.last("ticket").reply(FakeSupportApi.detail(far, FakeSupportApi.key("active", 1)));
        assertThat(vm.selectedProperty().get()).isEqualTo(far);
    }

    @Test
    void theViewsBecomeTheQueuesFilters() {
        var vm = vm(Role.SUPPORT);
        assertThat(api.last("tickets").arg(0)).isEqualTo(new TicketQuery(TicketView.UNSOLVED, null, "op_support"));
        TicketQuery q = (TicketQuery) api.last("tickets").arg(0);
        assertThat(q.state()).isEqualTo("unsolved");
        assertThat(q.narrowed()).isFalse();
        vm.viewProperty().set(TicketView.MY_OPEN);
        assertThat(((TicketQuery) api.last("tickets").arg(0)).assignee()).isEqualTo("op_support");
        vm.viewProperty().set(TicketView.UNASSIGNED);
        assertThat(((TicketQuery) api.last("tickets").arg(0)).assignee()).isEqualTo("none");
        vm.viewProperty().set(TicketView.BREACHED);
        assertThat(((TicketQuery) api.last("tickets").arg(0)).breached()).isEqualTo("true");
        vm.viewProperty().set(TicketView.URGENT);
        TicketQuery urgent = (TicketQuery) api.last("tickets").arg(0);
        assertThat(urgent.priority()).isEqualTo("urgent");
        assertThat(urgent.state()).isEqualTo("unsolved");
        vm.searchProperty().set("  charged ");
        assertThat(((TicketQuery) api.last("tickets").arg(0)).q()).isEqualTo("charged");
        api.last("tickets").reply(new Page<>(List.of(), null));
        assertThat(vm.list().messageProperty().get()).contains("No tickets match \"charged\"");
    }

    @Test
    void aMacroRendersFromTheAccountAndItsStateAndTagsApplyAfterTheReply() {
        var vm = vm(Role.SUPPORT);
        TicketDetail d = open(vm, "active");
        assertThat(vm.messages()).hasSize(1);
        assertThat(vm.nextStates()).containsExactly(TicketState.OPEN, TicketState.PENDING, TicketState.ON_HOLD, TicketState.SOLVED);

        vm.applyMacro(BALANCE);
        assertThat(vm.draftProperty().get()).isEqualTo("Hi Acme Robotics, you have $42.50. Sam Support");
        vm.send();
        var message = api.last("message");
        assertThat(message.arg(1)).isEqualTo(new NewTicketMessage("Hi Acme Robotics, you have $42.50. Sam Support", false, null));
        Ticket opened = FakeSupportApi.ticket("tkt_1", "open", 2, List.of());
        message.reply(FakeSupportApi.detail(opened, FakeSupportApi.key("active", 1)));
        assertThat(vm.draftProperty().get()).isEmpty();
        var patch = api.last("patch");
        assertThat(patch.arg(1)).as("the version the reply answered with").isEqualTo(2L);
        TicketPatch p = (TicketPatch) patch.arg(2);
        assertThat(p.state()).isEqualTo("solved");
        assertThat(p.tags()).containsExactly("how-to");
        Ticket solved = FakeSupportApi.ticket("tkt_1", "solved", 3, List.of("how-to"));
        patch.reply(FakeSupportApi.detail(solved, FakeSupportApi.key("active", 1)));
        assertThat(vm.selectedProperty().get().state()).isEqualTo("solved");
        assertThat(vm.list().items().get(0).state()).isEqualTo("solved");
        assertThat(vm.nextStates()).containsExactly(TicketState.OPEN, TicketState.CLOSED);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aFailedSendKeepsTheTextAndRetriesWithTheSameIdempotencyKey() {
        var vm = vm(Role.SUPPORT);
        open(vm, "active");
        vm.startNote();
        vm.draftProperty().set("Checked the ledger.");
        vm.send();
        String key = (String) api.last("message").arg(2);
        assertThat(((NewTicketMessage) api.last("message").arg(1)).internal()).isTrue();
        api.last("message").fail(new PlatformException("The platform did not answer in time.", 0, true));
        assertThat(vm.draftProperty().get()).isEqualTo("Checked the ledger.");
        assertThat(vm.composerErrorProperty().get()).contains("did not answer").contains("kept");
        vm.send();
        assertThat(api.last("message").arg(2)).isEqualTo(key);
        // a changed text is another message: a new key
        api.last("message").fail(new PlatformException("Still down.", 0, true));
        vm.draftProperty().set("Checked the ledger twice.");
        vm.send();
        assertThat(api.last("message").arg(2)).isNotEqualTo(key);
    }

    @Test
    void anEmptyReplyOrAReadOnlyRoleSaysWhatToDoAndSendsNothing() {
        var vm = vm(Role.SUPPORT);
        open(vm, "active");
        vm.send();
        assertThat(vm.composerErrorProperty().get()).isEqualTo("Write the reply first.");
        var viewer = new SupportViewModel(api, Runnable::run, Role.VIEWER, time, "op_viewer", "Vera");
        viewer.start();
        assertThat(viewer.canWork()).isFalse();
        int before = api.calls("message").size();
        viewer.draftProperty().set("hello");
        viewer.send();
        assertThat(api.calls("message")).hasSize(before);
    }

    @Test
    void aStaleChangeReloadsTheTicketAndSaysSo() {
        var vm = vm(Role.SUPPORT);
        open(vm, "active");
        vm.changeState(TicketState.PENDING);
        assertThat(((TicketPatch) api.last("patch").arg(2)).state()).isEqualTo("pending");
        int loads = api.calls("ticket").size();
        api.last("patch").fail(new PlatformException("Precondition failed", 412, false));
        assertThat(vm.composerErrorProperty().get()).contains("Someone changed this ticket");
        assertThat(api.calls("ticket")).hasSize(loads + 1);
        vm.assignToMe();
        assertThat(((TicketPatch) api.last("patch").arg(2)).assignee()).isEqualTo("op_support");
    }

    @Test
    void supportSuspendsTheExposedKeyAndEscalatesWithANote() {
        var vm = vm(Role.SUPPORT);
        TicketDetail d = open(vm, "active");
        var offer = vm.offer(d.exposedKeys().get(0));
        assertThat(offer.action()).isEqualTo(KeyAction.SUSPEND);
        assertThat(offer.allowed()).isTrue();
        var dialog = vm.exposedKeyAction(d.exposedKeys().get(0));
        assertThat(dialog.reasonProperty().get()).startsWith("Key compromise").contains("tkt_1").contains("ai-visual-studio §3");
        dialog.submit();
        assertThat(((dev.gatehouse.api.ActionRequest) api.last("keyAction").arg(1)).action()).isEqualTo("suspend");
        api.last("keyAction").reply(new KeyActionResult("suspend", false, FakeSupportApi.key("suspended", 2), List.of(), "aud_1", null));
        NewTicketMessage note = (NewTicketMessage) api.last("message").arg(1);
        assertThat(note.internal()).isTrue();
        assertThat(note.body()).contains("sk-live-AbCd…9xYz").contains("trust and safety").contains("2026-11-23 11:00");
        // suspended: support has nothing more to offer
        assertThat(vm.offer(new dev.gatehouse.api.TicketExposedKey(FakeSupportApi.key("suspended", 2), "msg_1",
                FakeSupportApi.NOW, FakeSupportApi.NOW, null)).allowed()).isFalse();
    }

    @Test
    void aRoleThatMayRevokeIsOfferedTheRevocationAndAViewerNothing() {
        var lead = vm(Role.TRUST_SAFETY);
        TicketDetail d = open(lead, "suspended");
        var offer = lead.offer(d.exposedKeys().get(0));
        assertThat(offer.action()).isEqualTo(KeyAction.REVOKE);
        assertThat(offer.allowed()).isTrue();
        var dialog = lead.exposedKeyAction(d.exposedKeys().get(0));
        assertThat(dialog.reasonProperty().get()).startsWith("Key compromise").doesNotContain("Suspended by support");
        var viewer = vm(Role.VIEWER);
        TicketDetail v = open(viewer, "active");
        assertThat(viewer.offer(v.exposedKeys().get(0)).allowed()).isFalse();
        assertThat(viewer.exposedKeyAction(v.exposedKeys().get(0))).isNull();
        assertThat(viewer.offer(v.exposedKeys().get(0)).why()).contains("Viewer");
        assertThat(lead.offer(new dev.gatehouse.api.TicketExposedKey(FakeSupportApi.key("revoked", 3), "msg_1",
                FakeSupportApi.NOW, FakeSupportApi.NOW, null)).label()).isEqualTo("Key revoked");
    }

    @Test
    void theCustomersOpenReportsAndRefundsLoadOncePerAccountAndFailOnTheirOwn() {
        var vm = vm(Role.SUPPORT);
        open(vm, "active");
        assertThat(api.last("openReports").arg(0)).isEqualTo("acct_1");
        assertThat(api.last("refunds").arg(0)).isEqualTo("acct_1");
        api.last("openReports").fail(new PlatformException("Abuse reports are not available.", 404, false));
        api.last("refunds").reply(new Page<>(List.of(), null));
        assertThat(vm.reports().state()).isEqualTo(dev.gatehouse.console.shell.Loader.State.FAILED);
        assertThat(vm.refunds().value().data()).isEmpty();
        // a reply answers with the ticket again: the context is not fetched again for the same customer
        vm.draftProperty().set("On it.");
        vm.send();
        api.last("message").reply(FakeSupportApi.detail(FakeSupportApi.ticket("tkt_1", "open", 2, List.of()), FakeSupportApi.key("active", 1)));
        assertThat(api.calls("openReports")).hasSize(1);
        assertThat(api.calls("refunds")).hasSize(1);
        assertThat(vm.detailProperty().get().ticket().state()).isEqualTo("open");
    }

    @Test
    void aMacroWhoseStateTheTicketCannotTakeOnlyAddsTags() {
        Ticket closedSoon = FakeSupportApi.ticket("tkt_1", "solved", 4, List.of("how-to"));
        assertThat(SupportViewModel.macroPatch(closedSoon, BALANCE)).as("already solved, tag already there").isNull();
        Macro tagging = new Macro("mac_2", "Tag", "x", "solved", List.of("vip"));
        TicketPatch p = SupportViewModel.macroPatch(closedSoon, tagging);
        assertThat(p.state()).isNull();
        assertThat(p.tags()).containsExactly("how-to", "vip");
    }

    @Test
    void aDuplicateIsMergedIntoAnotherTicketOfTheCustomerPickedFromItsUnsolvedTickets() {
        var vm = vm(Role.SUPPORT);
        open(vm, "active");
        Ticket other = new Ticket("tkt_2", "acct_1", "Acme Robotics", "billing", "Double charge again", "open", "normal", null, null,
                List.of(), false, 0, FakeSupportApi.NOW.minusSeconds(7200), FakeSupportApi.NOW, FakeSupportApi.NOW, null, false, null,
                null, null, null, 3, 4);
        assertThat(api.last("unsolvedTicketsOf").arg(0)).isEqualTo("acct_1");
        api.last("unsolvedTicketsOf").reply(new Page<>(List.of(FakeSupportApi.ticket("tkt_1", "new", 1, List.of()), other), null));
        assertThat(vm.mergeTargets()).extracting(Ticket::id).as("never itself").containsExactly("tkt_2");
        var dialog = vm.mergeDialog(other);
        dialog.refreshPreview();
        assertThat(dialog.changes().get(0)).contains("tkt_1").contains("closed as a duplicate of tkt_2");
        dialog.reasonProperty().set("Same double charge, written twice");
        dialog.submit();
        var merge = api.last("merge");
        assertThat(merge.arg(0)).isEqualTo("tkt_1");
        assertThat(merge.arg(1)).isEqualTo(new dev.gatehouse.api.TicketMerge("tkt_2", "Same double charge, written twice"));
        merge.reply(FakeSupportApi.detail(other, FakeSupportApi.key("active", 1)));
        assertThat(vm.list().items()).extracting(Ticket::id).doesNotContain("tkt_1");

        var viewer = new SupportViewModel(api, Runnable::run, Role.VIEWER, time, "op_viewer", "Val Viewer");
        assertThat(viewer.mergeDialog(other)).isNull();
    }

    @Test
    void aLeadEditsTheMacrosAndSeesTheRefusedFieldsWithWhatWasTypedKept() {
        var vm = vm(Role.LEAD);
        var editor = vm.macroEditor();
        api.last("macros").reply(new MacroSet(List.of(BALANCE), 2, dev.gatehouse.policy.MacroTemplate.PLACEHOLDERS));
        assertThat(editor.drafts()).hasSize(1);
        assertThat(editor.selectedProperty().get().nameProperty().get()).isEqualTo("Balance");
        var added = editor.add();
        added.nameProperty().set("Key leaked");
        added.bodyProperty().set("Hi {{customer.nickname}}, we revoked key sk-live-abc.");
        assertThat(added.unknownPlaceholdersBinding().get()).isEqualTo("Unknown placeholder {{customer.nickname}}");
        added.setStateProperty().set("pending");
        added.tagsProperty().set("security, key ");
        editor.save();
        assertThat(editor.reasonErrorProperty().get()).startsWith("Reason");
        assertThat(api.calls("replaceMacros")).isEmpty();
        editor.reasonProperty().set("Macro for leaked keys");
        editor.save();
        var put = api.last("replaceMacros");
        assertThat(put.arg(0)).isEqualTo(2L);
        var update = (dev.gatehouse.api.MacroSetUpdate) put.arg(1);
        assertThat(update.macros()).hasSize(2);
        assertThat(update.macros().get(1)).isEqualTo(new Macro(null, "Key leaked",
                "Hi {{customer.nickname}}, we revoked key sk-live-abc.", "pending", List.of("security", "key")));
        put.fail(new dev.gatehouse.console.client.PlatformException("invalid", 422, new dev.gatehouse.api.Problem(
                "https://gatehouse.dev/problems/validation", "Validation failed", 422, "invalid", List.of(
                new dev.gatehouse.api.Problem.FieldError("macros[1].body", "unknown placeholder {{customer.nickname}}"),
                new dev.gatehouse.api.Problem.FieldError("macros[1].body", "holds a secret (card, key, password)"))), false, null));
        assertThat(added.errors().get("body")).contains("unknown placeholder").contains("holds a secret");
        assertThat(added.bodyProperty().get()).as("what was typed stays").contains("sk-live-abc");
        assertThat(editor.selectedProperty().get()).isSameAs(added);
        assertThat(editor.errorProperty().get()).contains("refused 1 macro");
        added.bodyProperty().set("Hi {{customer.name}}, we revoked the key you shared.");
        assertThat(added.errors()).isEmpty();

        // another lead saved first: their version is taken, the edits stay, saving again replaces theirs
        editor.save();
        api.last("replaceMacros").fail(new dev.gatehouse.console.client.PlatformException("stale", 412, new dev.gatehouse.api.Problem(
                "https://gatehouse.dev/problems/stale-version", "Precondition failed", 412, "stale", null), false, null));
        api.last("macros").reply(new MacroSet(List.of(BALANCE, new Macro("mac_9", "Theirs", "x", null, List.of())), 3, Map.of()));
        assertThat(editor.errorProperty().get()).contains("Another lead saved").contains("Theirs");
        assertThat(editor.drafts()).hasSize(2);
        editor.save();
        assertThat(api.last("replaceMacros").arg(0)).isEqualTo(3L);
        api.last("replaceMacros").reply(new MacroSet(List.of(BALANCE, new Macro("mac_2", "Key leaked",
                "Hi {{customer.name}}, we revoked the key you shared.", "pending", List.of("security", "key"))), 4, Map.of()));
        assertThat(vm.macros()).extracting(Macro::name).containsExactly("Balance", "Key leaked");

        var support = new SupportViewModel(api, Runnable::run, Role.SUPPORT, time, "op_support", "Sam Support").macroEditor();
        assertThat(support.mayEdit()).isFalse();
        assertThat(support.add()).isNull();
    }
}
