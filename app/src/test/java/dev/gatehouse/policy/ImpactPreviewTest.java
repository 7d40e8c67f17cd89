package dev.gatehouse.policy;

import dev.gatehouse.api.PriceLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImpactPreviewTest {
    private static PriceLine line(String unit, String variant, String api) {
        return new PriceLine(unit, variant, new BigDecimal(api), new BigDecimal(api));
    }

    private static ImpactPreview.Usage use(String account, String model, String unit, String variant, String units) {
        return new ImpactPreview.Usage(account, model, unit, variant, new BigDecimal(units));
    }

    private static final Map<String, List<PriceLine>> BEFORE = Map.of(
            "mdl_chat", List.of(line("input_mtok", null, "1.875"), line("output_mtok", null, "15")),
            "mdl_img", List.of(line("image", "1024x1024", "0.063"), line("image", "1536x1024", "0.0945")),
            "mdl_video", List.of(line("video_second", "720p", "0.15")));
    /** Chat input +10 %, image 1024x1024 down to 0.0525 and 1536x1024 removed; video untouched (not in the change). */
    private static final Map<String, List<PriceLine>> AFTER = Map.of(
            "mdl_chat", List.of(line("input_mtok", null, "2.0625"), line("output_mtok", null, "15")),
            "mdl_img", List.of(line("image", "1024x1024", "0.0525")));

    private static final List<ImpactPreview.Usage> USAGE = List.of(
            use("acc_a", "mdl_chat", "input_mtok", null, "2000000"),
            use("acc_a", "mdl_chat", "output_mtok", null, "100000"),
            use("acc_b", "mdl_img", "image", "1024x1024", "10"),
            use("acc_b", "mdl_img", "image", "1536x1024", "4"),
            use("acc_b", "mdl_video", "video_second", "720p", "20"),
            use("acc_c", "mdl_chat", "input_mtok", null, "1234"),
            use("acc_d", "mdl_video", "video_second", "720p", "10"));

    /*
     * By hand:
     *   acc_a  old 2,000,000 × 1.875 / 1M = 3.75     + 100,000 × 15 / 1M = 1.5  → 5.25
     *          new 2,000,000 × 2.0625 / 1M = 4.125   + 1.5                      → 5.625      delta +0.375   +7.14 %
     *   acc_b  old 10 × 0.063 = 0.63   + 20 × 0.15 = 3.0                         → 3.63
     *          new 10 × 0.0525 = 0.525 + 3.0                                     → 3.525      delta -0.105   -2.89 %
     *          (4 images at 1536x1024 have no new price: one unpriced row, left out of both)
     *   acc_c  old 1,234 × 1.875 / 1M = 0.00231375, new 1,234 × 2.0625 / 1M = 0.002545125  delta +0.000231375 +10.00 %
     *   acc_d  old = new = 10 × 0.15 = 1.5                                                   delta 0 (not affected)
     *   total  old 10.38231375, new 10.652545125, delta +0.270231375, +2.60 %; 3 of 4 accounts affected
     */
    @Test
    void matchesTheHandComputedCase() {
        ImpactPreview.Result r = ImpactPreview.compute(USAGE, BEFORE, AFTER, 2);
        assertThat(r.accountsWithUsage()).isEqualTo(4);
        assertThat(r.accountsAffected()).isEqualTo(3);
        assertThat(r.oldTotal()).isEqualByComparingTo("10.38231375");
        assertThat(r.newTotal()).isEqualByComparingTo("10.652545125");
        assertThat(r.delta()).isEqualByComparingTo("0.270231375");
        assertThat(r.percent().toPlainString()).isEqualTo("2.60");
        assertThat(r.unpricedRows()).isEqualTo(1);
        assertThat(r.largest()).extracting(ImpactPreview.AccountImpact::accountId).containsExactly("acc_a", "acc_b");
        ImpactPreview.AccountImpact a = r.largest().get(0);
        assertThat(a.oldCost()).isEqualByComparingTo("5.25");
        assertThat(a.newCost()).isEqualByComparingTo("5.625");
        assertThat(a.delta()).isEqualByComparingTo("0.375");
        assertThat(a.percent().toPlainString()).isEqualTo("7.14");
        ImpactPreview.AccountImpact b = r.largest().get(1);
        assertThat(b.delta()).isEqualByComparingTo("-0.105");
        assertThat(b.percent().toPlainString()).isEqualTo("-2.89");
    }

    @Test
    void theTopListShowsEveryAffectedAccountAndNeverAnUnaffectedOne() {
        ImpactPreview.Result r = ImpactPreview.compute(USAGE, BEFORE, AFTER, 10);
        assertThat(r.largest()).extracting(ImpactPreview.AccountImpact::accountId).containsExactly("acc_a", "acc_b", "acc_c");
        assertThat(r.largest().get(2).delta()).isEqualByComparingTo("0.000231375");
        assertThat(ImpactPreview.compute(USAGE, BEFORE, AFTER, 0).largest()).isEmpty();
    }

    @Test
    void equalChangesAreOrderedByAccountId() {
        List<ImpactPreview.Usage> usage = List.of(
                use("acc_z", "mdl_img", "image", "1024x1024", "10"),
                use("acc_m", "mdl_img", "image", "1024x1024", "10"));
        ImpactPreview.Result r = ImpactPreview.compute(usage, BEFORE, AFTER, 5);
        assertThat(r.largest()).extracting(ImpactPreview.AccountImpact::accountId).containsExactly("acc_m", "acc_z");
    }

    @Test
    void noUsageMeansNoImpactAndNoPercentage() {
        ImpactPreview.Result r = ImpactPreview.compute(List.of(), BEFORE, AFTER, 5);
        assertThat(r.accountsAffected()).isZero();
        assertThat(r.delta()).isEqualByComparingTo("0");
        assertThat(r.percent()).isNull();
    }

    @Test
    void anUnchangedCardChangesNothing() {
        ImpactPreview.Result r = ImpactPreview.compute(USAGE, BEFORE, BEFORE, 5);
        assertThat(r.accountsAffected()).isZero();
        assertThat(r.delta()).isEqualByComparingTo("0");
        assertThat(r.percent().toPlainString()).isEqualTo("0.00");
        assertThat(r.unpricedRows()).isZero();
    }
}
