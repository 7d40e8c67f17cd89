package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.pricing.PricesInForce;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Pricing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's prices and usage: a history for 20 models, the three showcase changes, and usage that agrees with the ledger. */
class PriceSeedTest {
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static Database db;
    private static PriceSeed.Result result;

    @BeforeAll
    static void seed() {
        db = Database.inMemory();
        CatalogSeed.seed(db, 7);
        AccountSeed.seed(db, 7, DemoScale.SMALL, NOW);
        result = PriceSeed.seed(db, 7, DemoScale.SMALL, NOW);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static <T> List<T> list(String sql, Class<T> type) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(type).list());
    }

    @Test
    void usageRecordsSumToTheLedgersUsageDebitsAccountByAccount() {
        assertThat(result.usageRecords()).isGreaterThan(10_000);
        Instant from = NOW.minus(PriceSeed.USAGE_WINDOW);
        Map<String, BigDecimal> ledger = new TreeMap<>();
        Map<String, BigDecimal> usage = new TreeMap<>();
        db.jdbi().useHandle(h -> {
            h.createQuery("SELECT account_id, SUM(-amount) AS s FROM ledger_entries WHERE kind = 'usage' AND at >= :from GROUP BY account_id")
                    .bind("from", from.atOffset(ZoneOffset.UTC))
                    .map((rs, c) -> ledger.put(rs.getString(1), rs.getBigDecimal(2).setScale(6))).list();
            h.createQuery("SELECT account_id, SUM(cost) AS s FROM usage_records GROUP BY account_id")
                    .map((rs, c) -> usage.put(rs.getString(1), rs.getBigDecimal(2).setScale(6))).list();
        });
        assertThat(usage).isEqualTo(ledger);
        long negative = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE balance < 0").mapTo(Long.class).one());
        assertThat(negative).isZero();
    }

    @Test
    void everyRecordIsPricedAtThePriceInForceWhenItWasMade() {
        record Row(String model, Instant at, String unit, String variant, BigDecimal quantity, BigDecimal price, BigDecimal cost) {}
        List<Row> rows = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT model_id, at, unit, variant, quantity, unit_price, cost FROM usage_records WHERE MOD(id, 97) = 0")
                .map((rs, c) -> new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7))).list());
        assertThat(rows).hasSizeGreaterThan(100);
        db.jdbi().useHandle(h -> rows.forEach(r -> {
            assertThat(PricesInForce.unitPrice(h, r.model(), r.unit(), r.variant(), r.at())).as(r.toString()).get()
                    .satisfies(p -> assertThat(p).isEqualByComparingTo(r.price()));
            assertThat(Money.normalize(Pricing.cost(r.unit(), r.quantity(), r.price()))).as(r.toString()).isEqualByComparingTo(r.cost());
        }));
    }

    @Test
    void theShowcaseChangesAreThere() {
        assertThat(list("SELECT COUNT(DISTINCT model_id) FROM price_versions", Long.class).get(0)).isEqualTo(20);
        List<String> decreases = list("SELECT effective_at FROM price_changes WHERE kind = 'decrease' AND state = 'applied'"
                + " AND effective_at > TIMESTAMP WITH TIME ZONE '2026-11-20 00:00:00+00'", String.class);
        assertThat(decreases).as("a decrease applied last week").hasSize(1);
        List<Boolean> emergency = list("SELECT emergency FROM price_changes WHERE emergency = TRUE AND state = 'applied'", Boolean.class);
        assertThat(emergency).hasSize(1);
        record Scheduled(Instant scheduled, Instant effective, long notices) {}
        List<Scheduled> raise = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT c.scheduled_at, c.effective_at, (SELECT COUNT(*) FROM price_notices n WHERE n.change_id = c.id)
                        FROM price_changes c WHERE c.state = 'scheduled'""")
                .map((rs, c) -> new Scheduled(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getLong(3))).list());
        assertThat(raise).hasSize(1);
        assertThat(Duration.between(raise.get(0).scheduled(), raise.get(0).effective())).isEqualTo(Duration.ofDays(30));
        assertThat(raise.get(0).notices()).isPositive();
        assertThat(list("SELECT COUNT(*) FROM price_notices WHERE emergency = TRUE", Long.class).get(0)).isPositive();
        assertThat(list("SELECT COUNT(*) FROM account_limits", Long.class).get(0)).isEqualTo(2);
        assertThat(list("SELECT COUNT(*) FROM limit_changes WHERE state = 'scheduled' AND kind = 'tightening'", Long.class).get(0)).isEqualTo(1);
        var discounts = db.jdbi().withHandle(h -> dev.gatehouse.gateway.pricing.VolumeDiscountStore.inForce(h, NOW));
        assertThat(discounts.steps()).hasSize(3);
        assertThat(discounts.percentOff(new java.math.BigDecimal("12000"))).isEqualByComparingTo("7.5");
        var before = db.jdbi().withHandle(h -> dev.gatehouse.gateway.pricing.VolumeDiscountStore.inForce(h, NOW.minus(Duration.ofDays(20))));
        assertThat(before.percentOff(new java.math.BigDecimal("12000"))).as("the first schedule, before the review").isEqualByComparingTo("5");
    }

    @Test
    void someFreeKeysWentOverTheirRateLimitInTheLastWeek() {
        UsageStore.Exceedance e = db.jdbi().withHandle(h -> UsageStore.exceedance(h, UsageStore.Scope.tier("free"),
                NOW.minus(Duration.ofDays(7)), NOW, 10, 100));
        assertThat(e.requests()).isPositive();
        assertThat(e.keysOverRpm()).isPositive();
    }

    @Test
    void theSeedIsDeterministic() {
        try (Database other = Database.inMemory()) {
            CatalogSeed.seed(other, 7);
            AccountSeed.seed(other, 7, DemoScale.SMALL, NOW);
            PriceSeed.seed(other, 7, DemoScale.SMALL, NOW);
            String sql = "SELECT COUNT(*) || ':' || SUM(cost) || ':' || MIN(request_id) || ':' || MAX(request_id) FROM usage_records";
            String a = db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
            String b = other.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
            assertThat(b).isEqualTo(a);
        }
    }
}
