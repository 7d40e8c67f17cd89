package dev.gatehouse.gateway.credits;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestDatabases;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.CreditLots;
import dev.gatehouse.policy.Money;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

public class CreditStoreTest {
    static java.util.stream.Stream<TestDatabases.Kind> databases() {
        return TestDatabases.both();
    }

    /** sum(ledger) == balance == sum(remaining of unexpired lots), balance ≥ 0, after expiring at {@code now}. */
    public static void assertInvariant(Handle h, String accountId, Instant now) {
        BigDecimal ledger = h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account_id = :a")
                .bind("a", accountId).mapTo(BigDecimal.class).one();
        BigDecimal balance = h.createQuery("SELECT balance FROM accounts WHERE id = :a").bind("a", accountId).mapTo(BigDecimal.class).one();
        BigDecimal lots = h.createQuery("SELECT COALESCE(SUM(remaining), 0) FROM credit_lots WHERE account_id = :a "
                        + "AND (expires_at IS NULL OR expires_at > :now)")
                .bind("a", accountId).bind("now", now).mapTo(BigDecimal.class).one();
        BigDecimal lastAfter = h.createQuery("SELECT balance_after FROM ledger_entries WHERE account_id = :a ORDER BY seq DESC LIMIT 1")
                .bind("a", accountId).mapTo(BigDecimal.class).findOne().orElse(BigDecimal.ZERO);
        assertThat(ledger).as("ledger vs balance").isEqualByComparingTo(balance);
        assertThat(lots).as("lots vs balance").isEqualByComparingTo(balance);
        assertThat(lastAfter).as("last balance_after").isEqualByComparingTo(balance);
        assertThat(balance.signum()).isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void ledgerInvariantHoldsAfterLongRandomSequences(TestDatabases.Kind kind) {
        try (Database db = kind.open().get()) {
            Random r = new Random(7);
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                accounts.add(TestAccounts.create(db, "Ledger Co " + i, "pro", "active", 0).accountId());
            }
            Instant now = Instant.parse("2027-01-01T00:00:00Z");
            int refused = 0;
            int steps = kind.name().equals("H2") ? 600 : 300;
            for (int step = 0; step < steps; step++) {
                now = now.plus(Duration.ofMinutes(1 + r.nextInt(3 * 24 * 60)));
                Instant at = now;
                String acct = accounts.get(r.nextInt(accounts.size()));
                int op = r.nextInt(10);
                boolean[] ok = {true};
                db.jdbi().useTransaction(h -> {
                    if (op < 3) {
                        String kindOfLot = CreditStore.LOT_KINDS.get(r.nextInt(4));
                        Instant expires = r.nextInt(5) == 0 ? null : at.plus(Duration.ofDays(1 + r.nextInt(40)));
                        BigDecimal amount = BigDecimal.valueOf(1 + r.nextInt(50_000_000), 6);
                        CreditStore.addLot(h, acct, kindOfLot, amount, kindOfLot.equals("purchase") ? amount : Money.zero(),
                                expires, at, "system", kindOfLot);
                    } else if (op < 9) {
                        CreditLots.Draw d = CreditStore.use(h, acct, BigDecimal.valueOf(1 + r.nextInt(9_000_000), 6), at, "openai/gpt-4.1", "system");
                        ok[0] = d.covered();
                    } else {
                        List<String> lots = h.createQuery("SELECT id FROM credit_lots WHERE account_id = :a AND kind = 'purchase' AND remaining > 0")
                                .bind("a", acct).mapTo(String.class).list();
                        if (!lots.isEmpty()) {
                            CreditStore.expireLapsed(h, acct, at, "system");
                            CreditStore.refund(h, acct, lots.get(r.nextInt(lots.size())), Money.of("0.5"), at, "refund", "op_support");
                        }
                    }
                    CreditStore.expireLapsed(h, acct, at, "system");
                });
                if (!ok[0]) refused++;
                db.jdbi().useHandle(h -> {
                    for (String a : accounts) {
                        h.inTransaction(t -> CreditStore.expireLapsed(t, a, at, "system"));
                        assertInvariant(h, a, at);
                    }
                });
            }
            assertThat(refused).as("some draws were refused for lack of credit").isPositive();
            long expiries = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'expiry'").mapTo(Long.class).one());
            assertThat(expiries).as("some lots expired").isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void usageDrawsTheSoonestExpiringLotFirst(TestDatabases.Kind kind) {
        try (Database db = kind.open().get()) {
            String acct = TestAccounts.create(db, "Order Co", "pro", "active", 0).accountId();
            Instant now = Instant.now().plus(Duration.ofDays(1));
            String promo = db.jdbi().inTransaction(h -> CreditStore.addLot(h, acct, "promotion", Money.of("3"), Money.zero(),
                    now.plus(Duration.ofDays(2)), now, "system", "promo"));
            db.jdbi().useTransaction(h -> {
                CreditLots.Draw d = CreditStore.use(h, acct, Money.of("4"), now.plusSeconds(1), "m", "system");
                assertThat(d.portions().get(0).lotId()).isEqualTo(promo);
                assertThat(d.portions().get(0).amount()).isEqualByComparingTo("3");
                assertThat(d.portions()).hasSize(2);
                assertThat(CreditStore.use(h, acct, Money.of("1000"), now.plusSeconds(2), "m", "system").covered()).isFalse();
                assertInvariant(h, acct, now.plusSeconds(2));
            });
            var ledger = db.jdbi().withHandle(h -> CreditStore.ledger(h, acct, null, null, 10));
            assertThat(ledger.get(0).entry().kind()).isEqualTo("usage");
            assertThat(ledger.get(0).entry().balanceAfter()).isEqualByComparingTo("24");
        }
    }
}
