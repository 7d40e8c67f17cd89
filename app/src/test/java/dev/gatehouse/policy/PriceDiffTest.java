package dev.gatehouse.policy;

import dev.gatehouse.api.PriceLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PriceDiffTest {
    private static PriceLine line(String unit, String variant, String base, String api) {
        return new PriceLine(unit, variant, new BigDecimal(base), new BigDecimal(api));
    }

    private static final List<PriceLine> CARD = List.of(
            line("image", "1024x1024", "0.040000", "0.060000"),
            line("image", "1792x1024", "0.080000", "0.120000"));

    @Test
    void aRaiseOfAnyLineIsARaise() {
        PriceDiff d = PriceDiff.of(CARD, List.of(CARD.get(0), line("image", "1792x1024", "0.080000", "0.120001")));
        assertThat(d.kind()).isEqualTo(ChangeKind.TIGHTENING);
        assertThat(d.kind().priceWord()).isEqualTo("raise");
        assertThat(d.lines()).extracting(PriceDiff.LineChange::change).containsExactly("same", "raised");
    }

    @Test
    void aLowerPriceOnEveryChangedLineIsADecrease() {
        PriceDiff d = PriceDiff.of(CARD, List.of(line("image", "1024x1024", "0.030000", "0.045000"), CARD.get(1)));
        assertThat(d.kind()).isEqualTo(ChangeKind.EASING);
        assertThat(d.lines().get(0).percent()).isEqualByComparingTo("-25.00");
        assertThat(d.lines().get(1).percent()).isEqualByComparingTo("0.00");
    }

    @Test
    void identicalCardsAreUnchanged() {
        assertThat(PriceDiff.of(CARD, CARD).kind()).isEqualTo(ChangeKind.UNCHANGED);
    }

    @Test
    void aNewMarkupOverTheSameBaseIsARaiseBecauseCustomersPayTheApiPrice() {
        PriceDiff d = PriceDiff.of(CARD, Pricing.withMarkup(CARD, new BigDecimal("1.6")));
        assertThat(d.kind()).isEqualTo(ChangeKind.TIGHTENING);
        assertThat(d.lines().get(0).percent()).isEqualByComparingTo("6.67");
    }

    @Test
    void addingAVariantRaisesNothingAndAppliesAtOnce() {
        List<PriceLine> more = List.of(CARD.get(0), CARD.get(1), line("image", "1024x1792", "0.080000", "0.120000"));
        PriceDiff d = PriceDiff.of(CARD, more);
        assertThat(d.kind()).isEqualTo(ChangeKind.EASING);
        assertThat(d.lines()).extracting(PriceDiff.LineChange::change).containsExactly("same", "same", "added");
        assertThat(d.lines().get(2).before()).isNull();
        assertThat(d.lines().get(2).percent()).isNull();
    }

    @Test
    void removingAVariantTightensLikeARaise() {
        PriceDiff d = PriceDiff.of(CARD, List.of(CARD.get(0)));
        assertThat(d.kind()).isEqualTo(ChangeKind.TIGHTENING);
        assertThat(d.lines()).extracting(PriceDiff.LineChange::change).containsExactly("same", "removed");
    }

    @Test
    void aRemovedVariantWithACheaperOneIsMixed() {
        PriceDiff d = PriceDiff.of(CARD, List.of(line("image", "1024x1024", "0.020000", "0.030000")));
        assertThat(d.kind()).isEqualTo(ChangeKind.MIXED);
    }

    @Test
    void tokenLinesMatchWithoutAVariant() {
        List<PriceLine> before = List.of(line("input_mtok", null, "1.25", "1.875"), line("output_mtok", null, "10", "15"));
        List<PriceLine> after = List.of(line("output_mtok", null, "10", "15"), line("input_mtok", null, "1.25", "1.5"));
        PriceDiff d = PriceDiff.of(before, after);
        assertThat(d.kind()).isEqualTo(ChangeKind.EASING);
        assertThat(d.lines()).extracting(PriceDiff.LineChange::change).containsExactly("lowered", "same");
        assertThat(d.lines().get(0).percent()).isEqualByComparingTo("-20.00");
    }
}
