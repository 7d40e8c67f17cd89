package dev.gatehouse.gateway.tiers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.pricing.MovableClock;
import dev.gatehouse.gateway.pricing.TestPrices;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate-limit tiers and Enterprise limits over HTTP (issue 11): defaults, loosen at once, tighten under notice, previews. */
class TierRoutesTest {
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

    private static TestGateway.Response put(Role role, String path, String body, String etag) {
        return gw.send(role, "PUT", path, body, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    private static String limits(int rpm, int rpd, int c, String extra) {
        return "{\"rpm\":" + rpm + ",\"rpd\":" + rpd + ",\"concurrent\":" + c + ",\"reason\":\"Capacity review (ai-visual-studio §4)\"" + extra + "}";
    }

    private static String field(TestGateway.Response r, String field) {
        for (JsonNode e : r.json().get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error on " + field + ": " + r.body());
    }

    private static void reset(String tier, int rpm, int rpd, int c) {
        gw.db().jdbi().useHandle(h -> {
            h.createUpdate("UPDATE limit_changes SET state = 'superseded' WHERE target = :t AND state = 'scheduled'").bind("t", tier).execute();
            h.createUpdate("UPDATE rate_tiers SET rpm = :rpm, rpd = :rpd, concurrent = :c WHERE name = :t")
                    .bind("rpm", rpm).bind("rpd", rpd).bind("c", c).bind("t", tier).execute();
        });
    }

    @Test
    void theDefaultsAreDesignSection4s() {
        JsonNode data = gw.get(Role.VIEWER, "/admin/v1/tiers").json().get("data");
        assertThat(data).hasSize(4);
        List<String> shown = new ArrayList<>();
        data.forEach(t -> shown.add(t.get("name").asText() + " " + t.get("rpm") + "/" + t.get("rpd") + "/" + t.get("concurrent")));
        assertThat(shown).containsExactly("free 10/100/2", "starter 60/1000/5", "pro 120/10000/20", "enterprise null/null/null");
        assertThat(data.get(3).get("custom").asBoolean()).isTrue();
        var one = gw.get(Role.VIEWER, "/admin/v1/tiers/free");
        assertThat(one.header("ETag")).isEqualTo("\"" + one.json().get("version").asLong() + "\"");
        assertThat(gw.get(Role.VIEWER, "/admin/v1/tiers/platinum").status()).isEqualTo(404);
    }

    @Test
    void looseningAppliesAtOnceAndTighteningWaitsThirtyDaysOrALead() {
        CLOCK.set(START);
        reset("starter", 60, 1000, 5);
        String path = "/admin/v1/tiers/starter";
        String etag = gw.get(Role.OPS, path).header("ETag");
        assertThat(put(Role.OPS, path, limits(80, 2000, 8, ""), null).status()).isEqualTo(428);
        assertThat(put(Role.SUPPORT, path, limits(80, 2000, 8, ""), etag).status()).isEqualTo(403);
        var loose = put(Role.OPS, path, limits(80, 2000, 8, ""), etag);
        assertThat(loose.status()).as(loose.body()).isEqualTo(200);
        assertThat(loose.json().get("rpm").asInt()).isEqualTo(80);
        assertThat(loose.json().get("scheduled").isNull()).isTrue();
        assertThat(put(Role.OPS, path, limits(90, 2000, 8, ""), etag).status()).as("stale ETag").isEqualTo(412);

        etag = loose.header("ETag");
        // lowering one limit while raising another is still a tightening
        var mixed = put(Role.OPS, path, limits(70, 5000, 8, ""), etag);
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(field(mixed, "effective_at")).contains("2026-10-31T12:00:00Z");
        var shortBySecond = put(Role.OPS, path, limits(70, 2000, 8, ",\"effective_at\":\"2026-10-31T12:59:59+01:00\""), etag);
        assertThat(shortBySecond.status()).isEqualTo(422);
        var scheduled = put(Role.OPS, path, limits(70, 2000, 8, ",\"effective_at\":\"2026-10-31T13:00:00+01:00\""), etag);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        assertThat(scheduled.json().get("rpm").asInt()).as("not yet").isEqualTo(80);
        assertThat(scheduled.json().get("scheduled").get("after").get("rpm").asInt()).isEqualTo(70);
        assertThat(scheduled.json().get("scheduled").get("kind").asText()).isEqualTo("tightening");

        CLOCK.set(Instant.parse("2026-10-31T12:00:00Z"));
        assertThat(new TierRoutes(gw.db().jdbi(), CLOCK).sweep(CLOCK.instant())).isEqualTo(1);
        JsonNode after = gw.get(Role.VIEWER, path).json();
        assertThat(after.get("rpm").asInt()).isEqualTo(70);
        assertThat(after.get("scheduled").isNull()).isTrue();

        var emergency = put(Role.LEAD, path, limits(30, 500, 3, ",\"emergency\":true"), gw.get(Role.OPS, path).header("ETag"));
        assertThat(emergency.status()).as(emergency.body()).isEqualTo(200);
        assertThat(emergency.json().get("rpm").asInt()).isEqualTo(30);
        String action = gw.get(Role.LEAD, "/admin/v1/audit?target=starter").json().get("data").get(0).get("action").asText();
        assertThat(action).isEqualTo("tier.emergency");
        CLOCK.set(START);
    }

    @Test
    void aScheduledTighteningIsCancelledWithAReasonAndTheTierKeepsItsLimits() {
        CLOCK.set(START);
        reset("pro", 120, 10000, 20);
        String path = "/admin/v1/tiers/pro";
        var scheduled = put(Role.OPS, path, limits(100, 10000, 20, ",\"effective_at\":\"2026-11-15T00:00:00Z\""), gw.get(Role.OPS, path).header("ETag"));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        String id = scheduled.json().get("scheduled").get("id").asText();
        String etag = scheduled.header("ETag");
        assertThat(gw.send(Role.SUPPORT, "DELETE", "/admin/v1/limit-changes/" + id, "{\"reason\":\"x\"}", Map.of()).status()).isEqualTo(403);
        var noReason = gw.send(Role.OPS, "DELETE", "/admin/v1/limit-changes/" + id, "{\"reason\":\" \"}", Map.of());
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(field(noReason, "reason")).contains("required");
        assertThat(gw.send(Role.OPS, "DELETE", "/admin/v1/limit-changes/" + id, "{\"reason\":\"x\"}", Map.of("If-Match", "\"2\"")).status())
                .isEqualTo(412);
        var r = gw.send(Role.OPS, "DELETE", "/admin/v1/limit-changes/" + id, "{\"reason\":\"Capacity arrived after all\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("state").asText()).isEqualTo("cancelled");
        assertThat(r.json().get("cancel_reason").asText()).isEqualTo("Capacity arrived after all");
        assertThat(r.json().get("cancelled_by").asText()).startsWith("op_");
        JsonNode tier = gw.get(Role.VIEWER, path).json();
        assertThat(tier.get("rpm").asInt()).isEqualTo(120);
        assertThat(tier.get("scheduled").isNull()).isTrue();
        assertThat(put(Role.OPS, path, limits(130, 10000, 20, ""), etag).status()).as("the tier's version moved on").isEqualTo(412);
        var again = gw.send(Role.OPS, "DELETE", "/admin/v1/limit-changes/" + id, "{\"reason\":\"again\"}", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(gw.send(Role.OPS, "DELETE", "/admin/v1/limit-changes/lim_nope", "{\"reason\":\"x\"}", Map.of()).status()).isEqualTo(404);
        CLOCK.set(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(new TierRoutes(gw.db().jdbi(), CLOCK).sweep(CLOCK.instant())).as("a withdrawn change never applies").isZero();
        assertThat(gw.get(Role.VIEWER, path).json().get("rpm").asInt()).isEqualTo(120);
        String action = gw.get(Role.LEAD, "/admin/v1/audit?target=" + id).json().get("data").get(0).get("action").asText();
        assertThat(action).isEqualTo("limits.cancel");
        CLOCK.set(START);
    }

    @Test
    void twoOperatorsEditingOneTierAtOnceGetExactlyOne412() throws Exception {
        reset("pro", 120, 10000, 20);
        String etag = gw.get(Role.OPS, "/admin/v1/tiers/pro").header("ETag");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int rpm : List.of(150, 160)) {
                results.add(pool.submit(() -> {
                    go.await();
                    return put(Role.OPS, "/admin/v1/tiers/pro", limits(rpm, 20000, 20, ""), etag).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badLimitsGetAFieldErrorEach() {
        String etag = gw.get(Role.OPS, "/admin/v1/tiers/free").header("ETag");
        var r = put(Role.OPS, "/admin/v1/tiers/free", "{\"rpm\":100,\"rpd\":50,\"concurrent\":200,\"reason\":\"x\"}", etag);
        assertThat(r.status()).isEqualTo(422);
        assertThat(field(r, "rpd")).contains("at least rpm");
        assertThat(field(r, "concurrent")).contains("at most rpm");
        var bounds = put(Role.OPS, "/admin/v1/tiers/free", "{\"rpm\":-1,\"rpd\":1000000000,\"reason\":\"x\"}", etag);
        assertThat(field(bounds, "rpm")).contains("from 1");
        assertThat(field(bounds, "rpd")).contains("100000000");
        assertThat(field(bounds, "concurrent")).contains("required");
        var noReason = put(Role.OPS, "/admin/v1/tiers/free", "{\"rpm\":20,\"rpd\":200,\"concurrent\":2}", etag);
        assertThat(field(noReason, "reason")).contains("required");
        var fraction = put(Role.OPS, "/admin/v1/tiers/free", "{\"rpm\":10.5,\"rpd\":200,\"concurrent\":2,\"reason\":\"x\"}", etag);
        assertThat(fraction.status()).isEqualTo(400);
        var same = put(Role.OPS, "/admin/v1/tiers/free", limits(10, 100, 2, ""), etag);
        assertThat(field(same, "rpm")).contains("nothing to change");
        var enterprise = put(Role.OPS, "/admin/v1/tiers/enterprise", limits(10, 100, 2, ""), gw.get(Role.OPS, "/admin/v1/tiers/enterprise").header("ETag"));
        assertThat(enterprise.status()).isEqualTo(409);
    }

    @Test
    void enterpriseAccountsHaveCustomLimitsUnderTheSameRule() {
        CLOCK.set(START);
        String ent = TestAccounts.create(gw.db(), "Big Enterprise Co", "enterprise", "active", 2).accountId();
        String path = "/admin/v1/accounts/" + ent + "/limits";
        var before = gw.get(Role.VIEWER, path);
        assertThat(before.json().get("custom").asBoolean()).isFalse();
        assertThat(before.json().get("source").asText()).isEqualTo("tier:pro");
        assertThat(before.header("ETag")).isEqualTo("\"1\"");
        var set = put(Role.OPS, path, limits(600, 500000, 60, ""), "\"1\"");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("custom").asBoolean()).isTrue();
        assertThat(set.json().get("rpm").asInt()).isEqualTo(600);
        var tighter = put(Role.OPS, path, limits(300, 500000, 60, ""), set.header("ETag"));
        assertThat(field(tighter, "effective_at")).contains("2026-10-31T12:00:00Z");
        var later = put(Role.OPS, path, limits(300, 500000, 60, ",\"effective_at\":\"2026-11-15T00:00:00Z\""), set.header("ETag"));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(later.json().get("rpm").asInt()).isEqualTo(600);
        assertThat(later.json().get("scheduled").get("after").get("rpm").asInt()).isEqualTo(300);

        String pro = TestAccounts.create(gw.db(), "Pro Only Co", "pro", "active", 1).accountId();
        var notEnterprise = put(Role.OPS, "/admin/v1/accounts/" + pro + "/limits", limits(600, 500000, 60, ""), "\"1\"");
        assertThat(notEnterprise.status()).isEqualTo(409);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts/acct_nope/limits").status()).isEqualTo(404);
    }

    @Test
    void aTierPreviewCountsWhoWentOverTheNewLimitsInTheLastSevenDays() {
        CLOCK.set(START);
        reset("free", 10, 100, 2);
        var acct = TestAccounts.create(gw.db(), "Bursty Free Co", "free", "active", 2);
        String m = TestPrices.chatModel(gw.db(), "mdl_tier_preview", "0.10", "0.40");
        Instant minute = START.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (int i = 0; i < 9; i++) { // 9 requests in one minute: fine at 10 rpm, over at 8
            TestPrices.usage(gw.db(), acct.accountId(), acct.keyIds().get(0), m, minute.plusSeconds(i * 5), "input_mtok", null, "100", "0.15");
        }
        TestPrices.usage(gw.db(), acct.accountId(), acct.keyIds().get(1), m, START.minus(Duration.ofDays(9)), "input_mtok", null, "100", "0.15");
        String etag = gw.get(Role.OPS, "/admin/v1/tiers/free").header("ETag");
        var r = gw.post(Role.OPS, "/admin/v1/tiers/free/preview", limits(8, 100, 2, ""), Map.of("If-Match", etag));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.get("kind").asText()).isEqualTo("tightening");
        assertThat(p.get("notice_satisfied").asBoolean()).isFalse();
        assertThat(p.get("earliest_allowed").asText()).isEqualTo("2026-10-31T12:00:00Z");
        assertThat(p.get("accounts").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(p.get("current").get("requests").asLong()).isEqualTo(9);
        assertThat(p.get("current").get("keys_over_rpm").asLong()).isZero();
        assertThat(p.get("proposed").get("keys_over_rpm").asLong()).isEqualTo(1);
        assertThat(p.get("proposed").get("accounts_over_rpm").asLong()).isEqualTo(1);
        assertThat(gw.get(Role.OPS, "/admin/v1/tiers/free").json().get("rpm").asInt()).as("a preview writes nothing").isEqualTo(10);
    }
}
