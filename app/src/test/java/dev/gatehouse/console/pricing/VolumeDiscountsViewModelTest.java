package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Problem;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.VolumeDiscountChange;
import dev.gatehouse.api.VolumeDiscountRequest;
import dev.gatehouse.api.VolumeDiscountSchedule;
import dev.gatehouse.api.VolumeDiscountStep;
import dev.gatehouse.console.client.PlatformException;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class VolumeDiscountsViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static VolumeDiscountStep step(String from, String off) {
        return new VolumeDiscountStep(new BigDecimal(from), new BigDecimal(off));
    }

    static final class FakeApi implements VolumeDiscountsApi {
        VolumeDiscountSchedule schedule = new VolumeDiscountSchedule(List.of(step("1000.000000", "3.00"), step("10000.000000", "7.50")), 3,
                NOW, "op_ops", null, List.of(new VolumeDiscountChange("vdc_1", "applied", "decrease",
                List.of(step("1000.000000", "3.00"), step("10000.000000", "7.50")), NOW.minusSeconds(86400), NOW.minusSeconds(86400),
                NOW.minusSeconds(86400), false, "Quarterly review", "op_ops", NOW.minusSeconds(86400))));
        Throwable putFailure;
        final List<VolumeDiscountRequest> sent = new ArrayList<>();
        final List<Long> versions = new ArrayList<>();

        @Override public CompletableFuture<VolumeDiscountSchedule> schedule() { return CompletableFuture.completedFuture(schedule); }

        @Override
        public CompletableFuture<VolumeDiscountSchedule> put(long version, VolumeDiscountRequest body) {
            sent.add(body);
            versions.add(version);
            if (putFailure != null) {
                return CompletableFuture.failedFuture(putFailure);
            }
            List<VolumeDiscountStep> steps = body.steps().stream().map(d -> step(d.monthlySpendFrom(), d.percentOff())).toList();
            VolumeDiscountChange c = new VolumeDiscountChange("vdc_2", body.effectiveAt() == null ? "applied" : "scheduled", "raise", steps,
                    body.effectiveAt() == null ? NOW : Instant.parse(body.effectiveAt()), NOW, NOW.plusSeconds(30 * 86400), false,
                    body.reason(), "op_ops", null);
            schedule = new VolumeDiscountSchedule(body.effectiveAt() == null ? steps : schedule.steps(), version + 1, NOW, "op_ops",
                    body.effectiveAt() == null ? null : c, List.of(c));
            return CompletableFuture.completedFuture(schedule);
        }
    }

    @Test
    void tiersAreValidatedAsTypedAndLessDiscountNeedsThirtyDaysNotice() {
        FakeApi api = new FakeApi();
        VolumeDiscountsViewModel vm = new VolumeDiscountsViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.start();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.rows().get(1).offProperty().get()).isEqualTo("7.5");
        assertThat(vm.inForceProperty().get()).contains("from $1,000.00 a month 3 % off");
        assertThat(vm.history()).singleElement().satisfies(h -> {
            assertThat(h.what()).isEqualTo("applied decrease");
            assertThat(h.who()).isEqualTo("op_ops: Quarterly review");
        });
        assertThat(vm.kindTextProperty().get()).contains("nothing to save");
        assertThat(vm.canSaveBinding().get()).isFalse();

        vm.rows().get(1).offProperty().set("7.555");
        assertThat(vm.rows().get(1).errorProperty().get()).contains("2 decimals");
        vm.rows().get(1).offProperty().set("2");
        assertThat(vm.rows().get(1).errorProperty().get()).contains("never earns a smaller discount");
        vm.rows().get(1).offProperty().set("6");
        assertThat(vm.rows().get(1).errorProperty().get()).isEmpty();
        assertThat(vm.kindTextProperty().get()).contains("price raise").contains("28 Dec 2026 09:00");
        assertThat(vm.noticeOkProperty().get()).isFalse();
        vm.reasonProperty().set("Margins review (apimart §6)");
        assertThat(vm.canSaveBinding().get()).as("a raise without notice").isFalse();
        vm.useEarliest(); // 30 days on is 09:00 exactly; a minute's slack makes it the next whole hour
        assertThat(vm.effectiveAtProperty().get()).isEqualTo("2026-12-28T10:00:00Z");
        assertThat(vm.noticeOkProperty().get()).isTrue();
        assertThat(vm.canSaveBinding().get()).isTrue();
        vm.save();
        assertThat(api.versions).containsExactly(3L);
        assertThat(api.sent.get(0).steps().get(1).percentOff()).isEqualTo("6");
        assertThat(vm.messageProperty().get()).startsWith("Scheduled for 28 Dec 2026");
        assertThat(vm.scheduledProperty().get()).contains("6 % off");
        assertThat(vm.rows().get(1).offProperty().get()).as("the form shows what is in force again").isEqualTo("7.5");
    }

    @Test
    void moreDiscountAppliesAtOnceAndRowsAreAddedAndRemoved() {
        FakeApi api = new FakeApi();
        VolumeDiscountsViewModel vm = new VolumeDiscountsViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.start();
        vm.addRow();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.rows().get(2).errorProperty().get()).contains("Monthly spend");
        vm.rows().get(2).fromProperty().set("50,000");
        vm.rows().get(2).offProperty().set("10");
        assertThat(vm.kindTextProperty().get()).contains("price decrease");
        assertThat(vm.noticeOkProperty().get()).isTrue();
        vm.reasonProperty().set("Top tier");
        vm.save();
        assertThat(api.sent.get(0).effectiveAt()).isNull();
        assertThat(api.sent.get(0).steps().get(2).monthlySpendFrom()).isEqualTo("50000");
        assertThat(vm.messageProperty().get()).contains("in force");
        vm.removeRow(vm.rows().get(0));
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.kindTextProperty().get()).contains("price raise");

        VolumeDiscountsViewModel viewer = new VolumeDiscountsViewModel(api, Runnable::run, Role.VIEWER, CLOCK);
        viewer.start();
        viewer.addRow();
        assertThat(viewer.rows()).hasSize(3);
        viewer.reasonProperty().set("x");
        assertThat(viewer.canSaveBinding().get()).isFalse();
    }

    @Test
    void a412ShowsWhatTheOtherOperatorChangedAndKeepsWhatWasTyped() {
        FakeApi api = new FakeApi();
        VolumeDiscountsViewModel vm = new VolumeDiscountsViewModel(api, Runnable::run, Role.OPS, CLOCK);
        vm.start();
        vm.rows().get(0).offProperty().set("4");
        vm.reasonProperty().set("deeper first tier");
        api.putFailure = new PlatformException("stale", 412, new Problem(ProblemType.STALE_VERSION.uri(), "t", 412, "d", List.of()), false, null);
        api.schedule = new VolumeDiscountSchedule(List.of(step("2000.000000", "3.00")), 4, NOW, "op_lead", null, List.of());
        vm.save();
        assertThat(vm.conflicts()).singleElement().asString().contains("In force now: from $2,000.00 a month 3 % off");
        vm.retryWithMine();
        assertThat(vm.conflicts()).isEmpty();
        assertThat(vm.rows().get(0).offProperty().get()).isEqualTo("4");
        api.putFailure = null;
        vm.reasonProperty().set("deeper first tier");
        vm.save();
        assertThat(api.versions).containsExactly(3L, 4L);

        api.putFailure = new PlatformException("stale", 412, new Problem(ProblemType.STALE_VERSION.uri(), "t", 412, "d", List.of()), false, null);
        api.schedule = new VolumeDiscountSchedule(List.of(step("5000.000000", "1.00")), 9, NOW, "op_lead", null, List.of());
        vm.rows().get(0).offProperty().set("5");
        vm.reasonProperty().set("again");
        vm.save();
        vm.takeTheirs();
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.rows().get(0).fromProperty().get()).isEqualTo("5000");
    }
}
