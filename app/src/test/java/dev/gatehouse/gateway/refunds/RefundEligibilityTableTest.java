package dev.gatehouse.gateway.refunds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 test: the eligibility table for every preset, through the gateway, with the gateway's clock moved across
 * the 7-day edge (exactly 7 × 24 h after purchase is inside, one second later is not; pixapi §8).
 */
class RefundEligibilityTableTest {
    private static final Instant BOUGHT = Instant.parse("2027-03-01T12:00:00Z");
    private static final Duration EDGE = Duration.ofDays(7);

    /** One row: preset, lot kind, age at request → verdict, deciding rule, its source. */
    private record Row(String preset, String kind, Duration age, String verdict, String rule, String source) {}

    private static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        Duration inside = EDGE;
        Duration outside = EDGE.plusSeconds(1);
        for (Duration age : List.of(Duration.ofHours(1), inside, outside, Duration.ofDays(9))) {
            boolean in = age.compareTo(EDGE) <= 0;
            rows.add(new Row("pixapi", "purchase", age, in ? "eligible" : "ineligible",
                    "refund window (days)", "Pixapi preset, pixapi §8"));
            rows.add(new Row("ai_visual_studio", "purchase", age, in ? "eligible" : "ineligible",
                    "refund window (days)", "AI Visual Studio preset, default (DESIGN §4)"));
            for (String kind : List.of("promotion", "signup_reward", "manual_grant")) {
                rows.add(new Row("pixapi", kind, age, "ineligible", "refundable lot kinds", "Pixapi preset, pixapi §8"));
                rows.add(new Row("ai_visual_studio", kind, age, "ineligible", "refundable lot kinds",
                        "AI Visual Studio preset, default (DESIGN §4)"));
            }
            for (String kind : List.of("purchase", "promotion")) {
                rows.add(new Row("apimart", kind, age, "ineligible", "refunds only as an exception", "APIMart preset, apimart §6"));
                rows.add(new Row("apibox", kind, age, "ineligible", "refunds only as an exception", "APIBox preset, apibox §3"));
                rows.add(new Row("decart", kind, age, "ineligible", "credit purchases are final", "Decart preset, decart §5.2"));
            }
        }
        return rows;
    }

    private static void switchTo(TestGateway gw, String preset) {
        var current = gw.get(Role.LEAD, "/admin/v1/policy");
        var r = gw.send(Role.LEAD, "PUT", "/admin/v1/policy", "{\"preset\":\"" + preset + "\",\"reason\":\"table test\"}",
                Map.of("If-Match", current.header("ETag")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void everyPresetDecidesByItsOwnRuleOnBothSidesOfTheSevenDayEdge() {
        MovableClock clock = new MovableClock(BOUGHT);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            String active = "pixapi";
            int n = 0;
            for (Row row : table()) {
                if (!row.preset().equals(active)) {
                    clock.set(BOUGHT);
                    switchTo(gw, row.preset());
                    active = row.preset();
                }
                String paid = row.kind().equals("purchase") ? "50" : "0";
                TestRefunds.Lot lot = TestRefunds.lot(gw.db(), "Table Co " + n++, row.kind(), "50", paid, BOUGHT, Duration.ofDays(365));
                clock.set(BOUGHT.plus(row.age()));
                var r = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "20.00"));
                assertThat(r.status()).as(row + ": " + r.body()).isEqualTo(201);
                JsonNode e = r.json().get("eligibility");
                String what = row + " → " + e;
                assertThat(e.get("verdict").asText()).as(what).isEqualTo(row.verdict());
                assertThat(e.get("deciding_rule").asText()).as(what).isEqualTo(row.rule());
                assertThat(e.get("deciding_source").asText()).as(what).isEqualTo(row.source());
                assertThat(e.at("/reasons/0/text").asText()).as(what).endsWith("(" + row.source() + ")");
                assertThat(r.json().at("/refund/verdict").asText()).isEqualTo(row.verdict());
                assertThat(e.get("refundable").asText()).as(what).isEqualTo(row.verdict().equals("eligible") ? "50.000000" : "0.000000");
            }
        }
    }

    @Test
    void aRequestMadeInsideTheWindowStaysEligibleWhenDecidedAfterIt() {
        MovableClock clock = new MovableClock(BOUGHT);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            TestRefunds.Lot lot = TestRefunds.lot(gw.db(), "Edge Co", "purchase", "50", "50", BOUGHT, Duration.ofDays(365));
            clock.set(BOUGHT.plus(EDGE));
            var r = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(lot, "20.00"));
            assertThat(r.json().at("/eligibility/reasons/0/text").asText())
                    .isEqualTo("unused purchased credits bought 7 days ago, inside the 7-day window (Pixapi preset, pixapi §8)");
            String id = r.json().at("/refund/id").asText();
            clock.set(BOUGHT.plus(Duration.ofDays(9)));
            var detail = gw.get(Role.VIEWER, "/admin/v1/refunds/" + id);
            assertThat(detail.json().at("/eligibility/verdict").asText()).isEqualTo("eligible");
            var approved = gw.post(Role.SUPPORT, "/admin/v1/refunds/" + id + "/approve", "{\"amount\":\"20.00\",\"reason\":\"asked on day 7\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().at("/refund/state").asText()).isEqualTo("paid");

            TestRefunds.Lot late = TestRefunds.lot(gw.db(), "Late Co", "purchase", "50", "50", BOUGHT, Duration.ofDays(365));
            clock.set(BOUGHT.plus(EDGE).plusSeconds(1));
            var lateRequest = gw.post(Role.SUPPORT, "/admin/v1/refunds", TestRefunds.intakeBody(late, "20.00"));
            assertThat(lateRequest.json().at("/eligibility/reasons/0/text").asText())
                    .isEqualTo("bought 7 days 00:00:01 ago, outside the 7-day window (Pixapi preset, pixapi §8)");
        }
    }
}
