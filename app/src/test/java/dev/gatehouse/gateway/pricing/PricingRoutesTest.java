package dev.gatehouse.gateway.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.PriceChangeRequest;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Price changes over HTTP (issue 11): notice edges on a moved clock, emergency, concurrency, bulk, restarts, impact, billing. */
class PricingRoutesTest {
    private static final Instant START = Instant.parse("2026-10-01T12:00:00Z");
    private static final MovableClock CLOCK = new MovableClock(START);
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory(), CLOCK);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String lines(String in, String out) {
        return "[{\"unit\":\"input_mtok\",\"base\":\"" + in + "\"},{\"unit\":\"output_mtok\",\"base\":\"" + out + "\"}]";
    }

    private static TestGateway.Response change(Role role, String model, String lines, String effectiveAt, String extra) {
        String body = "{\"model_id\":\"" + model + "\",\"lines\":" + lines + (effectiveAt == null ? "" : ",\"effective_at\":\"" + effectiveAt + "\"")
                + ",\"reason\":\"Provider list price moved (ai-visual-studio §18)\"" + extra + "}";
        return gw.post(role, "/admin/v1/price-changes", body);
    }

    private static String field(TestGateway.Response r, String field) {
        for (JsonNode e : r.json().get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error on " + field + ": " + r.body());
    }

    @Test
    void aRaiseNeedsExactlyThirtyDaysOfNoticeAcrossZonesAndDaylightSavingTime() {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_notice", "2.00", "8.00");
        // 2026-10-31 12:00Z is 30 days on; in Berlin that is 13:00+01:00, after summer time ended on 25 October
        var shortBySecond = change(Role.OPS, m, lines("2.50", "8.00"), "2026-10-31T12:59:59+01:00", "");
        assertThat(shortBySecond.status()).as(shortBySecond.body()).isEqualTo(422);
        assertThat(field(shortBySecond, "effective_at")).contains("2026-10-31T12:00:00Z");
        var withoutDate = change(Role.OPS, m, lines("2.50", "8.00"), null, "");
        assertThat(field(withoutDate, "effective_at")).startsWith("is required").contains("2026-10-31T12:00:00Z");
        var mixed = change(Role.OPS, m, lines("2.50", "6.00"), "2026-10-15T12:00:00Z", "");
        assertThat(mixed.status()).as("a raise and a decrease together count as a raise").isEqualTo(422);
        var localTime = change(Role.OPS, m, lines("2.50", "8.00"), "2026-11-30T12:00:00", "");
        assertThat(field(localTime, "effective_at")).contains("offset");
        var past = change(Role.OPS, m, lines("1.50", "8.00"), "2026-09-30T12:00:00Z", "");
        assertThat(field(past, "effective_at")).contains("in the past");

        var exactly = change(Role.OPS, m, lines("2.50", "8.00"), "2026-10-31T13:00:00+01:00", "");
        assertThat(exactly.status()).as(exactly.body()).isEqualTo(201);
        assertThat(exactly.json().get("state").asText()).isEqualTo("scheduled");
        assertThat(exactly.json().get("kind").asText()).isEqualTo("raise");
        assertThat(exactly.json().get("effective_at").asText()).isEqualTo("2026-10-31T12:00:00Z");
        assertThat(exactly.json().get("notice_satisfied").asBoolean()).isTrue();
        assertThat(exactly.json().get("emergency").asBoolean()).isFalse();

        var decrease = change(Role.OPS, TestPrices.chatModel(gw.db(), "mdl_cheaper", "2.00", "8.00"), lines("1.80", "8.00"), null, "");
        assertThat(decrease.status()).as(decrease.body()).isEqualTo(201);
        assertThat(decrease.json().get("state").asText()).as("a decrease applies at once").isEqualTo("applied");
        assertThat(gw.get(Role.VIEWER, "/admin/v1/models/mdl_cheaper").json().get("price_card").get(0).get("api").asText()).isEqualTo("2.700000");
    }

    @Test
    void anEmergencyRaiseNeedsALeadAndAReasonAndIsMarkedEverywhere() {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_emergency", "2.00", "8.00");
        String acct = TestAccounts.create(gw.db(), "Heavy User Co", "pro", "active", 1).accountId();
        TestPrices.usage(gw.db(), acct, "key_x", m, START.minus(Duration.ofDays(3)), "input_mtok", null, "1000000", "3.00");
        assertThat(change(Role.OPS, m, lines("4.00", "8.00"), null, ",\"emergency\":true").status()).isEqualTo(403);
        String blank = "{\"model_id\":\"" + m + "\",\"lines\":" + lines("4.00", "8.00") + ",\"reason\":\" \",\"emergency\":true}";
        var noReason = gw.post(Role.LEAD, "/admin/v1/price-changes", blank);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(field(noReason, "reason")).contains("required");

        var r = change(Role.LEAD, m, lines("4.00", "8.00"), null, ",\"emergency\":true");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("state").asText()).isEqualTo("applied");
        assertThat(r.json().get("emergency").asBoolean()).isTrue();
        assertThat(r.json().get("notice_satisfied").asBoolean()).isFalse();
        assertThat(r.json().get("notices").asInt()).isEqualTo(1);
        var notices = gw.get(Role.VIEWER, "/admin/v1/price-notices?change_id=" + r.json().get("id").asText()).json().get("data");
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("emergency").asBoolean()).isTrue();
        assertThat(notices.get(0).get("summary").asText()).startsWith("Emergency price change").contains("3 → 6 USD (+100.00 %)");
        var audit = gw.get(Role.LEAD, "/admin/v1/audit?target=" + r.json().get("id").asText()).json().get("data");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("price_change.emergency");
        var prices = gw.get(Role.VIEWER, "/admin/v1/models/" + m + "/prices").json();
        assertThat(prices.get("current").get("emergency").asBoolean()).isTrue();
    }

    @Test
    void aRaiseNotifiesEveryAccountThatUsedTheModelInTheLastNinetyDays() {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_notified", "2.00", "8.00");
        String a = TestAccounts.create(gw.db(), "Recent A", "pro", "active", 1).accountId();
        String b = TestAccounts.create(gw.db(), "Recent B", "starter", "active", 1).accountId();
        String old = TestAccounts.create(gw.db(), "Long Gone", "free", "active", 1).accountId();
        TestPrices.usage(gw.db(), a, "k", m, START.minus(Duration.ofDays(1)), "input_mtok", null, "1000", "3.00");
        TestPrices.usage(gw.db(), b, "k", m, START.minus(Duration.ofDays(89)), "output_mtok", null, "1000", "12.00");
        TestPrices.usage(gw.db(), old, "k", m, START.minus(Duration.ofDays(91)), "input_mtok", null, "1000", "3.00");
        var r = change(Role.OPS, m, lines("2.20", "8.00"), "2026-11-15T00:00:00Z", "");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        var data = gw.get(Role.SUPPORT, "/admin/v1/price-notices?model_id=" + m).json().get("data");
        List<String> told = new ArrayList<>();
        data.forEach(n -> told.add(n.get("account_id").asText()));
        assertThat(told).containsExactlyInAnyOrder(a, b);
        assertThat(data.get(0).get("effective_at").asText()).isEqualTo("2026-11-15T00:00:00Z");
        assertThat(data.get(0).get("reason").asText()).contains("§18");
    }

    @Test
    void twoOperatorsEditingOneModelAtOnceGetExactlyOne412() throws Exception {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_race", "2.00", "8.00");
        String etag = gw.get(Role.OPS, "/admin/v1/models/" + m + "/prices").header("ETag");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String in : List.of("1.50", "1.60")) {
                Callable<Integer> call = () -> {
                    go.await();
                    String body = "{\"model_id\":\"" + m + "\",\"lines\":" + lines(in, "8.00") + ",\"reason\":\"match the provider\"}";
                    return gw.post(Role.OPS, "/admin/v1/price-changes", body, Map.of("If-Match", etag)).status();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 412);
        } finally {
            pool.shutdownNow();
        }
    }

    private static PriceChangeRequest bulk(List<String> ids, String percent, String effectiveAt, String hash) {
        return new PriceChangeRequest(null, null, new PriceChangeRequest.PriceFilter(null, null, null, ids),
                new PriceChangeRequest.PriceAdjustment(percent, null, null), effectiveAt, "Provider raised list prices (apibox §3)", null, hash);
    }

    private static String json(Object o) {
        try {
            return dev.gatehouse.api.Json.mapper().writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCommittedBulkChangeWritesExactlyWhatItsPreviewShowedAndAChangedCatalogGets409() {
        CLOCK.set(START);
        List<String> ids = List.of(TestPrices.chatModel(gw.db(), "mdl_bulk_a", "2.00", "8.00"),
                TestPrices.chatModel(gw.db(), "mdl_bulk_b", "0.333333", "1.10"),
                TestPrices.imageModel(gw.db(), "mdl_bulk_c", "1024x1024=0.04", "1792x1024=0.08"));
        String effective = "2026-11-02T00:00:00Z";
        var preview = gw.post(Role.OPS, "/admin/v1/price-changes/preview", json(bulk(ids, "7.5", effective, null)));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(p.get("kind").asText()).isEqualTo("raise");
        assertThat(p.get("model_count").asInt()).isEqualTo(3);
        assertThat(p.get("line_count").asInt()).isEqualTo(6);
        assertThat(p.get("notice_satisfied").asBoolean()).isTrue();
        assertThat(p.get("earliest_allowed").asText()).isEqualTo("2026-10-31T12:00:00Z");
        assertThat(gw.get(Role.OPS, "/admin/v1/price-changes?batch_id=x").json().get("data")).isEmpty();
        assertThat(gw.get(Role.VIEWER, "/admin/v1/models/mdl_bulk_b").json().get("price_card").get(0).get("base").asText())
                .as("a preview writes nothing").isEqualTo("0.333333");

        var commit = gw.post(Role.OPS, "/admin/v1/price-changes/bulk", json(bulk(ids, "7.5", effective, p.get("preview_hash").asText())),
                Map.of("Idempotency-Key", "bulk-1"));
        assertThat(commit.status()).as(commit.body()).isEqualTo(201);
        String batch = commit.json().get("batch_id").asText();
        JsonNode written = gw.get(Role.VIEWER, "/admin/v1/price-changes?batch_id=" + batch).json().get("data");
        assertThat(written).hasSize(3);
        for (JsonNode shown : p.get("models")) {
            JsonNode change = null;
            for (JsonNode c : written) {
                if (c.get("model_id").asText().equals(shown.get("model_id").asText())) {
                    change = c;
                }
            }
            assertThat(change).as(shown.get("model_id").asText()).isNotNull();
            assertThat(change.get("lines")).as("line for line").isEqualTo(shown.get("lines"));
            assertThat(change.get("effective_at").asText()).isEqualTo("2026-11-02T00:00:00Z");
        }
        // 0.333333 × 1.075 = 0.358332975 → 0.358333 (half-even, six places); API = base × 1.5
        assertThat(p.get("models").toString()).contains("\"base\":\"0.358333\"", "\"api\":\"0.537500\"");

        // the catalog moves under a second preview: committing it is refused
        var again = gw.post(Role.OPS, "/admin/v1/price-changes/preview", json(bulk(ids.subList(0, 1), "-5", null, null)));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(change(Role.OPS, ids.get(0), lines("1.00", "8.00"), null, "").status()).isEqualTo(201);
        var stale = gw.post(Role.OPS, "/admin/v1/price-changes/bulk", json(bulk(ids.subList(0, 1), "-5", null, again.json().get("preview_hash").asText())));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().get("type").asText()).endsWith("/conflict");
        var missing = gw.post(Role.OPS, "/admin/v1/price-changes/bulk", json(bulk(ids.subList(0, 1), "-5", null, null)));
        assertThat(field(missing, "preview_hash")).contains("preview");
    }

    @Test
    void theImpactPreviewMatchesAHandComputedCase() {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_impact", "2.00", "8.00");
        String a = TestAccounts.create(gw.db(), "Impact A", "pro", "active", 1).accountId();
        String b = TestAccounts.create(gw.db(), "Impact B", "pro", "active", 1).accountId();
        // A: 1M input at 3.00 + 0.5M output at 12.00 = 9.00; B: 0.2M input = 0.60; a row 40 days old is outside the window
        TestPrices.usage(gw.db(), a, "k", m, START.minus(Duration.ofDays(2)), "input_mtok", null, "1000000", "3.00");
        TestPrices.usage(gw.db(), a, "k", m, START.minus(Duration.ofDays(29)), "output_mtok", null, "500000", "12.00");
        TestPrices.usage(gw.db(), b, "k", m, START.minus(Duration.ofHours(5)), "input_mtok", null, "200000", "3.00");
        TestPrices.usage(gw.db(), b, "k", m, START.minus(Duration.ofDays(40)), "input_mtok", null, "9000000", "3.00");
        // input 2.00 → 2.50 base, 3.00 → 3.75 API: A pays 9.75 (+0.75), B 0.75 (+0.15); 9.60 → 10.50, +9.375 % → +9.38 %
        String body = "{\"model_id\":\"" + m + "\",\"lines\":" + lines("2.50", "8.00") + ",\"effective_at\":\"2026-11-01T00:00:00Z\"}";
        JsonNode impact = gw.post(Role.OPS, "/admin/v1/price-changes/preview", body).json().get("impact");
        assertThat(impact.get("accounts_with_usage").asInt()).isEqualTo(2);
        assertThat(impact.get("accounts_affected").asInt()).isEqualTo(2);
        assertThat(impact.get("old_total").asText()).isEqualTo("9.600000");
        assertThat(impact.get("new_total").asText()).isEqualTo("10.500000");
        assertThat(impact.get("delta").asText()).isEqualTo("0.900000");
        assertThat(impact.get("percent").asText()).isEqualTo("9.38");
        assertThat(impact.get("largest").get(0).get("account_id").asText()).isEqualTo(a);
        assertThat(impact.get("largest").get(0).get("account_name").asText()).isEqualTo("Impact A");
        assertThat(impact.get("largest").get(0).get("delta").asText()).isEqualTo("0.750000");
        assertThat(impact.get("largest").get(1).get("delta").asText()).isEqualTo("0.150000");
    }

    @Test
    void usageIsBilledAtThePriceInForceWhenTheRequestWasMade() {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_billing", "2.00", "8.00");
        String acct = TestAccounts.create(gw.db(), "Billed Co", "pro", "active", 1).accountId();
        var r = change(Role.OPS, m, lines("2.00", "10.00"), "2026-11-05T00:00:00Z", "");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        List<PricesInForce.Metered> request = List.of(new PricesInForce.Metered("input_mtok", null, new BigDecimal("1234")),
                new PricesInForce.Metered("output_mtok", null, new BigDecimal("1000")));
        Instant before = Instant.parse("2026-11-04T23:59:59Z");
        Instant after = Instant.parse("2026-11-05T00:00:00Z");
        // before: 1,234 × 3.00 / 1M = 0.003702 and 1,000 × 12.00 / 1M = 0.012; after, output at 15.00: 0.015
        var early = gw.db().jdbi().inTransaction(h -> PricesInForce.bill(h, "req_1", acct, "k", m, before, request));
        var late = gw.db().jdbi().inTransaction(h -> PricesInForce.bill(h, "req_2", acct, "k", m, after, request));
        assertThat(early.total()).isEqualByComparingTo("0.015702");
        assertThat(late.total()).as("a change due but not yet swept is already in force").isEqualByComparingTo("0.018702");
        assertThat(late.rows().get(1).unitPrice()).isEqualByComparingTo("15.00");

        CLOCK.set(Instant.parse("2026-11-06T00:00:00Z"));
        assertThat(new PricingRoutes(gw.db().jdbi(), CLOCK).sweep(CLOCK.instant())).isGreaterThanOrEqualTo(1);
        var swept = gw.db().jdbi().inTransaction(h -> PricesInForce.bill(h, "req_3", acct, "k", m, before, request));
        assertThat(swept.total()).as("after the change applied, the history still answers for the day before").isEqualByComparingTo("0.015702");
        JsonNode prices = gw.get(Role.VIEWER, "/admin/v1/models/" + m + "/prices?at=2026-11-04T12:00:00Z").json();
        assertThat(prices.get("in_force").get("lines").get(1).get("api").asText()).isEqualTo("12.000000");
        assertThat(prices.get("current").get("lines").get(1).get("api").asText()).isEqualTo("15.000000");
        assertThat(prices.get("history")).hasSize(2);
        BigDecimal billed = gw.db().jdbi().withHandle(h -> dev.gatehouse.gateway.usage.UsageStore.cost(h, acct, before, after.plusSeconds(1)));
        assertThat(billed).isEqualByComparingTo("0.050106");
        CLOCK.set(START);
    }

    @Test
    void aScheduledChangeIsCancelledWithAReasonUntilItTakesEffect() {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_cancel", "2.00", "8.00");
        String id = change(Role.OPS, m, lines("2.40", "8.00"), "2026-11-10T00:00:00Z", "").json().get("id").asText();
        var prices = gw.get(Role.VIEWER, "/admin/v1/models/" + m + "/prices").json();
        assertThat(prices.get("scheduled")).hasSize(1);
        var one = gw.get(Role.VIEWER, "/admin/v1/price-changes/" + id);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("state").asText()).isEqualTo("scheduled");
        assertThat(one.json().get("kind").asText()).isEqualTo("raise");
        assertThat(one.header("ETag")).isEqualTo("\"1\"");
        assertThat(gw.get(Role.VIEWER, "/admin/v1/price-changes/chg_nope").status()).isEqualTo(404);
        assertThat(gw.send(Role.SUPPORT, "DELETE", "/admin/v1/price-changes/" + id, "{\"reason\":\"x\"}", Map.of()).status()).isEqualTo(403);
        var noReason = gw.send(Role.OPS, "DELETE", "/admin/v1/price-changes/" + id, "{\"reason\":\"\"}", Map.of());
        assertThat(noReason.status()).isEqualTo(422);
        var r = gw.send(Role.OPS, "DELETE", "/admin/v1/price-changes/" + id, "{\"reason\":\"Provider withdrew its increase\"}", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("state").asText()).isEqualTo("cancelled");
        assertThat(r.json().get("cancel_reason").asText()).isEqualTo("Provider withdrew its increase");
        assertThat(gw.send(Role.OPS, "DELETE", "/admin/v1/price-changes/" + id, "{\"reason\":\"again\"}", Map.of()).status()).isEqualTo(409);
        String applied = change(Role.OPS, m, lines("1.00", "8.00"), null, "").json().get("id").asText();
        var late = gw.send(Role.OPS, "DELETE", "/admin/v1/price-changes/" + applied, "{\"reason\":\"too late\"}", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("took effect");
        assertThat(gw.get(Role.VIEWER, "/admin/v1/price-changes?state=cancelled&model_id=" + m).json().get("data")).hasSize(1);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/price-changes/" + id).header("ETag")).as("withdrawn: version 2").isEqualTo("\"2\"");
    }

    @Test
    void badInputsGetFieldErrorsNeverA500() {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_bad", "2.00", "8.00");
        String img = TestPrices.imageModel(gw.db(), "mdl_bad_img", "1024x1024=0.04");
        Map<String, String> cases = Map.ofEntries(
                Map.entry(lines("-1", "8.00"), "lines[0].base"),
                Map.entry(lines("NaN", "8.00"), "lines[0].base"),
                Map.entry(lines("Infinity", "8.00"), "lines[0].base"),
                Map.entry(lines("2.1234567", "8.00"), "lines[0].base"),
                Map.entry(lines("2.00", "99999999999"), "lines[1].base"),
                Map.entry(lines("2.00", "1e3"), "lines[1].base"),
                Map.entry("[{\"unit\":\"tokens\",\"base\":\"1\"}]", "lines[0].unit"),
                Map.entry("[{\"unit\":\"input_mtok\",\"variant\":\"1024x1024\",\"base\":\"1\"}]", "lines[0].variant"),
                Map.entry("[]", "lines"));
        cases.forEach((lines, fieldName) -> {
            var r = change(Role.OPS, m, lines, "2026-12-01T00:00:00Z", "");
            assertThat(r.status()).as(lines + ": " + r.body()).isEqualTo(422);
            assertThat(field(r, fieldName)).isNotBlank();
        });
        var variant = change(Role.OPS, img, "[{\"unit\":\"image\",\"variant\":\"huge\",\"base\":\"0.05\"}]", "2026-12-01T00:00:00Z", "");
        assertThat(field(variant, "lines[0].variant")).contains("unknown variant");
        var malformed = change(Role.OPS, m, lines("2.50", "8.00"), "next tuesday", "");
        assertThat(field(malformed, "effective_at")).contains("offset");
        var unknown = change(Role.OPS, "mdl_nope", lines("2.50", "8.00"), null, "");
        assertThat(unknown.status()).isEqualTo(404);
        var unchanged = change(Role.OPS, m, lines("2.00", "8.00"), null, "");
        assertThat(field(unchanged, "lines")).contains("nothing to schedule");
        var nanJson = gw.post(Role.OPS, "/admin/v1/price-changes", "{\"model_id\":\"" + m + "\",\"lines\":[{\"unit\":\"input_mtok\",\"base\":NaN}],\"reason\":\"x\"}");
        assertThat(nanJson.status()).isEqualTo(400);
        String badBulk = "{\"filter\":{},\"adjustment\":{\"percent\":\"-100\"}}";
        var b = gw.post(Role.OPS, "/admin/v1/price-changes/preview", badBulk);
        assertThat(b.status()).isEqualTo(422);
        assertThat(field(b, "filter")).contains("every model");
        var pct = gw.post(Role.OPS, "/admin/v1/price-changes/preview", "{\"filter\":{\"model_ids\":[\"" + m + "\"]},\"adjustment\":{\"percent\":\"-100\"}}");
        assertThat(field(pct, "adjustment.percent")).contains("above -100");
        var both = gw.post(Role.OPS, "/admin/v1/price-changes/preview", "{\"filter\":{\"model_ids\":[\"" + m + "\"]},\"adjustment\":{\"percent\":\"5\",\"markup\":\"2\"}}");
        assertThat(field(both, "adjustment")).contains("exactly one");
        var markup = gw.post(Role.OPS, "/admin/v1/price-changes/preview", "{\"filter\":{\"model_ids\":[\"" + m + "\"]},\"adjustment\":{\"markup\":\"0.5\"}}");
        assertThat(field(markup, "adjustment.markup")).contains("between 1 and 10");
    }

    @Test
    void disablingAModelInUseNeedsNoticeOrALeadsOverride() {
        CLOCK.set(START);
        String m = TestPrices.chatModel(gw.db(), "mdl_disable", "2.00", "8.00");
        String acct = TestAccounts.create(gw.db(), "Disable User", "pro", "active", 1).accountId();
        TestPrices.usage(gw.db(), acct, "k", m, START.minus(Duration.ofDays(2)), "input_mtok", null, "1000", "3.00");
        assertThat(gw.patch(Role.OPS, "/admin/v1/models/" + m, "{\"status\":\"disabled\",\"reason\":\"retired\"}", Map.of()).status()).isEqualTo(428);
        var now = gw.patch(Role.OPS, "/admin/v1/models/" + m, "{\"status\":\"disabled\",\"reason\":\"retired\"}", Map.of("If-Match", "\"1\""));
        assertThat(now.status()).isEqualTo(422);
        assertThat(field(now, "effective_at")).contains("2026-10-31T12:00:00Z");
        var later = gw.patch(Role.OPS, "/admin/v1/models/" + m,
                "{\"status\":\"disabled\",\"reason\":\"retired\",\"effective_at\":\"2026-11-01T00:00:00Z\"}", Map.of("If-Match", "\"1\""));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json().get("model").get("status").asText()).isEqualTo("active");
        assertThat(later.json().get("scheduled").get("status").asText()).isEqualTo("disabled");
        assertThat(gw.patch(Role.OPS, "/admin/v1/models/" + m, "{\"status\":\"deprecated\",\"reason\":\"x\"}", Map.of("If-Match", "\"1\"")).status())
                .isEqualTo(412);
        String etag = later.header("ETag");
        var lead = gw.patch(Role.LEAD, "/admin/v1/models/" + m,
                "{\"status\":\"disabled\",\"reason\":\"Security: jailbreak in the wild\",\"emergency\":true}", Map.of("If-Match", etag));
        assertThat(lead.status()).as(lead.body()).isEqualTo(200);
        assertThat(lead.json().get("model").get("status").asText()).isEqualTo("disabled");
        assertThat(lead.json().get("emergency").asBoolean()).isTrue();
        assertThat(lead.json().get("scheduled").isNull()).isTrue();
    }

    @Test
    void aScheduledChangeAppliesAfterARestartThatSpansItsTime(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("gw").toAbsolutePath();
        MovableClock clock = new MovableClock(START);
        String id;
        try (TestGateway first = new TestGateway(Database.open(url, "sa", ""), clock)) {
            TestPrices.chatModel(first.db(), "mdl_restart", "2.00", "8.00");
            var r = first.post(Role.OPS, "/admin/v1/price-changes", "{\"model_id\":\"mdl_restart\",\"lines\":" + lines("2.00", "9.00")
                    + ",\"effective_at\":\"2026-11-01T00:00:00Z\",\"reason\":\"provider raise\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            id = r.json().get("id").asText();
        }
        clock.set(Instant.parse("2026-11-03T08:00:00Z"));
        // the gateway was down on 1 November; it applies the change as it starts, before it serves
        try (GatewayServer second = new GatewayServer(Database.open(url, "sa", ""), "test", clock)) {
            var db = second.database();
            String state = db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM price_changes WHERE id = :id").bind("id", id).mapTo(String.class).one());
            assertThat(state).isEqualTo("applied");
            String api = db.jdbi().withHandle(h -> h.createQuery("SELECT api FROM model_price_lines WHERE model_id = 'mdl_restart' AND unit = 'output_mtok'")
                    .mapTo(BigDecimal.class).one().toPlainString());
            assertThat(api).isEqualTo("13.500000");
            Instant from = db.jdbi().withHandle(h -> h.createQuery("SELECT valid_from FROM price_versions WHERE change_id = :id").bind("id", id)
                    .mapTo(java.time.OffsetDateTime.class).one()).toInstant();
            assertThat(from).as("in force from its effective instant, not from the restart").isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
            String actor = db.jdbi().withHandle(h -> h.createQuery("SELECT actor FROM audit_entries WHERE target = :id AND action = 'price_change.apply'")
                    .bind("id", id).mapTo(String.class).one());
            assertThat(actor).isEqualTo("system");
            assertThat(AuditLog.verify(db.jdbi()).ok()).isTrue();
        }
    }
}
