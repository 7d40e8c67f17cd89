package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void normalizesToSixDecimals() {
        assertThat(Money.of("12.5").toPlainString()).isEqualTo("12.500000");
        assertThat(Money.zero().toPlainString()).isEqualTo("0.000000");
    }

    @ParameterizedTest
    @CsvSource({
            "0.0000005, 0.000000",   // half-even: ties go to the even neighbour
            "0.0000015, 0.000002",
            "0.0000025, 0.000002",
            "-0.0000025, -0.000002",
            "1.2345674, 1.234567",
            "1.2345676, 1.234568"})
    void roundsHalfEven(String in, String out) {
        assertThat(Money.of(in).toPlainString()).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource({
            "2.50, 1.5, 3.750000",
            "10.00, 1.5, 15.000000",
            "0.000001, 1.5, 0.000002",   // 0.0000015 rounds half-even up to 2
            "0.000003, 1.5, 0.000004",   // 0.0000045 rounds half-even down to 4
            "0.04, 1.25, 0.050000",
            "75.00, 1, 75.000000"})
    void appliesMarkupExactly(String base, String markup, String api) {
        assertThat(Money.applyMarkup(new BigDecimal(base), new BigDecimal(markup)).toPlainString()).isEqualTo(api);
    }

    @Test
    void refusesAmountsThatDoNotFitTheColumn() {
        assertThatThrownBy(() -> Money.of("100000000000000")).isInstanceOf(ArithmeticException.class);
        assertThat(Money.of("99999999999999.999999").toPlainString()).isEqualTo("99999999999999.999999");
    }

    @ParameterizedTest
    @CsvSource({
            "12.500000, USD, $12.50",
            "0.000400, USD, $0.0004",
            "3, USD, $3.00",
            "-4.2, USD, -$4.20",
            "1500.75, EUR, 1500.75 EUR"})
    void displaysForPeople(String amount, String currency, String shown) {
        assertThat(Money.display(new BigDecimal(amount), currency)).isEqualTo(shown);
    }
}
