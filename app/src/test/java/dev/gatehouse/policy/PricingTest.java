package dev.gatehouse.policy;

import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingTest {
    private static final BigDecimal MARKUP = Pricing.DEFAULT_MARKUP;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-0.01        | must not be negative",
            "-1           | must not be negative",
            "NaN          | NaN and infinity",
            "nan          | NaN and infinity",
            "Infinity     | NaN and infinity",
            "-Infinity    | NaN and infinity",
            "inf          | NaN and infinity",
            "0.0000001    | has 7 decimals; prices have at most 6",
            "2.5000001    | has 7 decimals",
            "1000000.000001 | must be at most 1000000",
            "99999999999999999999 | must be at most 1000000",
            "1e3          | without an exponent",
            "2.5E-1       | without an exponent",
            "1,50         | must be a decimal number",
            "1.2.3        | must be a decimal number",
            ".5           | must be a decimal number",
            "5.           | must be a decimal number",
            "0x10         | must be a decimal number",
            "+2.50        | must be a decimal number",
            "12345678901234567890123456789012345678901 | too long"})
    void aBadBasePriceIsAFieldErrorSayingWhatToFix(String text, String message) {
        Validated<BigDecimal> v = Pricing.basePrice("lines[0].base", text);
        assertThat(v.isValid()).isFalse();
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("lines[0].base");
            assertThat(e.message()).contains(message);
        });
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "'  '"}, nullValues = "NULL")
    void aMissingBasePriceIsRequired(String text) {
        assertThat(Pricing.basePrice("base", text).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("is required"));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0.000000",
            "2.5, 2.500000",
            "2.500000000, 2.500000",   // trailing zeros carry no value
            "0.000001, 0.000001",
            "1000000, 1000000.000000",
            "' 10.00 ', 10.000000"})
    void aGoodBasePriceIsNormalizedToSixDecimals(String text, String normalized) {
        assertThat(Pricing.basePrice("base", text).value().toPlainString()).isEqualTo(normalized);
    }

    @Test
    void aBasePriceGivenAsBigDecimalIsCheckedTheSameWay() {
        assertThat(Pricing.basePrice("base", new BigDecimal("-0.5")).errors()).extracting(FieldError::message).containsExactly("must not be negative");
        assertThat(Pricing.basePrice("base", new BigDecimal("1E+7")).isValid()).isFalse();
        assertThat(Pricing.basePrice("base", (BigDecimal) null).isValid()).isFalse();
        assertThat(Pricing.basePrice("base", new BigDecimal("1.2345678")).isValid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            // base × 1.5 where the 7th decimal is a 5: half-even goes to the even neighbour
            "0.000001, 0.000002",   // 0.0000015 → 2 (even)
            "0.000003, 0.000004",   // 0.0000045 → 4 (even)
            "0.000005, 0.000008",   // 0.0000075 → 8 (even)
            "0.000007, 0.000010",   // 0.0000105 → 10 (even)
            "1.234567, 1.851850",   // 1.8518505 → 1.851850
            "1.234569, 1.851854",   // 1.8518535 → 1.851854
            "2.50, 3.750000",
            "0.042, 0.063000"})
    void apiPriceIsBaseTimesMarkupRoundedHalfEven(String base, String api) {
        assertThat(Pricing.apiPrice(new BigDecimal(base), MARKUP).toPlainString()).isEqualTo(api);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.99     | between 1 and 10",
            "10.000001 | between 1 and 10",
            "-1.5     | between 1 and 10",
            "1.5000001 | has 7 decimals",
            "NaN      | NaN and infinity",
            "1.5e0    | without an exponent"})
    void aBadMarkupIsAFieldError(String text, String message) {
        assertThat(Pricing.markup("markup", text).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("markup");
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void markupBoundsAreInclusive() {
        assertThat(Pricing.markup("markup", "1").value()).isEqualByComparingTo("1");
        assertThat(Pricing.markup("markup", "10").value()).isEqualByComparingTo("10");
        assertThat(Pricing.markup("markup", "1.5").value().toPlainString()).isEqualTo("1.500000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-100  | above -100",
            "-150  | above -100",
            "1000.000001 | at most 1000",
            "5.0000001 | has 7 decimals",
            "five  | must be a decimal number",
            "Infinity | NaN and infinity"})
    void aBadPercentageIsAFieldError(String text, String message) {
        assertThat(Pricing.percent("adjustment.percent", text).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("adjustment.percent");
            assertThat(e.message()).contains(message);
        });
    }

    @ParameterizedTest
    @CsvSource({"+5, 5", "-12.5, -12.5", "-99.999999, -99.999999", "1000, 1000", "0, 0"})
    void aGoodPercentageIsAccepted(String text, String value) {
        assertThat(Pricing.percent("p", text).value()).isEqualByComparingTo(value);
    }

    @Test
    void aValidCardGetsItsApiPrices() {
        Validated<List<PriceLine>> v = Pricing.card("video", List.of(
                new Pricing.Draft("video_second", "720p", "0.10"),
                new Pricing.Draft("video_second", "1792x1024", "0.5")), MARKUP);
        assertThat(v.value()).containsExactly(
                new PriceLine("video_second", "720p", new BigDecimal("0.100000"), new BigDecimal("0.150000")),
                new PriceLine("video_second", "1792x1024", new BigDecimal("0.500000"), new BigDecimal("0.750000")));
        assertThat(Pricing.card("chat", List.of(new Pricing.Draft("input_mtok", null, "1.25"),
                new Pricing.Draft("output_mtok", "", "10")), MARKUP).value())
                .extracting(PriceLine::api).extracting(BigDecimal::toPlainString).containsExactly("1.875000", "15.000000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "chat      | image        | NULL      | lines[0].unit    | unknown unit 'image'; a chat model is priced in input_mtok, output_mtok",
            "chat      | token        | NULL      | lines[0].unit    | unknown unit 'token'",
            "embedding | output_mtok  | NULL      | lines[0].unit    | unknown unit 'output_mtok'",
            "image     | video_second | 1024x1024 | lines[0].unit    | unknown unit 'video_second'",
            "chat      | NULL         | NULL      | lines[0].unit    | is required",
            "chat      | input_mtok   | 1024x1024 | lines[0].variant | token prices have no variant",
            "image     | image        | NULL      | lines[0].variant | is required: the resolution",
            "image     | image        | ultra     | lines[0].variant | unknown variant 'ultra'",
            "image     | image        | 0x1024    | lines[0].variant | unknown variant '0x1024'",
            "video     | video_second | 720i      | lines[0].variant | unknown variant '720i'",
            "video     | video_second | 1024x1024x3 | lines[0].variant | unknown variant"})
    void anUnknownUnitOrVariantIsAFieldError(String modality, String unit, String variant, String field, String message) {
        Validated<List<PriceLine>> v = Pricing.card(modality, List.of(new Pricing.Draft(unit, variant, "1.00")), MARKUP);
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void everyBadLineOfACardGetsItsOwnFieldError() {
        Validated<List<PriceLine>> v = Pricing.card("image", List.of(
                new Pricing.Draft("image", "1024x1024", "0.04"),
                new Pricing.Draft("image", "1024x1024", "0.05"),
                new Pricing.Draft("image", "512x512", "-0.01"),
                new Pricing.Draft("pixel", "512x512", "NaN")), MARKUP);
        assertThat(v.errors()).extracting(FieldError::field).containsExactly(
                "lines[1].variant", "lines[2].base", "lines[3].unit", "lines[3].base");
        assertThat(v.errors().get(0).message()).contains("repeats image 1024x1024");
    }

    @Test
    void aCardNeedsLinesAndAKnownModality() {
        assertThat(Pricing.card("chat", List.of(), MARKUP).errors()).extracting(FieldError::field).containsExactly("lines");
        assertThat(Pricing.card("chat", null, MARKUP).errors()).extracting(FieldError::field).containsExactly("lines");
        assertThat(Pricing.card("hologram", List.of(new Pricing.Draft("image", "1x1", "1")), MARKUP).errors())
                .extracting(FieldError::field).containsExactly("modality");
        assertThat(Pricing.card("chat", java.util.Arrays.asList((Pricing.Draft) null), MARKUP).errors())
                .extracting(FieldError::field).containsExactly("lines[0]");
    }

    @Test
    void aPercentageAdjustmentMovesBasesAndRecomputesApiPrices() {
        List<PriceLine> card = List.of(
                new PriceLine("input_mtok", null, new BigDecimal("1.250000"), new BigDecimal("1.875000")),
                new PriceLine("output_mtok", null, new BigDecimal("0.000005"), new BigDecimal("0.000008")));
        List<PriceLine> up = Pricing.adjustByPercent(card, new BigDecimal("10"), MARKUP);
        assertThat(up.get(0).base().toPlainString()).isEqualTo("1.375000");
        assertThat(up.get(0).api().toPlainString()).isEqualTo("2.062500");
        // 0.000005 × 1.1 = 0.0000055 → half-even 0.000006; api 0.000009
        assertThat(up.get(1).base().toPlainString()).isEqualTo("0.000006");
        assertThat(up.get(1).api().toPlainString()).isEqualTo("0.000009");
        List<PriceLine> down = Pricing.adjustByPercent(card, new BigDecimal("-12.5"), MARKUP);
        assertThat(down.get(0).base().toPlainString()).isEqualTo("1.093750");
        assertThat(down.get(0).api().toPlainString()).isEqualTo("1.640625");
    }

    @Test
    void aNewMarkupKeepsBasesAndMovesApiPrices() {
        List<PriceLine> card = List.of(new PriceLine("image", "1024x1024", new BigDecimal("0.042000"), new BigDecimal("0.063000")));
        PriceLine l = Pricing.withMarkup(card, new BigDecimal("1.25")).get(0);
        assertThat(l.base().toPlainString()).isEqualTo("0.042000");
        assertThat(l.api().toPlainString()).isEqualTo("0.052500");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "10, 11, 10.00",
            "3, 2, -33.33",
            "3, 4, 33.33",
            "1.875, 2.0625, 10.00",
            "0.000008, 0.000009, 12.50",
            "10, 10.000001, 0.00",     // the rounded percentage hides it, the classification does not
            "1, 0, -100.00",
            "0, 1, NULL"})
    void percentChangeHasTwoDecimalsHalfEven(String before, String after, String percent) {
        BigDecimal got = Pricing.percentChange(new BigDecimal(before), new BigDecimal(after));
        if (percent == null) {
            assertThat(got).isNull();
        } else {
            assertThat(got.toPlainString()).isEqualTo(percent);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "input_mtok, 1234, 2.5, 0.003085",
            "output_mtok, 1000000, 15, 15",
            "input_mtok, 1, 0.000001, 0.000000000001",
            "input_mtok, 0, 3, 0",
            "image, 3, 0.063, 0.189",
            "video_second, 7.5, 0.15, 1.125"})
    void usageCostsUnitsTimesPriceAndTokensPerMillionExactly(String unit, String units, String price, String cost) {
        assertThat(Pricing.cost(unit, new BigDecimal(units), new BigDecimal(price))).isEqualByComparingTo(cost);
    }

    @Test
    void negativeUsageIsAProgrammingError() {
        assertThatThrownBy(() -> Pricing.cost("image", new BigDecimal("-1"), BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
