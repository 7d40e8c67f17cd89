package dev.gatehouse.gateway.credits;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestDatabases;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 §3 "Hold", on H2 and PostgreSQL: held credits stay in the balance, usage never draws them. */
class CreditHoldsTest {
    static Stream<TestDatabases.Kind> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void heldCreditsCannotBeSpentAndReleasingThemMakesThemSpendable(TestDatabases.Kind kind) {
        try (Database db = kind.open().get()) {
            String acct = TestAccounts.create(db, "Hold Store Co", "pro", "active", 0).accountId();
            Instant now = Instant.now().plusSeconds(60);
            String lot = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM credit_lots WHERE account_id = :a").bind("a", acct)
                    .mapTo(String.class).one());
            db.jdbi().useTransaction(h -> {
                CreditStore.lockBalance(h, acct);
                assertThat(CreditHolds.hold(h, acct, lot, "rfd_1", Money.of("20"), now)).isEmpty();
                assertThat(CreditHolds.hold(h, acct, lot, "rfd_2", Money.of("6"), now)).get().asString().contains("5.000000 unheld credits");
                CreditHolds.Summary s = CreditHolds.summary(h, acct, now);
                assertThat(s.balance()).isEqualByComparingTo("25");
                assertThat(s.held()).isEqualByComparingTo("20");
                assertThat(s.spendable()).isEqualByComparingTo("5");
                assertThat(CreditStore.use(h, acct, Money.of("5.000001"), now, "m", "system").covered()).isFalse();
                assertThat(CreditStore.use(h, acct, Money.of("5"), now, "m", "system").covered()).isTrue();
                assertThat(CreditStore.use(h, acct, Money.of("1"), now, "m", "system").covered()).isFalse();
                CreditStoreTest.assertInvariant(h, acct, now);
                assertThat(CreditHolds.release(h, "rfd_1")).isEqualByComparingTo("20");
                assertThat(CreditStore.use(h, acct, Money.of("20"), now, "m", "system").covered()).isTrue();
                CreditStoreTest.assertInvariant(h, acct, now);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void creditsRestoredToALotThatExpiredMeanwhileLapseWithTheirOwnLedgerLine(TestDatabases.Kind kind) {
        try (Database db = kind.open().get()) {
            String acct = TestAccounts.create(db, "Restore Co", "pro", "active", 0).accountId();
            Instant bought = Instant.now().plusSeconds(60);
            String lot = db.jdbi().inTransaction(h -> CreditStore.addLot(h, acct, "purchase", Money.of("10"), Money.of("10"),
                    bought.plus(Duration.ofDays(2)), bought, "system", "short pack"));
            db.jdbi().useTransaction(h -> {
                assertThat(CreditStore.refund(h, acct, lot, Money.of("4"), bought.plusSeconds(10), "refund rfd_x", "op_support")).isTrue();
                CreditHolds.restore(h, acct, lot, Money.of("4"), bought.plusSeconds(20), "payout failed", "op_support");
                CreditStoreTest.assertInvariant(h, acct, bought.plusSeconds(20));
                Instant later = bought.plus(Duration.ofDays(3));
                CreditStore.refund(h, acct, lot, Money.of("4"), bought.plusSeconds(30), "refund rfd_x", "op_support");
                CreditHolds.restore(h, acct, lot, Money.of("4"), later, "payout failed", "op_support");
                CreditStoreTest.assertInvariant(h, acct, later);
                assertThat(h.createQuery("SELECT remaining FROM credit_lots WHERE id = :l").bind("l", lot).mapTo(java.math.BigDecimal.class).one())
                        .isEqualByComparingTo("0");
            });
        }
    }
}
