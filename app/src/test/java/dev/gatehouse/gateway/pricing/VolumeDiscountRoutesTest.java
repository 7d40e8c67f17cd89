package dev.gatehouse.gateway.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volume discounts by monthly spend over HTTP (issue 11; apimart §6): more discount at once, less under the 30-day
 * notice (it is a price raise for customers), field errors, If-Match, the sweep, and billing with the discount in force.
 */
class VolumeDiscountRoutesTest {
    private static final Instant START = Instant.parse("2026-10-01T12:00:00Z");
    private static final MovableClock CLOCK = new MovableClock(START);
    private static final String PATH = "/admin/v1/volume-discounts";
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory(), CLOCK);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static TestGateway.Response put(Role role, String steps, String extra, String etag) {
        String body = "{\"steps\":" + steps + ",\"reason\":\"Volume pricing review (apimart §6)\"" + extra + "}";
        return gw.send(role, "PUT", PATH, body, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    private static String step(String from, String off) {
        return "{\"monthly_spend_from\":\"" + from + "\",\"percent_off\":\"" + off + "\"}";
    }

    private static String field(TestGateway.Response r, String field) {
        for (JsonNode e : r.json().get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error on " + field + ": " + r.body());
    }

    private static String etag() {
        return gw.get(Role.OPS, PATH).header("ETag");
    }

    @Test
    void moreDiscountAppliesAtOnceLessWaitsThirtyDaysOrALead() {
        CLOCK.set(START);
        var empty = gw.get(Role.VIEWER, PATH);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("steps")).isEmpty();
        String etag = empty.header("ETag");
        String two = "[" + step("1000", "5") + "," + step("10000", "10") + "]";
        assertThat(put(Role.OPS, two, "", null).status()).isEqualTo(428);
        assertThat(put(Role.SUPPORT, two, "", etag).status()).isEqualTo(403);

        var more = put(Role.OPS, two, "", etag);
        assertThat(more.status()).as(more.body()).isEqualTo(200);
        assertThat(more.json().get("steps")).hasSize(2);
        assertThat(more.json().get("steps").get(1).get("percent_off").asText()).isEqualTo("10.00");
        assertThat(more.json().get("history").get(0).get("kind").asText()).isEqualTo("decrease");
        assertThat(more.json().get("history").get(0).get("state").asText()).isEqualTo("applied");
        assertThat(put(Role.OPS, "[" + step("1000", "6") + "]", "", etag).status()).as("stale ETag").isEqualTo(412);

        etag = more.header("ETag");
        String less = "[" + step("1000", "5") + "," + step("10000", "8") + "]";
        var tooSoon = put(Role.OPS, less, "", etag);
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(field(tooSoon, "effective_at")).contains("2026-10-31T12:00:00Z");
        var shortBySecond = put(Role.OPS, less, ",\"effective_at\":\"2026-10-31T12:59:59+01:00\"", etag);
        assertThat(shortBySecond.status()).isEqualTo(422);
        var scheduled = put(Role.OPS, less, ",\"effective_at\":\"2026-10-31T13:00:00+01:00\"", etag);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        assertThat(scheduled.json().get("steps").get(1).get("percent_off").asText()).as("not yet").isEqualTo("10.00");
        assertThat(scheduled.json().get("scheduled").get("kind").asText()).isEqualTo("raise");
        assertThat(scheduled.json().get("scheduled").get("effective_at").asText()).isEqualTo("2026-10-31T12:00:00Z");

        var stillTen = gw.db().jdbi().withHandle(h -> VolumeDiscountStore.inForce(h, Instant.parse("2026-10-31T11:59:59Z")));
        var nowEight = gw.db().jdbi().withHandle(h -> VolumeDiscountStore.inForce(h, Instant.parse("2026-10-31T12:00:00Z")));
        assertThat(stillTen.percentOff(new BigDecimal("20000"))).isEqualByComparingTo("10");
        assertThat(nowEight.percentOff(new BigDecimal("20000"))).as("due, even before the sweep").isEqualByComparingTo("8");

        CLOCK.set(Instant.parse("2026-10-31T12:00:00Z"));
        assertThat(new VolumeDiscountRoutes(gw.db().jdbi(), CLOCK).sweep(CLOCK.instant())).isEqualTo(1);
        JsonNode after = gw.get(Role.VIEWER, PATH).json();
        assertThat(after.get("steps").get(1).get("percent_off").asText()).isEqualTo("8.00");
        assertThat(after.get("scheduled").isNull()).isTrue();

        var notLead = put(Role.OPS, "[]", ",\"emergency\":true", etag());
        assertThat(notLead.status()).isEqualTo(403);
        var emergency = put(Role.LEAD, "[]", ",\"emergency\":true", etag());
        assertThat(emergency.status()).as(emergency.body()).isEqualTo(200);
        assertThat(emergency.json().get("steps")).isEmpty();
        assertThat(emergency.json().get("history").get(0).get("emergency").asBoolean()).isTrue();
        String id = emergency.json().get("history").get(0).get("id").asText();
        String action = gw.get(Role.LEAD, "/admin/v1/audit?target=" + id).json().get("data").get(0).get("action").asText();
        assertThat(action).isEqualTo("volume_discounts.emergency");
        CLOCK.set(START);
    }

    @Test
    void badSchedulesGetAFieldErrorEachNeverA500() {
        CLOCK.set(START);
        String etag = etag();
        record Case(String steps, String field, String says) {}
        for (Case c : List.of(
                new Case("[" + step("-1", "5") + "]", "steps[0].monthly_spend_from", "from 0"),
                new Case("[" + step("100", "NaN") + "]", "steps[0].percent_off", "NaN"),
                new Case("[" + step("100", "Infinity") + "]", "steps[0].percent_off", ""),
                new Case("[" + step("100", "100") + "]", "steps[0].percent_off", "99.99"),
                new Case("[" + step("100", "5.125") + "]", "steps[0].percent_off", "2 decimals"),
                new Case("[" + step("0.0000001", "5") + "]", "steps[0].monthly_spend_from", "6 decimals"),
                new Case("[" + step("1e99", "5") + "]", "steps[0].monthly_spend_from", ""),
                new Case("[" + step("1000", "5") + "," + step("500", "10") + "]", "steps[1].monthly_spend_from", "previous"),
                new Case("[" + step(null, "5") + "]", "steps[0].monthly_spend_from", ""),
                new Case("[null]", "steps[0]", "object"),
                new Case("null", "steps", "required"))) {
            var r = put(Role.OPS, c.steps().replace("\"null\"", "null"), "", etag);
            assertThat(r.status()).as(c.steps() + " → " + r.body()).isEqualTo(422);
            assertThat(field(r, c.field())).contains(c.says());
        }
        var past = put(Role.OPS, "[" + step("1000", "1") + "]", ",\"effective_at\":\"2020-01-01T00:00:00Z\"", etag);
        assertThat(past.status()).isEqualTo(422);
        assertThat(field(past, "effective_at")).contains("past");
        var malformed = put(Role.OPS, "[" + step("1000", "1") + "]", ",\"effective_at\":\"next tuesday\"", etag);
        assertThat(field(malformed, "effective_at")).contains("offset");
        var noReason = gw.send(Role.OPS, "PUT", PATH, "{\"steps\":[]}", Map.of("If-Match", etag));
        assertThat(noReason.status()).isEqualTo(422);
        var longReason = gw.send(Role.OPS, "PUT", PATH, "{\"steps\":[" + step("1", "1") + "],\"reason\":\"" + "x".repeat(3000) + "\"}",
                Map.of("If-Match", etag));
        assertThat(field(longReason, "reason")).contains("at most");
    }

    @Test
    void aChargeIsDiscountedByWhatTheAccountSpentEarlierThisMonth() {
        CLOCK.set(START);
        String model = TestPrices.chatModel(gw.db(), "mdl_volume", "2.00", "8.00");
        String acct = TestAccounts.create(gw.db(), "Volume Co", "pro", "active", 1).accountId();
        Instant lastMonth = Instant.parse("2026-09-30T23:00:00Z");
        Instant thisMonth = Instant.parse("2026-10-01T01:00:00Z");
        gw.db().jdbi().useHandle(h -> UsageStore.insert(h, List.of(
                new UsageStore.Row("req_vd1", acct, "key_vd", model, lastMonth, true, "output_mtok", null, new BigDecimal("100000000"),
                        new BigDecimal("12.00"), new BigDecimal("1200.000000")),
                new UsageStore.Row("req_vd2", acct, "key_vd", model, thisMonth, true, "output_mtok", null, new BigDecimal("100000000"),
                        new BigDecimal("12.00"), new BigDecimal("1200.000000")))));
        // a schedule in force since before these requests: 5 % from 1,000 spent this month
        gw.db().jdbi().useHandle(h -> VolumeDiscountStore.insert(h, new dev.gatehouse.api.VolumeDiscountChange("vdc_test_base", "applied",
                "decrease", List.of(new dev.gatehouse.api.VolumeDiscountStep(new BigDecimal("1000"), new BigDecimal("5"))),
                lastMonth.minusSeconds(86400), lastMonth.minusSeconds(86400), lastMonth.minusSeconds(86400), false, "test", "op_test",
                lastMonth.minusSeconds(86400))));
        try {
            BigDecimal onTheFirst = gw.db().jdbi().withHandle(h -> PricesInForce.discounted(h, acct, thisMonth, new BigDecimal("10.00")));
            assertThat(onTheFirst).as("last month's 1,200 does not count").isEqualByComparingTo("10.000000");
            Instant later2 = thisMonth.plusSeconds(3600);
            BigDecimal later = gw.db().jdbi().withHandle(h -> PricesInForce.discounted(h, acct, later2, new BigDecimal("10.00")));
            assertThat(later.toPlainString()).isEqualTo("9.500000");
        } finally {
            gw.db().jdbi().useHandle(h -> {
                h.createUpdate("DELETE FROM volume_discount_steps WHERE change_id = 'vdc_test_base'").execute();
                h.createUpdate("DELETE FROM volume_discount_changes WHERE id = 'vdc_test_base'").execute();
            });
        }
    }

    @Test
    void twoOperatorsEditingTheDiscountsAtOnceGetExactlyOne412() throws Exception {
        CLOCK.set(START);
        String etag = etag();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (String off : List.of("20", "25")) {
                results.add(pool.submit(() -> {
                    go.await();
                    // more discount than anything before: applies at once for whichever gets there first
                    return put(Role.OPS, "[" + step("500", off) + "]", "", etag).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
            // back to no discounts for the other tests
            gw.db().jdbi().useHandle(h -> {
                h.createUpdate("DELETE FROM volume_discount_steps WHERE change_id IN (SELECT id FROM volume_discount_changes WHERE scheduled_at = :t)")
                        .bind("t", START.atOffset(java.time.ZoneOffset.UTC)).execute();
                h.createUpdate("DELETE FROM volume_discount_changes WHERE scheduled_at = :t").bind("t", START.atOffset(java.time.ZoneOffset.UTC)).execute();
            });
        }
    }
}
