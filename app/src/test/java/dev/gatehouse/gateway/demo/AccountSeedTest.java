package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccountSeedTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static Database h2;
    private static AccountSeed.Result result;

    @BeforeAll
    static void seed() {
        h2 = Database.inMemory();
        result = AccountSeed.seed(h2, 42, DemoScale.SMALL, NOW);
    }

    @AfterAll
    static void close() {
        h2.close();
    }

    @Test
    void sizesAndMixAreAsPromised() {
        assertThat(result.accounts()).isEqualTo(2_000);
        assertThat(result.keys()).isBetween(5_000, 7_000);
        h2.jdbi().useHandle(h -> {
            assertThat(values(h, "SELECT DISTINCT status FROM accounts")).containsExactlyInAnyOrder("active", "warned", "suspended", "terminated");
            assertThat(values(h, "SELECT DISTINCT tier FROM accounts")).containsExactlyInAnyOrder("free", "starter", "pro", "enterprise");
            assertThat(values(h, "SELECT DISTINCT status FROM api_keys")).containsExactlyInAnyOrder("active", "suspended", "revoked", "expired");
            assertThat(values(h, "SELECT DISTINCT mode FROM api_keys")).containsExactlyInAnyOrder("live", "test");
            assertThat(values(h, "SELECT DISTINCT kind FROM credit_lots")).containsExactlyInAnyOrder("purchase", "signup_reward", "promotion", "manual_grant");
            assertThat(values(h, "SELECT DISTINCT kind FROM ledger_entries")).contains("purchase", "grant", "usage", "expiry");
            long expiredLots = h.createQuery("SELECT COUNT(*) FROM credit_lots WHERE expires_at <= :now").bind("now", NOW).mapTo(Long.class).one();
            long liveLots = h.createQuery("SELECT COUNT(*) FROM credit_lots WHERE expires_at > :now OR expires_at IS NULL").bind("now", NOW).mapTo(Long.class).one();
            assertThat(expiredLots).isPositive();
            assertThat(liveLots).isPositive();
            Instant oldestUsage = h.createQuery("SELECT MIN(at) FROM ledger_entries WHERE kind = 'usage'").mapTo(Instant.class).one();
            assertThat(oldestUsage).isBetween(NOW.minusSeconds(91L * 86_400), NOW.minusSeconds(80L * 86_400));
            // terminated accounts have no key left that could call the API
            assertThat(h.createQuery("SELECT COUNT(*) FROM api_keys k JOIN accounts a ON a.id = k.account_id "
                    + "WHERE a.status = 'terminated' AND k.status <> 'revoked'").mapTo(Long.class).one()).isZero();
            // real-looking names, not "Account 17"
            assertThat(values(h, "SELECT name FROM accounts ORDER BY id LIMIT 20")).noneMatch(n -> n.matches(".*\\d.*"));
        });
        assertThat(AuditLog.verify(h2.jdbi()).ok()).isTrue();
    }

    /** Secrets are handed out in hash order (it spares the large seed a sort); each still matches its key's mode. */
    @Test
    void keysCarryConsistentSecretsInHashOrder() {
        h2.jdbi().useHandle(h -> {
            List<Map<String, Object>> keys = h.createQuery("SELECT id, mode, prefix, secret_hash FROM api_keys ORDER BY id").mapToMap().list();
            for (int i = 0; i < keys.size(); i++) {
                Map<String, Object> k = keys.get(i);
                assertThat((String) k.get("prefix")).startsWith("sk-" + k.get("mode") + "-").hasSize(("sk-" + k.get("mode") + "-").length() + 4);
                if (i > 0) {
                    assertThat((String) k.get("secret_hash")).isGreaterThan((String) keys.get(i - 1).get("secret_hash"));
                }
            }
            assertThat(values(h, "SELECT COUNT(DISTINCT secret_hash) FROM api_keys")).containsExactly(String.valueOf(keys.size()));
        });
    }

    /** Ledger lines carry their own seq; the identity goes on from the last one, so the next real line fits after. */
    @Test
    void theLedgerSequenceGoesOnAfterTheSeed() {
        h2.jdbi().useHandle(h -> {
            long max = h.createQuery("SELECT MAX(seq) FROM ledger_entries").mapTo(Long.class).one();
            assertThat(max).isEqualTo(result.ledgerEntries());
            h.useTransaction(t -> {
                t.execute("INSERT INTO ledger_entries (id, account_id, at, kind, amount, balance_after, actor) "
                        + "SELECT 'led_probe', id, CURRENT_TIMESTAMP, 'adjustment', 0, balance, 'test' FROM accounts ORDER BY id LIMIT 1");
                assertThat(t.createQuery("SELECT seq FROM ledger_entries WHERE id = 'led_probe'").mapTo(Long.class).one()).isEqualTo(max + 1);
                t.rollback();
            });
        });
    }

    @Test
    void everyAccountKeepsTheLedgerInvariant() {
        h2.jdbi().useHandle(h -> assertInvariantForAll(h, NOW));
    }

    @Test
    void sameSeedSameData() {
        try (Database again = Database.inMemory()) {
            AccountSeed.seed(again, 42, DemoScale.SMALL, NOW);
            String sql = "SELECT id, name, email, status, tier, balance FROM accounts ORDER BY id";
            assertThat(rows(again, sql)).isEqualTo(rows(h2, sql));
            String keys = "SELECT id, prefix, last4, status FROM api_keys ORDER BY id";
            assertThat(rows(again, keys)).isEqualTo(rows(h2, keys));
        }
    }

    /** The same seeding code runs on PostgreSQL (typed nulls, timestamps, decimals) and keeps the invariant there. */
    @Test
    void seedsPostgresToo() {
        try (Database pg = PostgresDatabase.fresh()) {
            AccountSeed.Result r = AccountSeed.seed(pg, 42, DemoScale.SMALL, NOW);
            assertThat(r).usingRecursiveComparison().ignoringFields("millis").isEqualTo(result);
            pg.jdbi().useHandle(h -> assertInvariantForAll(h, NOW));
            assertThat(AuditLog.verify(pg.jdbi()).ok()).isTrue();
            String sql = "SELECT id, balance FROM accounts ORDER BY id";
            assertThat(rows(pg, sql)).isEqualTo(rows(h2, sql));
        }
    }

    static void assertInvariantForAll(Handle h, Instant now) {
        List<Map<String, Object>> broken = h.createQuery("""
                SELECT a.id, a.balance,
                       (SELECT COALESCE(SUM(amount), 0) FROM ledger_entries l WHERE l.account_id = a.id) AS ledger,
                       (SELECT COALESCE(SUM(remaining), 0) FROM credit_lots c WHERE c.account_id = a.id
                            AND (c.expires_at IS NULL OR c.expires_at > :now)) AS lots,
                       (SELECT COALESCE(SUM(remaining), 0) FROM credit_lots c WHERE c.account_id = a.id
                            AND c.expires_at <= :now) AS lapsed
                FROM accounts a""")
                .bind("now", now).mapToMap().list().stream()
                .filter(m -> ((BigDecimal) m.get("balance")).compareTo((BigDecimal) m.get("ledger")) != 0
                        || ((BigDecimal) m.get("balance")).compareTo((BigDecimal) m.get("lots")) != 0
                        || ((BigDecimal) m.get("lapsed")).signum() != 0
                        || ((BigDecimal) m.get("balance")).signum() < 0)
                .toList();
        assertThat(broken).isEmpty();
        long negative = h.createQuery("SELECT COUNT(*) FROM ledger_entries WHERE balance_after < 0").mapTo(Long.class).one();
        assertThat(negative).isZero();
    }

    private static List<String> values(Handle h, String sql) {
        return h.createQuery(sql).mapTo(String.class).list();
    }

    private static List<String> rows(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).map((rs, c) -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object v = rs.getObject(i);
                sb.append(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v)).append('|');
            }
            return sb.toString();
        }).list());
    }
}
