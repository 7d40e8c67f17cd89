package dev.gatehouse.console.tiers;

import dev.gatehouse.api.AccountLimits;
import dev.gatehouse.api.LimitChange;
import dev.gatehouse.api.LimitsPreview;
import dev.gatehouse.api.LimitsRequest;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.RateTier;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class TiersViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RateTier FREE = new RateTier("free", 10, 100, 2, false, 1, null, 985, 2773, null);

    static final class FakeApi implements TiersApi {
        RateTier tier = FREE;
        boolean noticeOk;
        Throwable putFailure;
        final List<LimitsRequest> sent = new ArrayList<>();

        @Override public CompletableFuture<List<RateTier>> tiers() { return CompletableFuture.completedFuture(List.of(tier)); }

        @Override
        public CompletableFuture<LimitsPreview> previewTier(String name, LimitsRequest body) {
            sent.add(body);
            var e = new LimitsPreview.Exceedance(7, 4385, 12, 0, 10, 0);
            return CompletableFuture.completedFuture(new LimitsPreview(name, "tightening", new LimitChange.Limits(10, 100, 2),
                    new LimitChange.Limits(body.rpm().intValue(), body.rpd().intValue(), body.concurrent().intValue()),
                    body.effectiveAt() == null ? NOW : Instant.parse(body.effectiveAt()), Instant.parse("2026-12-28T09:00:00Z"), noticeOk,
                    false, 985, 2773, e, new LimitsPreview.Exceedance(7, 4385, 40, 0, 33, 0)));
        }

        @Override
        public CompletableFuture<RateTier> putTier(String name, long version, LimitsRequest body) {
            sent.add(body);
            if (putFailure != null) {
                return CompletableFuture.failedFuture(putFailure);
            }
            LimitChange scheduled = new LimitChange("lim_1", "tier", name, "scheduled", "tightening", new LimitChange.Limits(10, 100, 2),
                    new LimitChange.Limits(8, 100, 2), Instant.parse(body.effectiveAt()), NOW, Instant.parse(body.effectiveAt()), false,
                    body.reason(), "op_ops", null, null, null, null);
            return CompletableFuture.completedFuture(new RateTier(name, 10, 100, 2, false, version + 1, NOW, 985, 2773, scheduled));
        }

        @Override public CompletableFuture<AccountLimits> accountLimits(String id) {
            return CompletableFuture.completedFuture(new AccountLimits(id, "Big Co", "pro", false, "tier:pro", 120, 10000, 20, 1, null, null, null));
        }

        @Override public CompletableFuture<LimitsPreview> previewAccount(String id, LimitsRequest body) { return previewTier(id, body); }

        @Override public CompletableFuture<AccountLimits> putAccount(String id, long version, LimitsRequest body) {
            return CompletableFuture.failedFuture(new IllegalStateException("not used"));
        }

        final List<String> searched = new ArrayList<>();
        List<dev.gatehouse.api.Account> enterprise = List.of();

        @Override public CompletableFuture<List<dev.gatehouse.api.Account>> enterpriseAccounts(String q) {
            searched.add(q);
            return CompletableFuture.completedFuture(enterprise);
        }

        final List<String> cancelled = new ArrayList<>();

        @Override public CompletableFuture<LimitChange> cancel(String changeId, String reason, String idempotencyKey) {
            cancelled.add(changeId + ": " + reason);
            tier = new RateTier(tier.name(), tier.rpm(), tier.rpd(), tier.concurrent(), false, tier.version() + 1, NOW, 985, 2773, null);
            return CompletableFuture.completedFuture(new LimitChange(changeId, "tier", tier.name(), "cancelled", "tightening",
                    new LimitChange.Limits(10, 100, 2), new LimitChange.Limits(8, 100, 2), NOW.plusSeconds(40 * 86400), NOW,
                    NOW.plusSeconds(30 * 86400), false, "x", "op_ops", null, NOW, "op_ops", reason));
        }
    }

    @Test
    void fieldsAreValidatedAsTypedAndATighteningNeedsNoticeToBeSaved() {
        FakeApi api = new FakeApi();
        TiersViewModel vm = new TiersViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.start();
        vm.selectTier(FREE);
        assertThat(vm.rpmProperty().get()).isEqualTo("10");
        vm.rpdProperty().set("5");
        assertThat(vm.rpdErrorProperty().get()).contains("at least rpm");
        vm.rpdProperty().set("100");
        vm.concurrentProperty().set("two");
        assertThat(vm.concurrentErrorProperty().get()).contains("whole number");
        vm.concurrentProperty().set("2");
        vm.rpmProperty().set("8");
        assertThat(vm.kindTextProperty().get()).startsWith("Tightening");
        vm.reasonProperty().set("Abuse wave on free keys");
        vm.preview();
        assertThat(vm.noticeTextProperty().get()).startsWith("Not enough notice").contains("28 Dec 2026");
        assertThat(vm.exceedance()).anyMatch(s -> s.contains("12 now → 40"));
        assertThat(vm.canSaveBinding().get()).isFalse();

        api.noticeOk = true;
        vm.useEarliest();
        vm.preview();
        assertThat(vm.canSaveBinding().get()).isTrue();
        vm.save();
        assertThat(api.sent.get(api.sent.size() - 1).reason()).isEqualTo("Abuse wave on free keys");
        assertThat(vm.messageProperty().get()).startsWith("Scheduled for 28 Dec 2026");
    }

    @Test
    void a412ShowsTheirLimitsAndOnlyEnterpriseAccountsOpen() {
        FakeApi api = new FakeApi();
        TiersViewModel vm = new TiersViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.selectTier(FREE);
        vm.rpmProperty().set("20");
        vm.rpdProperty().set("200");
        vm.reasonProperty().set("more room");
        api.noticeOk = true;
        vm.preview();
        api.putFailure = new PlatformException("stale", 412, new Problem(ProblemType.STALE_VERSION.uri(), "t", 412, "d", List.of()), false, null);
        api.tier = new RateTier("free", 15, 150, 2, false, 2, NOW, 985, 2773, null);
        vm.save();
        assertThat(vm.conflicts()).containsExactly("rpm is now 15 (you started from 10)", "rpd is now 150 (you started from 10" + "0)");
        vm.retryWithMine();
        assertThat(vm.rpmProperty().get()).isEqualTo("20");
        assertThat(vm.targetProperty().get().version()).isEqualTo(2);

        vm.accountIdProperty().set("acct_pro");
        vm.openAccount();
        assertThat(vm.accountMessageProperty().get()).contains("only Enterprise accounts");
        TiersViewModel viewer = new TiersViewModel(api, Runnable::run, Role.SUPPORT, CLOCK);
        viewer.selectTier(FREE);
        assertThat(viewer.canPreviewBinding().get()).isFalse();
    }

    @Test
    void theAccountPickerSearchesEnterpriseAccountsAndOneMatchOpensAtOnce() {
        FakeApi api = new FakeApi();
        TiersViewModel vm = new TiersViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.accountIdProperty().set("  ");
        vm.openAccount();
        assertThat(vm.accountMessageProperty().get()).contains("name, email or id");
        vm.accountIdProperty().set("nobody");
        vm.openAccount();
        assertThat(api.searched).containsExactly("nobody");
        assertThat(vm.accountMessageProperty().get()).contains("No Enterprise account matches");
        dev.gatehouse.api.Account big = new dev.gatehouse.api.Account("acct_big", "Big Co", "ops@big.example", "active", "enterprise",
                java.math.BigDecimal.TEN, "USD", NOW, null, 1);
        dev.gatehouse.api.Account other = new dev.gatehouse.api.Account("acct_other", "Bigger Co", "ops@bigger.example", "active",
                "enterprise", java.math.BigDecimal.TEN, "USD", NOW, null, 1);
        api.enterprise = List.of(big, other);
        vm.accountIdProperty().set("big");
        vm.openAccount();
        assertThat(vm.accountMatches()).containsExactly(big, other);
        assertThat(vm.targetProperty().get()).as("two matches: the operator picks").isNull();
        vm.pickAccount(big);
        // the fake answers every account as pro: the picker still refuses a non-Enterprise account's limits
        assertThat(vm.accountMessageProperty().get()).contains("only Enterprise accounts");
        api.enterprise = List.of(big);
        vm.accountIdProperty().set("ops@big.example");
        vm.openAccount();
        assertThat(api.searched).last().isEqualTo("ops@big.example");
        assertThat(vm.accountMessageProperty().get()).as("one match opens at once").contains("only Enterprise accounts");
    }

    @Test
    void aScheduledChangeIsCancelledWithAReasonAndTheTierReloads() {
        FakeApi api = new FakeApi();
        LimitChange pending = new LimitChange("lim_9", "tier", "free", "scheduled", "tightening", new LimitChange.Limits(10, 100, 2),
                new LimitChange.Limits(8, 100, 2), NOW.plusSeconds(40 * 86400), NOW, NOW.plusSeconds(30 * 86400), false,
                "Capacity", "op_ops", null, null, null, null);
        api.tier = new RateTier("free", 10, 100, 2, false, 3, NOW, 985, 2773, pending);
        TiersViewModel vm = new TiersViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.start();
        vm.selectTier(api.tier);
        assertThat(vm.canCancelBinding().get()).as("a reason is required").isFalse();
        vm.cancelReasonProperty().set("Capacity arrived after all");
        assertThat(vm.canCancelBinding().get()).isTrue();
        vm.cancelScheduled();
        assertThat(api.cancelled).containsExactly("lim_9: Capacity arrived after all");
        assertThat(vm.messageProperty().get()).startsWith("Withdrawn: the tightening");
        assertThat(vm.targetProperty().get().scheduled()).isNull();
        assertThat(vm.targetProperty().get().version()).isEqualTo(4);
        assertThat(vm.cancelReasonProperty().get()).isEmpty();
        TiersViewModel viewer = new TiersViewModel(api, Runnable::run, Role.VIEWER, CLOCK);
        viewer.selectTier(new RateTier("free", 10, 100, 2, false, 3, NOW, 985, 2773, pending));
        viewer.cancelReasonProperty().set("x");
        assertThat(viewer.canCancelBinding().get()).as("read-only for viewers").isFalse();
    }

    @Test
    void afterA412TheOperatorMayTakeTheirs() {
        FakeApi api = new FakeApi();
        TiersViewModel vm = new TiersViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.selectTier(FREE);
        vm.rpmProperty().set("20");
        vm.rpdProperty().set("200");
        vm.reasonProperty().set("more room");
        api.noticeOk = true;
        vm.preview();
        api.putFailure = new PlatformException("stale", 412, new Problem(ProblemType.STALE_VERSION.uri(), "t", 412, "d", List.of()), false, null);
        api.tier = new RateTier("free", 15, 150, 2, false, 2, NOW, 985, 2773, null);
        vm.save();
        assertThat(vm.conflicts()).isNotEmpty();
        vm.takeTheirs();
        assertThat(vm.conflicts()).isEmpty();
        assertThat(vm.rpmProperty().get()).isEqualTo("15");
        assertThat(vm.targetProperty().get().version()).isEqualTo(2);
    }
}
