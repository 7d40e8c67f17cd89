package dev.gatehouse.policy;

import dev.gatehouse.api.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TierLimitsTest {

    @Test
    void defaultsAreTheSeedsTable() {
        // ai-visual-studio §4 "Current Rate Limits", same as DESIGN §4
        assertThat(TierLimits.defaults(Tier.FREE)).contains(new TierLimits(10, 100, 2));
        assertThat(TierLimits.defaults(Tier.STARTER)).contains(new TierLimits(60, 1_000, 5));
        assertThat(TierLimits.defaults(Tier.PRO)).contains(new TierLimits(120, 10_000, 20));
        assertThat(TierLimits.defaults(Tier.ENTERPRISE)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            // rpm, rpd, concurrent, the one field at fault, its message
            "0, 100, 1, rpm, from 1 to 100000",
            "-5, 100, 1, rpm, from 1 to 100000",
            "100001, 200000, 1, rpm, from 1 to 100000",
            "NULL, 100, 1, rpm, is required",
            "10, 0, 1, rpd, from 1 to 100000000",
            "10, 100000001, 1, rpd, from 1 to 100000000",
            "10, NULL, 1, rpd, is required",
            "10, 100, 0, concurrent, from 1 to 10000",
            "10, 100, -1, concurrent, from 1 to 10000",
            "20000, 100000, 10001, concurrent, from 1 to 10000",
            "10, 100, NULL, concurrent, is required",
            "10, 9, 2, rpd, must be at least rpm (10)",
            "10, 100, 11, concurrent, must be at most rpm (10)",
            "9999999999, 100, 1, rpm, not 9999999999"})
    void eachBrokenRuleIsAFieldError(Long rpm, Long rpd, Long concurrent, String field, String message) {
        Validated<TierLimits> v = TierLimits.validate(rpm, rpd, concurrent);
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThat(TierLimits.validate(0L, 0L, 0L).errors()).extracting(FieldError::field).containsExactly("rpm", "rpd", "concurrent");
        assertThat(TierLimits.validate(10L, 5L, 11L).errors()).extracting(FieldError::field).containsExactly("rpd", "concurrent");
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1, 1",                  // the smallest
            "10, 10, 10",               // rpd = rpm and concurrent = rpm are allowed
            "100000, 100000000, 10000", // the largest
            "10, 100, 2",
            "120, 10000, 20"})
    void limitsWithinEveryRuleAreValid(long rpm, long rpd, long concurrent) {
        Validated<TierLimits> v = TierLimits.validate(rpm, rpd, concurrent);
        assertThat(v.value()).isEqualTo(new TierLimits((int) rpm, (int) rpd, (int) concurrent));
    }

    @Test
    void theRecordItselfRefusesInvalidLimits() {
        assertThatThrownBy(() -> new TierLimits(10, 5, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierLimits(0, 5, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
