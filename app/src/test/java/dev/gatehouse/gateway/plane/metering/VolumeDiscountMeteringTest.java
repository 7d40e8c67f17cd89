package dev.gatehouse.gateway.plane.metering;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.plane.Caller;
import dev.gatehouse.gateway.plane.Meter;
import dev.gatehouse.gateway.pricing.MovableClock;
import dev.gatehouse.gateway.pricing.PricesInForce;
import dev.gatehouse.gateway.pricing.TestPrices;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meter bills each request at the volume discount in force at its instant (apimart §6), on the month spend it keeps in
 * memory; usage rows store the discounted cost and still add up to the ledger's usage debits.
 */
class VolumeDiscountMeteringTest {
    private static final String PATH = "/admin/v1/volume-discounts";
    /** 1,000 input tokens at 3.00 and 500 output tokens at 12.00 per 1M: 0.003000 + 0.006000 before any discount. */
    private static final List<PricesInForce.Metered> LINES = CreditMeterTest.LINES;
    private static final Meter.Logged LOGGED = CreditMeterTest.LOGGED;

    private record Keys(String accountId, Caller live, Caller test) {}

    private static Keys account(Database db) {
        var acct = TestAccounts.create(db, "Discount " + System.nanoTime(), "pro", "active", 3);
        return new Keys(acct.accountId(), new Caller(acct.keyIds().get(0), acct.accountId(), "live", "pro"),
                new Caller(acct.keyIds().get(2), acct.accountId(), "test", "pro"));
    }

    /** Sets the schedule through the admin API (so the audit head moves, as in production). */
    private static void schedule(TestGateway gw, Role role, String steps, String effectiveAt) {
        String etag = gw.get(Role.OPS, PATH).header("ETag");
        String body = "{\"steps\":" + steps + ",\"reason\":\"Volume pricing review (apimart §6)\""
                + (effectiveAt == null ? "" : ",\"effective_at\":\"" + effectiveAt + "\"") + "}";
        var r = gw.send(role, "PUT", PATH, body, Map.of("If-Match", etag));
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }

    private static String step(String from, String off) {
        return "{\"monthly_spend_from\":\"" + from + "\",\"percent_off\":\"" + off + "\"}";
    }

