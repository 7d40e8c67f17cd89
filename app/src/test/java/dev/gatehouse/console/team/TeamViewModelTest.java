package dev.gatehouse.console.team;

import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.NewOperator;
import dev.gatehouse.api.OperatorActionRequest;
import dev.gatehouse.api.OperatorActionResult;
import dev.gatehouse.api.OperatorCreated;
import dev.gatehouse.api.OperatorPatch;
import dev.gatehouse.api.OperatorProfile;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.Problem;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.console.actions.ActionDialogViewModel;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.console.shell.Notice;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class TeamViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    static OperatorProfile op(String id, String role, String status, long version) {
        return new OperatorProfile(id, "Name " + id, id + "@example.com", role, status, NOW.minusSeconds(86400 * 40), null,
                NOW.minusSeconds(86400 * 12), 12, null, version);
    }

    /** The platform, scripted: records what was sent, answers what the test says. */
    static final class FakeTeam implements TeamApi {
        final List<OperatorProfile> team = new ArrayList<>(List.of(op("op_lead", "lead", "active", 1), op("op_sam", "support", "active", 3)));
        final List<Object> sent = new ArrayList<>();
        RuntimeException fail;

        @Override public CompletableFuture<Page<OperatorProfile>> operators(String cursor, int limit) {
            return CompletableFuture.completedFuture(new Page<>(List.copyOf(team), null));
        }
        @Override public CompletableFuture<OperatorCreated> invite(NewOperator body, String key) {
            sent.add(body);
            sent.add(key);
            if (fail != null) {
                return CompletableFuture.failedFuture(fail);
            }
            OperatorProfile created = new OperatorProfile("op_new", body.name(), body.email(), body.role(), "active", NOW, null, NOW, 0,
                    body.expiresAt(), 1);
            return CompletableFuture.completedFuture(new OperatorCreated(created, "gho_secret"));
        }
        @Override public CompletableFuture<OperatorProfile> change(String id, long version, OperatorPatch patch) {
            sent.add(id + "@" + version + ":" + patch.role() + ":" + patch.reason());
            OperatorProfile o = team.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
            return CompletableFuture.completedFuture(new OperatorProfile(o.id(), o.name(), o.email(), patch.role(), o.status(),
                    o.createdAt(), o.lastSeenAt(), o.tokenCreatedAt(), o.tokenAgeDays(), o.tokenExpiresAt(), version + 1));
        }
        @Override public CompletableFuture<OperatorActionResult> act(String id, OperatorActionRequest body, String key) {
            sent.add(id + ":" + body.action() + ":" + body.reason());
            OperatorProfile o = team.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
            boolean rotate = body.action().equals("rotate_token");
            OperatorProfile after = new OperatorProfile(o.id(), o.name(), o.email(), o.role(),
                    body.action().equals("deactivate") ? "deactivated" : "active", o.createdAt(), o.lastSeenAt(),
                    rotate ? NOW : o.tokenCreatedAt(), rotate ? 0 : o.tokenAgeDays(), null, o.version() + 1);
            return CompletableFuture.completedFuture(new OperatorActionResult(body.action(), after, rotate ? "gho_rotated" : null, "aud_1"));
        }
    }

    private final FakeTeam api = new FakeTeam();
    private final List<Notice> notices = new ArrayList<>();
    private final TeamViewModel vm = new TeamViewModel(api, Runnable::run, new OperatorTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC),
            "op_lead", notices::add);

    @Test
    void listsTheTeamWithTokenAges() {
        vm.reload();
        assertThat(vm.operators()).hasSize(2);
        assertThat(vm.countText()).isEqualTo("2 operators, 2 active");
        assertThat(vm.tokenAge(vm.operators().get(1))).isEqualTo("12 days old");
        assertThat(vm.lastSeen(vm.operators().get(1))).isEqualTo("never");
    }

    @Test
    void anInvitationIsCheckedSentOnceAndItsTokenShownUntilDismissed() {
        vm.reload();
        vm.startInvite();
        vm.invite();
        assertThat(vm.inviteErrorProperty().get()).contains("Name is required").contains("Email").contains("Reason");
        assertThat(api.sent).isEmpty();
        vm.inviteNameProperty().set(" Avery Agent ");
        vm.inviteEmailProperty().set("Avery@Example.com");
        vm.inviteRoleProperty().set(Role.SUPPORT);
        vm.inviteExpiresProperty().set("2020-01-01");
        vm.inviteReasonProperty().set("new support agent");
        vm.invite();
        assertThat(vm.inviteErrorProperty().get()).contains("future");
        vm.inviteExpiresProperty().set("2027-06-30");
        vm.invite();
        NewOperator sent = (NewOperator) api.sent.get(0);
        assertThat(sent.name()).isEqualTo("Avery Agent");
        assertThat(sent.email()).isEqualTo("avery@example.com");
        assertThat(sent.expiresAt()).isEqualTo(Instant.parse("2027-06-30T00:00:00Z"));
        assertThat(vm.invitingProperty().get()).isFalse();
        assertThat(vm.revealedProperty().get().token()).isEqualTo("gho_secret");
        assertThat(vm.selectedProperty().get().id()).isEqualTo("op_new");
        assertThat(notices).hasSize(1);
        vm.dismissToken();
        assertThat(vm.revealedProperty().get()).isNull();
    }

    @Test
    void aFailedInvitationKeepsWhatWasTypedAndRetriesWithTheSameKey() {
        vm.startInvite();
        vm.inviteNameProperty().set("Avery");
        vm.inviteEmailProperty().set("avery@example.com");
        vm.inviteReasonProperty().set("new agent");
        api.fail = new PlatformException("The platform did not answer in time.", 0, null, true, null);
        vm.invite();
        assertThat(vm.inviteErrorProperty().get()).contains("did not answer").contains("kept");
        assertThat(vm.inviteNameProperty().get()).isEqualTo("Avery");
        api.fail = null;
        vm.invite();
        assertThat(api.sent.get(1)).as("the same Idempotency-Key").isEqualTo(api.sent.get(3));
        assertThat(vm.revealedProperty().get()).isNotNull();
    }

    @Test
    void aRoleChangeGoesThroughTheReasonDialogWithTheVersion() {
        vm.reload();
        vm.selectedProperty().set(vm.operators().get(1));
        assertThat(vm.changeRoleDialog()).as("nothing to change yet").isNull();
        vm.newRoleProperty().set(Role.OPS);
        ActionDialogViewModel<OperatorProfile> dialog = vm.changeRoleDialog();
        dialog.refreshPreview();
        assertThat(dialog.changes().get(0)).contains("from Support to Ops");
        dialog.reasonProperty().set("moved to ops");
        dialog.submit();
        assertThat(api.sent).containsExactly("op_sam@3:ops:moved to ops");
        assertThat(vm.operators().get(1).role()).isEqualTo("ops");
    }

    @Test
    void rotatingShowsTheNewTokenOnceAndDeactivatingShowsNone() {
        vm.reload();
        vm.selectedProperty().set(vm.operators().get(1));
        var rotate = vm.actionDialog("rotate_token");
        rotate.reasonProperty().set("token leaked in a screenshot");
        rotate.submit();
        assertThat(vm.revealedProperty().get().token()).isEqualTo("gho_rotated");
        vm.dismissToken();
        var deactivate = vm.actionDialog("deactivate");
        deactivate.reasonProperty().set("left the company");
        deactivate.submit();
        assertThat(vm.revealedProperty().get()).isNull();
        assertThat(vm.selectedProperty().get().status()).isEqualTo("deactivated");
        assertThat(api.sent).containsExactly("op_sam:rotate_token:token leaked in a screenshot", "op_sam:deactivate:left the company");
    }
}
