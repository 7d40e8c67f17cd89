package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditLotsHoldTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static CreditLots.Lot lot(String id, String remaining, int expiresInDays) {
        return new CreditLots.Lot(id, Money.of(remaining), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(expiresInDays)));
    }

    private static CreditLots.Hold hold(String lotId, String amount) {
        return new CreditLots.Hold(lotId, Money.of(amount));
    }

    private static final List<CreditLots.Lot> LOTS = List.of(lot("soon", "10", 2), lot("late", "20", 30));

    @Test
    void heldCreditsStayInTheBalanceButAreNotSpendable() {
        List<CreditLots.Hold> holds = List.of(hold("soon", "6"), hold("late", "1"));
        assertThat(CreditLots.balance(LOTS, NOW)).isEqualTo(Money.of("30"));
        assertThat(CreditLots.spendable(LOTS, holds, NOW)).isEqualTo(Money.of("23"));
        assertThat(CreditLots.held(LOTS, holds, NOW)).isEqualTo(Money.of("7"));
        assertThat(CreditLots.spendable(LOTS, List.of(), NOW)).isEqualTo(CreditLots.balance(LOTS, NOW));
    }

    @Test
    void usageDrawsSoonestExpiringFirstSkippingHeldCredits() {
        CreditLots.Draw d = CreditLots.draw(LOTS, List.of(hold("soon", "6")), Money.of("5"), NOW);
        assertThat(d.covered()).isTrue();
        assertThat(d.portions()).containsExactly(
                new CreditLots.Portion("soon", Money.of("4")),
                new CreditLots.Portion("late", Money.of("1")));
        assertThat(d.balanceBefore()).isEqualTo(Money.of("24"));
        assertThat(d.balanceAfter()).isEqualTo(Money.of("19"));
    }

    @Test
    void heldCreditsCannotBeSpent() {
        List<CreditLots.Hold> all = List.of(hold("soon", "10"), hold("late", "20"));
        CreditLots.Draw refused = CreditLots.draw(LOTS, all, Money.of("0.000001"), NOW);
        assertThat(refused.covered()).isFalse();
        assertThat(refused.portions()).isEmpty();
        // one credit more than the unheld 24 is refused whole; exactly 24 drains both lots to their holds
        assertThat(CreditLots.draw(LOTS, List.of(hold("soon", "6")), Money.of("24.000001"), NOW).covered()).isFalse();
        assertThat(CreditLots.draw(LOTS, List.of(hold("soon", "6")), Money.of("24"), NOW).portions()).containsExactly(
                new CreditLots.Portion("soon", Money.of("4")),
                new CreditLots.Portion("late", Money.of("20")));
    }

    @Test
    void aHoldMustFitTheLotsUnheldUnexpiredCredit() {
        List<CreditLots.Hold> holds = List.of(hold("soon", "6"));
        assertThat(CreditLots.holdProblem(LOTS, holds, "soon", Money.of("4"), NOW)).isEmpty();
        assertThat(CreditLots.holdProblem(LOTS, holds, "soon", Money.of("4.000001"), NOW))
                .contains("lot soon has 4.000000 unheld credits, cannot hold 4.000001");
        assertThat(CreditLots.holdProblem(LOTS, holds, "nope", Money.of("1"), NOW)).contains("no lot nope");
        assertThat(CreditLots.holdProblem(LOTS, holds, "soon", Money.of("1"), NOW.plus(Duration.ofDays(2))))
                .contains("lot soon expired at 2026-11-24T12:00:00Z");
        assertThatThrownBy(() -> hold("soon", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void heldCreditsOfAnExpiredLotLapseWithIt() {
        List<CreditLots.Hold> holds = List.of(hold("soon", "6"));
        Instant later = NOW.plus(Duration.ofDays(3));
        assertThat(CreditLots.spendable(LOTS, holds, later)).isEqualTo(Money.of("20"));
        assertThat(CreditLots.held(LOTS, holds, later)).isEqualTo(Money.zero());
    }
}