    private static BigDecimal sum(Database db, String sql, String accountId) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("a", accountId).mapTo(BigDecimal.class).one());
    }

    @Test
    void aRequestUnderAScheduleIsChargedTheDiscountedCostAndUsageAddsUpToTheLedger() {
        Instant start = Instant.parse("2026-10-14T09:00:00Z");
        MovableClock clock = new MovableClock(start);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            Database db = gw.db();
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Keys a = account(db);
            schedule(gw, Role.OPS, "[" + step("0", "12.5") + "]", null); // more discount: in force at once
            try (CreditMeter meter = new CreditMeter(db.jdbi(), clock, "node-a")) {
                // 0.003000 × 0.875 = 0.002625; 0.006000 × 0.875 = 0.005250; together 0.007875
                Meter.Charge c = meter.charge(a.live(), "mdl_meter", LINES, LOGGED, start);
                assertThat(c.cost()).isEqualByComparingTo("0.007875");
                // rounding per line, half-even: 1 input token 0.000003 × 0.875 = 0.000002625 → 0.000003;
                // 3 output tokens 0.000036 × 0.875 = 0.0000315 → 0.000032 (half to even)
                Meter.Charge tiny = meter.charge(a.live(), "mdl_meter", List.of(
                        new PricesInForce.Metered("input_mtok", null, BigDecimal.ONE),
                        new PricesInForce.Metered("output_mtok", null, new BigDecimal("3"))), LOGGED, start.plusSeconds(1));
                assertThat(tiny.cost()).isEqualByComparingTo("0.000035");
                assertThat(meter.charge(a.test(), "mdl_meter", LINES, LOGGED, start.plusSeconds(2)).cost()).isZero();
                meter.flush();
                var rows = db.jdbi().withHandle(h -> h.createQuery("SELECT unit, quantity, unit_price, cost FROM usage_records "
                        + "WHERE request_id = :r ORDER BY unit").bind("r", c.requestId()).mapToMap().list());
                // the unit price stays the card's API price (traceable); the cost is after the discount
                assertThat((BigDecimal) rows.get(0).get("unit_price")).isEqualByComparingTo("3.00");
                assertThat((BigDecimal) rows.get(0).get("cost")).isEqualByComparingTo("0.002625");
                assertThat((BigDecimal) rows.get(1).get("unit_price")).isEqualByComparingTo("12.00");
                assertThat((BigDecimal) rows.get(1).get("cost")).isEqualByComparingTo("0.005250");
                assertThat(sum(db, "SELECT cost FROM request_log WHERE id = '" + c.requestId() + "' AND account_id = :a", a.accountId()))
                        .isEqualByComparingTo("0.007875");
                BigDecimal usage = sum(db, "SELECT SUM(cost) FROM usage_records WHERE account_id = :a", a.accountId());
                BigDecimal debits = sum(db, "SELECT -SUM(amount) FROM ledger_entries WHERE account_id = :a AND kind = 'usage' "
                        + "AND actor = 'system:plane'", a.accountId());
                assertThat(usage).isEqualByComparingTo("0.007910").isEqualByComparingTo(debits);
            }
        }
    }

    @Test
    void crossingASpendStepChangesTheRateFromTheNextRequestAndTheSpendIsLoadedFromUsage() {
        Instant mid = Instant.parse("2026-10-15T10:00:00Z");
        MovableClock clock = new MovableClock(mid);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            Database db = gw.db();
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Keys a = account(db);
            schedule(gw, Role.OPS, "[" + step("0.02", "20") + "]", null);
            // a node that served two requests this month and went away: 0.018 in usage_records
            try (CreditMeter earlier = new CreditMeter(db.jdbi(), clock, "node-a")) {
                earlier.charge(a.live(), "mdl_meter", LINES, LOGGED, mid);
                earlier.charge(a.live(), "mdl_meter", LINES, LOGGED, mid.plusSeconds(1));
            }
            try (CreditMeter meter = new CreditMeter(db.jdbi(), clock, "node-b")) {
                // spent 0.018 < 0.02: full price; this charge crosses the step and is billed at the tier it started in
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, mid.plusSeconds(2)).cost()).isEqualByComparingTo("0.009");
                assertThat(meter.monthSpend(a.accountId())).isEqualByComparingTo("0.027");
                // the next request: 20 % off, 0.0024 + 0.0048
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, mid.plusSeconds(3)).cost()).isEqualByComparingTo("0.0072");
                // a new UTC month starts from zero spend: full price again
                Instant november = Instant.parse("2026-11-01T00:00:00Z");
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, november).cost()).isEqualByComparingTo("0.009");
                assertThat(meter.monthSpend(a.accountId())).isEqualByComparingTo("0.009");
            }
        }
    }

    @Test
    void aScheduleChangeForAFutureInstantAppliesFromThatInstant() throws Exception {
        Instant start = Instant.parse("2026-10-01T12:00:00Z");
        MovableClock clock = new MovableClock(start);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            Database db = gw.db();
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Keys a = account(db);
            try (CreditMeter meter = new CreditMeter(db.jdbi(), clock, "node-a")) {
                // no schedule yet: list price (and the empty schedule is now cached)
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, start).cost()).isEqualByComparingTo("0.009");
                schedule(gw, Role.OPS, "[" + step("0", "10") + "]", null);
                Thread.sleep(600); // the meter's next flush sees the audit head move and forgets the cached schedule
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, start.plusSeconds(1)).cost()).isEqualByComparingTo("0.0081");
                // less discount is a raise for customers: 30 days' notice, so it is scheduled for later
                Instant effective = start.plus(Duration.ofDays(31));
                schedule(gw, Role.OPS, "[" + step("0", "5") + "]", effective.toString());
                Thread.sleep(600);
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, effective.minusMillis(1)).cost())
                        .isEqualByComparingTo("0.0081");
                // 5 % off from the effective instant, though no sweep has applied the change: 0.00285 + 0.0057
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, effective).cost()).isEqualByComparingTo("0.00855");
            }
        }
    }

    @Test
    void anotherNodesChargesReachTheSpendAfterAFlushAndARefresh() throws Exception {
        Instant mid = Instant.parse("2026-10-15T10:00:00Z");
        MovableClock clock = new MovableClock(mid);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            Database db = gw.db();
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Keys a = account(db);
            schedule(gw, Role.OPS, "[" + step("0.03", "20") + "]", null);
            Duration slow = Duration.ofSeconds(60); // flushes only when told to
            try (CreditMeter one = new CreditMeter(db.jdbi(), clock, "node-a", slow);
                 CreditMeter two = new CreditMeter(db.jdbi(), clock, "node-b", slow)) {
                assertThat(two.charge(a.live(), "mdl_meter", LINES, LOGGED, mid).cost()).isEqualByComparingTo("0.009");
                for (int i = 1; i <= 3; i++) {
                    assertThat(one.charge(a.live(), "mdl_meter", LINES, LOGGED, mid.plusSeconds(i)).cost()).isEqualByComparingTo("0.009");
                }
                one.flush();
                two.flush();
                Thread.sleep(MonthSpends.REFRESH.toMillis() + 100);
                // node b has not seen node a's 0.027 yet: this request is the "late" one, at list price
                assertThat(two.monthSpend(a.accountId())).isEqualByComparingTo("0.009");
                assertThat(two.charge(a.live(), "mdl_meter", LINES, LOGGED, mid.plusSeconds(5)).cost()).isEqualByComparingTo("0.009");
                two.flush(); // writes it and reads the month spend again: 0.027 + 0.018
                assertThat(two.monthSpend(a.accountId())).isEqualByComparingTo("0.045");
                assertThat(two.charge(a.live(), "mdl_meter", LINES, LOGGED, mid.plusSeconds(6)).cost()).isEqualByComparingTo("0.0072");
            }
        }
    }
}
