package dev.gatehouse.policy;

import dev.gatehouse.api.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VolumeDiscountsTest {
    private static final VolumeDiscounts SCHEDULE = VolumeDiscounts.of(List.of(
            new VolumeDiscounts.Draft("1000", "5"),
            new VolumeDiscounts.Draft("10000", "10"),
            new VolumeDiscounts.Draft("100000", "12.5"))).value();

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "999.999999, 0",
            "1000, 5",            // a threshold is inclusive
            "1000.000001, 5",
            "9999.999999, 5",
            "10000, 10",
            "99999.99, 10",
            "100000, 12.5",
            "5000000, 12.5"})
    void theTierIsTheHighestThresholdReachedThisMonth(String spent, String percentOff) {
        assertThat(SCHEDULE.percentOff(new BigDecimal(spent))).isEqualByComparingTo(percentOff);
    }

    @ParameterizedTest
    @CsvSource({
            "100, 999.999999, 100.000000",
            "100, 1000, 95.000000",
            "0.000015, 10000, 0.000014",    // 0.0000135 → half-even 0.000014
            "0.000025, 10000, 0.000022",    // 0.0000225 → half-even 0.000022
            "8, 100000, 7.000000"})
    void aChargeIsDiscountedAndRoundedHalfEven(String charge, String spent, String net) {
        assertThat(SCHEDULE.apply(new BigDecimal(charge), new BigDecimal(spent)).toPlainString()).isEqualTo(net);
    }

    @Test
    void withoutAScheduleNothingIsDiscountedBecauseApimartNamesNoThresholds() {
        assertThat(VolumeDiscounts.NONE.apply(new BigDecimal("123.45"), new BigDecimal("1000000000")).toPlainString()).isEqualTo("123.450000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1    | 5     | steps[0].monthly_spend_from | from 0",
            "1e3   | 5     | steps[0].monthly_spend_from | without an exponent",
            "0.0000001 | 5 | steps[0].monthly_spend_from | at most 6 decimals",
            "10000000001 | 5 | steps[0].monthly_spend_from | 10,000,000,000",
            "100   | 0     | steps[0].percent_off        | above 0",
            "100   | 100   | steps[0].percent_off        | at most 99.99",
            "100   | 5.125 | steps[0].percent_off        | 2 decimals",
            "100   | NaN   | steps[0].percent_off        | NaN"})
    void aBadTierIsAFieldError(String from, String off, String field, String message) {
        Validated<VolumeDiscounts> v = VolumeDiscounts.of(List.of(new VolumeDiscounts.Draft(from, off)));
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void thresholdsAndDiscountsMustBothRise() {
        Validated<VolumeDiscounts> v = VolumeDiscounts.of(List.of(
                new VolumeDiscounts.Draft("1000", "5"),
                new VolumeDiscounts.Draft("1000", "10"),
                new VolumeDiscounts.Draft("5000", "5")));
        assertThat(v.errors()).extracting(FieldError::field)
                .containsExactly("steps[1].monthly_spend_from", "steps[2].percent_off");
        assertThat(v.errors().get(1).message()).contains("never earns a smaller discount");
    }

    @Test
    void atMostTenTiers() {
        List<VolumeDiscounts.Draft> eleven = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            eleven.add(new VolumeDiscounts.Draft(String.valueOf(i * 1000), String.valueOf(i)));
        }
        assertThat(VolumeDiscounts.of(eleven).errors()).extracting(FieldError::field).containsExactly("steps");
        assertThat(VolumeDiscounts.of(eleven.subList(0, 10)).isValid()).isTrue();
    }
    private static VolumeDiscounts schedule(String... fromAndOff) {
        List<VolumeDiscounts.Draft> d = new ArrayList<>();
        for (int i = 0; i < fromAndOff.length; i += 2) {
            d.add(new VolumeDiscounts.Draft(fromAndOff[i], fromAndOff[i + 1]));
        }
        return VolumeDiscounts.of(d).value();
    }

    @Test
    void lessDiscountAnywhereIsARaiseForCustomersMoreIsADecrease() {
        assertThat(VolumeDiscounts.classify(SCHEDULE, SCHEDULE)).isEqualTo(ChangeKind.UNCHANGED);
        assertThat(VolumeDiscounts.classify(VolumeDiscounts.NONE, SCHEDULE)).isEqualTo(ChangeKind.EASING);
        assertThat(VolumeDiscounts.classify(SCHEDULE, VolumeDiscounts.NONE)).isEqualTo(ChangeKind.TIGHTENING);
        // a threshold moved up by one cent: spend between 1000 and 1000.01 loses its 5 %
        assertThat(VolumeDiscounts.classify(SCHEDULE, schedule("1000.01", "5", "10000", "10", "100000", "12.5")))
                .isEqualTo(ChangeKind.TIGHTENING);
        // the first tier more generous, the top tier less: a mixed change needs notice like a raise
        ChangeKind mixed = VolumeDiscounts.classify(SCHEDULE, schedule("500", "5", "10000", "10", "100000", "11"));
        assertThat(mixed).isEqualTo(ChangeKind.MIXED);
        assertThat(mixed.needsNotice()).isTrue();
        assertThat(VolumeDiscounts.classify(SCHEDULE, schedule("1000", "6", "10000", "10", "100000", "12.5")))
                .isEqualTo(ChangeKind.EASING);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-28T13:00:00Z, 2026-11-01T00:00:00Z",
            "2026-12-01T00:00:00Z, 2026-12-01T00:00:00Z",
            "2026-11-30T23:59:59.999Z, 2026-11-01T00:00:00Z",
            "2024-02-29T12:00:00Z, 2024-02-01T00:00:00Z"})
    void theBillingMonthStartsOnTheFirstAtMidnightUtc(String at, String start) {
        assertThat(VolumeDiscounts.monthStart(java.time.Instant.parse(at))).isEqualTo(java.time.Instant.parse(start));
    }

    @Test
    void draftsRoundTrip() {
        assertThat(VolumeDiscounts.of(SCHEDULE.drafts()).value()).isEqualTo(SCHEDULE);
        assertThat(SCHEDULE.drafts().get(2)).isEqualTo(new VolumeDiscounts.Draft("100000", "12.5"));
    }
}
