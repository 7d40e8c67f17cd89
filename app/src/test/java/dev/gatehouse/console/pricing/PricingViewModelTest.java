package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.ModelPrices;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceBatch;
import dev.gatehouse.api.PriceChange;
import dev.gatehouse.api.PriceChangeLine;
import dev.gatehouse.api.PriceChangeRequest;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.PricePreview;
import dev.gatehouse.api.PriceVersion;
import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.ProviderSummary;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PricingViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Model MODEL = new Model("mdl_a", "openai/gpt-4.1", "GPT-4.1", "OpenAI", "GPT-4.1", "chat", "active", 1_000_000, 32_000,
            List.of(), "USD", new BigDecimal("1.500000"), List.of(line("input_mtok", "2.00"), line("output_mtok", "8.00")),
            LocalDate.of(2025, 4, 14), NOW, 3);

    static PriceLine line(String unit, String base) {
        BigDecimal b = new BigDecimal(base).setScale(6);
        return new PriceLine(unit, null, b, b.multiply(new BigDecimal("1.5")).setScale(6));
    }

    static ModelPrices prices(long version, List<PriceLine> card, List<PriceChange> scheduled) {
        PriceVersion current = new PriceVersion("current", null, null, new BigDecimal("1.500000"), null, false, card);
        return new ModelPrices("mdl_a", "GPT-4.1", "OpenAI", "chat", "active", version, current, scheduled, List.of(), null, null);
    }

    static PricePreview preview(boolean noticeOk) {
        PricePreview.PriceImpact impact = new PricePreview.PriceImpact(30, 2, 2, new BigDecimal("9.600000"), new BigDecimal("10.500000"),
                new BigDecimal("0.900000"), new BigDecimal("9.38"), "USD",
                List.of(new PricePreview.AccountImpact("acct_a", "Impact A", new BigDecimal("9.000000"), new BigDecimal("9.750000"),
                        new BigDecimal("0.750000"), new BigDecimal("8.33"))), 0);
        PriceChangeLine l = new PriceChangeLine("input_mtok", null, new BigDecimal("2.000000"), new BigDecimal("3.000000"),
                new BigDecimal("2.500000"), new BigDecimal("3.750000"), new BigDecimal("25.00"), "raised");
        return new PricePreview("raise", Instant.parse("2026-12-28T09:00:00Z"), Instant.parse("2026-12-28T09:00:00Z"), noticeOk, false, 1, 1,
                List.of(new PricePreview.ModelPreview("mdl_a", "GPT-4.1", "OpenAI", "chat", "USD", "raise", Instant.parse("2026-12-28T09:00:00Z"),
                        noticeOk, new BigDecimal("1.500000"), new BigDecimal("1.500000"), List.of(l))), impact, "a".repeat(64));
    }

    /** A platform that answers from fields the test sets, and records what it was sent. */
    static final class FakeApi implements PricingApi {
        ModelPrices prices = PricingViewModelTest.prices(3, MODEL.priceCard(), List.of());
        ModelPrices theirs;
        PricePreview preview = PricingViewModelTest.preview(true);
        Throwable scheduleFailure;
        Throwable bulkFailure;
        final List<PriceChangeRequest> previews = new ArrayList<>();
        final List<Long> versions = new ArrayList<>();
        final List<PriceChangeRequest> saved = new ArrayList<>();

        @Override public CompletableFuture<Page<Model>> models(String q) { return CompletableFuture.completedFuture(new Page<>(List.of(MODEL), null)); }
        @Override public CompletableFuture<List<ProviderSummary>> providers() { return CompletableFuture.completedFuture(List.of()); }

        @Override
        public CompletableFuture<ModelPrices> prices(String modelId) {
            return CompletableFuture.completedFuture(theirs != null && !versions.isEmpty() ? theirs : prices);
        }

        @Override
        public CompletableFuture<PricePreview> preview(PriceChangeRequest body) {
            previews.add(body);
            return CompletableFuture.completedFuture(preview);
        }

        @Override
        public CompletableFuture<PriceChange> schedule(PriceChangeRequest body, long version, String key) {
            versions.add(version);
            saved.add(body);
            if (scheduleFailure != null) {
                return CompletableFuture.failedFuture(scheduleFailure);
            }
            return CompletableFuture.completedFuture(new PriceChange("pc_1", "mdl_a", "GPT-4.1", "OpenAI", null, "scheduled", "raise",
                    new BigDecimal("1.500000"), Instant.parse("2026-12-28T09:00:00Z"), NOW, Instant.parse("2026-12-28T09:00:00Z"), true, false,
                    body.reason(), "op_ops", null, null, null, null, 4, List.of()));
        }

        @Override
        public CompletableFuture<PriceBatch> commitBulk(PriceChangeRequest body, String key) {
            saved.add(body);
            return bulkFailure != null ? CompletableFuture.failedFuture(bulkFailure)
                    : CompletableFuture.completedFuture(new PriceBatch("pcb_1", 12, List.of(), "aud_1"));
        }

        @Override
        public CompletableFuture<PriceChange> cancel(String id, String reason, String key) {
            return CompletableFuture.failedFuture(new IllegalStateException("not used"));
        }
    }

    static PlatformException problem(ProblemType type) {
        return new PlatformException("the platform said no", type.status(), new Problem(type.uri(), type.name(), type.status(), "no", List.of()),
                false, null);
    }

    @Test
    void typedPricesAreValidatedAsTheOperatorTypesAndAPreviewComesBeforeSaving() {
        FakeApi api = new FakeApi();
        PricingViewModel vm = new PricingViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.selectedProperty().set(MODEL);
        assertThat(vm.draft()).hasSize(2);
        PricingViewModel.DraftLine in = vm.draft().get(0);
        in.baseProperty().set("2.1234567");
        assertThat(in.errorProperty().get()).contains("7 decimals");
        assertThat(vm.canPreviewBinding().get()).isFalse();
        in.baseProperty().set("NaN");
        assertThat(in.errorProperty().get()).contains("finite");
        in.baseProperty().set("-1");
        assertThat(in.errorProperty().get()).contains("negative");
        in.baseProperty().set("2.50");
        assertThat(in.errorProperty().get()).isEmpty();
        assertThat(in.newApiProperty().get()).isEqualTo("$3.75");
        vm.effectiveAtProperty().set("next tuesday");
        assertThat(vm.effectiveErrorProperty().get()).contains("offset");
        vm.useEarliest(); // 30 days on is 09:00 exactly; a minute's slack makes it the next whole hour
        assertThat(vm.effectiveAtProperty().get()).isEqualTo("2026-12-28T10:00:00Z");
        assertThat(vm.canSaveBinding().get()).as("no preview yet").isFalse();

        vm.preview();
        assertThat(api.previews).hasSize(1);
        assertThat(api.previews.get(0).lines().get(0).base()).isEqualTo("2.50");
        assertThat(vm.diff()).extracting(PricingViewModel.DiffRow::percent).containsExactly("+25.00 %");
        assertThat(vm.noticeTextProperty().get()).startsWith("Notice satisfied");
        assertThat(vm.impactTextProperty().get()).contains("2 of 2 accounts", "+$0.90", "+9.38 %", "$9.60 → $10.50");
        assertThat(vm.largest()).extracting(PricingViewModel.AccountRow::account).containsExactly("Impact A");
        assertThat(vm.canSaveBinding().get()).as("needs a reason").isFalse();
        vm.reasonProperty().set("Provider raised input by 25%");
        assertThat(vm.canSaveBinding().get()).isTrue();
        in.baseProperty().set("2.60");
        assertThat(vm.canSaveBinding().get()).as("an edit makes the preview stale").isFalse();
        in.baseProperty().set("2.50");
        vm.preview();
        vm.save();
        assertThat(api.versions).containsExactly(3L);
        assertThat(api.saved.get(0).previewHash()).isEqualTo("a".repeat(64));
        assertThat(vm.messageProperty().get()).contains("Scheduled for 28 Dec 2026", "4 customer notices");
    }

    @Test
    void aShortNoticeCannotBeSavedUnlessALeadOverrides() {
        FakeApi api = new FakeApi();
        api.preview = preview(false);
        PricingViewModel ops = new PricingViewModel(api, Runnable::run, Role.OPS, CLOCK);
        ops.selectedProperty().set(MODEL);
        ops.reasonProperty().set("why");
        ops.preview();
        assertThat(ops.noticeTextProperty().get()).startsWith("Not enough notice").contains("Earliest allowed: 28 Dec 2026");
        assertThat(ops.canSaveBinding().get()).isFalse();
        ops.emergencyProperty().set(true);
        ops.preview();
        assertThat(ops.canSaveBinding().get()).as("ops may not override").isFalse();

        PricingViewModel lead = new PricingViewModel(api, Runnable::run, Role.LEAD, CLOCK);
        lead.selectedProperty().set(MODEL);
        lead.reasonProperty().set("Security: provider surcharge");
        lead.emergencyProperty().set(true);
        lead.preview();
        assertThat(lead.canSaveBinding().get()).isTrue();
        PricingViewModel viewer = new PricingViewModel(api, Runnable::run, Role.VIEWER, CLOCK);
        viewer.selectedProperty().set(MODEL);
        assertThat(viewer.canEdit()).isFalse();
        assertThat(viewer.canPreviewBinding().get()).isFalse();
    }

    @Test
    void a412ShowsWhatTheOtherOperatorChangedAndRetryKeepsMyPrices() {
        FakeApi api = new FakeApi();
        api.scheduleFailure = problem(ProblemType.STALE_VERSION);
        api.theirs = prices(4, List.of(line("input_mtok", "2.20"), line("output_mtok", "8.00")), List.of());
        PricingViewModel vm = new PricingViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.selectedProperty().set(MODEL);
        vm.draft().get(1).baseProperty().set("9.00");
        vm.reasonProperty().set("output up");
        vm.useEarliest();
        vm.preview();
        vm.save();
        assertThat(vm.conflicts()).containsExactly("input_mtok is now $3.30 (you saw $3.00)");
        assertThat(vm.canSaveBinding().get()).isFalse();
        vm.retryWithMine();
        assertThat(vm.conflicts()).isEmpty();
        assertThat(vm.draft().get(1).baseProperty().get()).as("my typed price is kept").isEqualTo("9.00");
        assertThat(vm.draft().get(0).current().api()).isEqualByComparingTo("3.30");
        api.scheduleFailure = null;
        vm.preview();
        vm.save();
        assertThat(api.versions).containsExactly(3L, 4L);
    }

    @Test
    void theBulkFlowPreviewsThenCommitsExactlyThatPreviewAndA409AsksForANewOne() {
        FakeApi api = new FakeApi();
        PricingViewModel vm = new PricingViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.bulkProviderProperty().set("OpenAI");
        vm.bulkValueProperty().set("-100");
        assertThat(vm.bulkValueErrorProperty().get()).contains("above -100");
        vm.bulkModeProperty().set("markup");
        vm.bulkValueProperty().set("0.9");
        assertThat(vm.bulkValueErrorProperty().get()).contains("between 1 and 10");
        vm.bulkModeProperty().set("percent");
        vm.bulkValueProperty().set("+5");
        assertThat(vm.canBulkPreviewBinding().get()).isTrue();
        vm.useEarliestForBulk();
        vm.previewBulk();
        assertThat(api.previews.get(0).filter().provider()).isEqualTo("OpenAI");
        assertThat(api.previews.get(0).adjustment().percent()).isEqualTo("+5");
        assertThat(vm.bulkRows()).hasSize(1);
        assertThat(vm.bulkSummaryProperty().get()).startsWith("1 models, 1 lines: a raise");
        assertThat(vm.canCommitBinding().get()).as("needs a reason").isFalse();
        vm.bulkReasonProperty().set("Provider raise");
        assertThat(vm.canCommitBinding().get()).isTrue();
        vm.commitBulk();
        assertThat(api.saved.get(0).previewHash()).isEqualTo("a".repeat(64));
        assertThat(vm.bulkMessageProperty().get()).contains("pcb_1", "12 customer notices");

        api.bulkFailure = problem(ProblemType.CONFLICT);
        vm.previewBulk();
        vm.commitBulk();
        assertThat(vm.bulkMessageProperty().get()).contains("catalog changed");
        assertThat(vm.canCommitBinding().get()).isFalse();
    }

    @Test
    void aBulkDeepLinkFillsTheFilterAndAdjustmentAndPreviews() {
        FakeApi api = new FakeApi();
        PricingViewModel vm = new PricingViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.openBulkLink("provider=Open%20AI&modality=chat&percent=5");
        assertThat(vm.bulkProviderProperty().get()).isEqualTo("Open AI");
        assertThat(api.previews.get(0).filter().provider()).isEqualTo("Open AI");
        assertThat(api.previews.get(0).filter().modality()).isEqualTo("chat");
        assertThat(api.previews.get(0).adjustment().percent()).isEqualTo("5");
        vm.openBulkLink("provider=OpenAI&markup=1.2");
        assertThat(vm.bulkModeProperty().get()).isEqualTo("markup");
        assertThat(api.previews.get(1).adjustment().markup()).isEqualTo("1.2");
    }
}
