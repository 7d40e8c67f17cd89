package dev.gatehouse.gateway.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.tiers.TierRoutes;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pricing and tier stores on real PostgreSQL: schedule, preview, sweep, bill at the price in force, count exceedance. */
class PricingPostgresTest {
    @Test
    void scheduledChangesImpactBillingAndTierPreviewsWorkOnPostgres() {
        Instant start = Instant.parse("2026-10-01T12:00:00Z");
        MovableClock clock = new MovableClock(start);
        try (TestGateway gw = new TestGateway(PostgresDatabase.fresh(), clock)) {
            String m = TestPrices.chatModel(gw.db(), "mdl_pg", "2.00", "8.00");
            var acct = TestAccounts.create(gw.db(), "PG Co", "free", "active", 1);
            for (int i = 0; i < 12; i++) {
                TestPrices.usage(gw.db(), acct.accountId(), acct.keyIds().get(0), m, start.minus(Duration.ofHours(3)).plusSeconds(i),
                        "input_mtok", null, "1000000", "3.00");
            }
            JsonNode preview = gw.post(Role.OPS, "/admin/v1/price-changes/preview", "{\"model_id\":\"" + m
                    + "\",\"lines\":[{\"unit\":\"input_mtok\",\"base\":\"2.20\"},{\"unit\":\"output_mtok\",\"base\":\"8.00\"}],"
                    + "\"effective_at\":\"2026-11-01T00:00:00Z\"}").json();
            assertThat(preview.get("impact").get("old_total").asText()).isEqualTo("36.000000");
            assertThat(preview.get("impact").get("new_total").asText()).isEqualTo("39.600000");
            var r = gw.post(Role.OPS, "/admin/v1/price-changes", "{\"model_id\":\"" + m
                    + "\",\"lines\":[{\"unit\":\"input_mtok\",\"base\":\"2.20\"},{\"unit\":\"output_mtok\",\"base\":\"8.00\"}],"
                    + "\"effective_at\":\"2026-11-01T00:00:00Z\",\"reason\":\"provider raise\",\"preview_hash\":\""
                    + preview.get("preview_hash").asText() + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("notices").asInt()).isEqualTo(1);

            clock.set(Instant.parse("2026-11-02T00:00:00Z"));
            assertThat(new PricingRoutes(gw.db().jdbi(), clock).sweep(clock.instant())).isEqualTo(1);
            var metered = List.of(new PricesInForce.Metered("input_mtok", null, new BigDecimal("1000000")));
            BigDecimal before = gw.db().jdbi().inTransaction(h -> PricesInForce.bill(h, "r1", acct.accountId(), "k", m,
                    Instant.parse("2026-10-31T23:59:59Z"), metered).total());
            BigDecimal after = gw.db().jdbi().inTransaction(h -> PricesInForce.bill(h, "r2", acct.accountId(), "k", m,
                    Instant.parse("2026-11-01T00:00:00Z"), metered).total());
            assertThat(before).isEqualByComparingTo("3.00");
            assertThat(after).isEqualByComparingTo("3.30");
            assertThat(gw.get(Role.VIEWER, "/admin/v1/models/" + m + "/prices").json().get("history")).hasSize(2);

            clock.set(start);
            String etag = gw.get(Role.OPS, "/admin/v1/tiers/free").header("ETag");
            JsonNode tier = gw.post(Role.OPS, "/admin/v1/tiers/free/preview", "{\"rpm\":10,\"rpd\":11,\"concurrent\":2}",
                    Map.of("If-Match", etag)).json();
            assertThat(tier.get("current").get("requests").asLong()).isEqualTo(12);
            assertThat(tier.get("current").get("keys_over_rpm").asLong()).isEqualTo(1);
            assertThat(tier.get("proposed").get("keys_over_rpd").asLong()).isEqualTo(1);
            assertThat(new TierRoutes(gw.db().jdbi(), clock).sweep(clock.instant())).isZero();
        }
    }
}
