package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditLotsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static CreditLots.Lot lot(String id, String remaining, Instant purchased, Instant expires) {
        return new CreditLots.Lot(id, Money.of(remaining), purchased, expires);
    }

    private static Instant days(int d) {
        return NOW.plus(Duration.ofDays(d));
    }

    @Test
    void drawsSoonestExpiringFirstAndNeverExpiringLast() {
        List<CreditLots.Lot> lots = List.of(
                lot("never", "100", days(-30), null),
                lot("late", "10", days(-20), days(60)),
                lot("soon", "5", days(-10), days(2)));
        CreditLots.Draw d = CreditLots.draw(lots, Money.of("12"), NOW);
        assertThat(d.covered()).isTrue();
        assertThat(d.portions()).containsExactly(
                new CreditLots.Portion("soon", Money.of("5")),
                new CreditLots.Portion("late", Money.of("7")));
        assertThat(d.balanceBefore()).isEqualTo(Money.of("115"));
        assertThat(d.balanceAfter()).isEqualTo(Money.of("103"));
    }

    @Test
    void expiredLotsAreNeitherBalanceNorDrawn() {
        List<CreditLots.Lot> lots = List.of(
                lot("gone", "50", days(-40), days(-1)),
                lot("edge", "7", days(-40), NOW),
                lot("live", "3", days(-5), days(5)));
        assertThat(CreditLots.balance(lots, NOW)).isEqualTo(Money.of("3"));
        CreditLots.Draw refused = CreditLots.draw(lots, Money.of("4"), NOW);
        assertThat(refused.covered()).isFalse();
        assertThat(refused.portions()).isEmpty();
        assertThat(refused.balanceAfter()).isEqualTo(Money.of("3"));
        assertThat(CreditLots.expiries(lots, NOW)).containsExactly(
                new CreditLots.Portion("gone", Money.of("50")),
                new CreditLots.Portion("edge", Money.of("7")));
    }

    @Test
    void tiesBreakOnPurchaseTimeThenId() {
        List<CreditLots.Lot> lots = List.of(
                lot("b", "1", days(-1), days(9)),
                lot("a", "1", days(-1), days(9)),
                lot("c", "1", days(-2), days(9)));
        assertThat(CreditLots.draw(lots, Money.of("3"), NOW).portions()).extracting(CreditLots.Portion::lotId)
                .containsExactly("c", "a", "b");
    }

    @Test
    void exactBalanceDrawsToZeroAndEmptyLotsAreSkipped() {
        List<CreditLots.Lot> lots = List.of(lot("empty", "0", days(-3), days(1)), lot("x", "0.000001", days(-1), null));
        CreditLots.Draw d = CreditLots.draw(lots, Money.of("0.000001"), NOW);
        assertThat(d.covered()).isTrue();
        assertThat(d.portions()).containsExactly(new CreditLots.Portion("x", Money.of("0.000001")));
        assertThat(d.balanceAfter()).isEqualTo(Money.zero());
        assertThat(CreditLots.draw(List.of(), Money.of("1"), NOW).covered()).isFalse();
    }

    @Test
    void nonPositiveDrawsAndNegativeLotsAreRejected() {
        assertThatThrownBy(() -> CreditLots.draw(List.of(), BigDecimal.ZERO, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditLots.draw(List.of(), Money.of("-1"), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lot("n", "-0.000001", NOW, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Random lots and draws: the balance never goes negative, draws are exact, and the order is respected. */
    @Test
    void randomDrawsKeepTheArithmeticExact() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            List<CreditLots.Lot> lots = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                Instant expires = random.nextInt(4) == 0 ? null : days(random.nextInt(40) - 10);
                lots.add(lot("l" + i, BigDecimal.valueOf(random.nextInt(50_000_000), 6).toPlainString(),
                        days(-random.nextInt(30) - 11), expires));
            }
            Collections.shuffle(lots, random);
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(60_000_000), 6);
            BigDecimal balance = CreditLots.balance(lots, NOW);
            CreditLots.Draw d = CreditLots.draw(lots, amount, NOW);
            assertThat(d.covered()).isEqualTo(balance.compareTo(amount) >= 0);
            if (!d.covered()) {
                assertThat(d.portions()).isEmpty();
                continue;
            }
            BigDecimal taken = d.portions().stream().map(CreditLots.Portion::amount).reduce(Money.zero(), BigDecimal::add);
            assertThat(taken).isEqualByComparingTo(amount);
            assertThat(d.balanceAfter()).isEqualByComparingTo(balance.subtract(amount)).isGreaterThanOrEqualTo(Money.zero());
            Map<String, CreditLots.Lot> byId = new HashMap<>();
            lots.forEach(l -> byId.put(l.id(), l));
            for (int i = 0; i < d.portions().size(); i++) {
                CreditLots.Lot l = byId.get(d.portions().get(i).lotId());
                assertThat(l.expiredAt(NOW)).isFalse();
                assertThat(d.portions().get(i).amount()).isLessThanOrEqualTo(l.remaining()).isPositive();
                if (i < d.portions().size() - 1) {
                    // every lot but the last is drained completely, and comes no later in draw order
                    assertThat(d.portions().get(i).amount()).isEqualByComparingTo(l.remaining());
                    assertThat(CreditLots.DRAW_ORDER.compare(l, byId.get(d.portions().get(i + 1).lotId()))).isNegative();
                }
            }
            // no unexpired lot that sorts before the last drawn one is left with credit
            CreditLots.Lot last = byId.get(d.portions().get(d.portions().size() - 1).lotId());
            for (CreditLots.Lot l : lots) {
                if (!l.expiredAt(NOW) && l.remaining().signum() > 0 && CreditLots.DRAW_ORDER.compare(l, last) < 0) {
                    assertThat(d.portions()).extracting(CreditLots.Portion::lotId).contains(l.id());
                }
            }
        }
    }
}
