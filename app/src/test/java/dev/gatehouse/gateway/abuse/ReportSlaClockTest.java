package dev.gatehouse.gateway.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 24 h clock on the gateway's injected clock: times stored and sent in UTC, due soon within the last hour, on time
 * at exactly 24 h, breached a millisecond later; across a DST night the deadline is 24 elapsed hours.
 */
class ReportSlaClockTest {
    @Test
    void theDeadlineIsExactly24ElapsedHoursOnTheGatewaysClock() {
        // the night Europe/Berlin springs forward: 24 elapsed hours, 25 on the wall clock
        Instant start = Instant.parse("2031-03-29T22:30:00Z");
        TestClock clock = new TestClock(start);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            var f = TestReports.file(gw, "spam");
            String id = f.reportId();
            JsonNode r = report(gw, id);
            assertThat(r.get("received_at").asText()).isEqualTo("2031-03-29T22:30:00Z");
            assertThat(r.get("due_at").asText()).isEqualTo("2031-03-30T22:30:00Z");
            assertThat(r.get("sla_state").asText()).isEqualTo("on_track");
            Instant stored = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT due_at FROM abuse_reports WHERE id = :id")
                    .bind("id", id).mapTo(OffsetDateTime.class).one()).toInstant();
            assertThat(stored).isEqualTo(Instant.parse("2031-03-30T22:30:00Z"));

            clock.advance(Duration.ofHours(23));
            assertThat(report(gw, id).get("sla_state").asText()).as("1 h left is due soon").isEqualTo("due_soon");
            assertThat(gw.get(Role.VIEWER, "/admin/v1/abuse-reports/metrics").json().get("open_by_sla").get("due_soon").asInt()).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            r = report(gw, id);
            assertThat(r.get("sla_state").asText()).as("exactly 24 h: still in time").isEqualTo("due_soon");
            assertThat(r.get("breached").asBoolean()).isFalse();
            assertThat(gw.get(Role.VIEWER, "/admin/v1/abuse-reports?breached=true").json().get("data")).isEmpty();
            clock.advance(Duration.ofMillis(1));
            r = report(gw, id);
            assertThat(r.get("sla_state").asText()).isEqualTo("breached");
            assertThat(r.get("breached").asBoolean()).isTrue();
            assertThat(gw.get(Role.VIEWER, "/admin/v1/abuse-reports?breached=true").json().get("data")).hasSize(1);
            var metrics = gw.get(Role.VIEWER, "/admin/v1/abuse-reports/metrics").json();
            assertThat(metrics.get("open_by_sla").get("breached").asInt()).isEqualTo(1);
            assertThat(metrics.get("breaches_by_category").get("spam").asInt()).isEqualTo(1);

            // answered late: breached for good, and counted against the 7-day compliance
            var done = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + id + "/resolve",
                    "{\"decision\":\"dismiss\",\"reason\":\"Not abuse: a marketing email the reporter signed up for.\",\"policy_clause\":\"pixapi §5\"}");
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            clock.advance(Duration.ofDays(2));
            assertThat(report(gw, id).get("breached").asBoolean()).isTrue();
            metrics = gw.get(Role.VIEWER, "/admin/v1/abuse-reports/metrics").json();
            assertThat(metrics.get("within24h7d").get("counted").asInt()).isEqualTo(1);
            assertThat(metrics.get("within24h7d").get("answered_in_time").asInt()).isZero();
            assertThat(metrics.get("within24h7d").get("share").asText()).isEqualTo("0.0000");
            assertThat(metrics.get("median_seconds_to_first_action").asLong()).isEqualTo(24 * 3600);
        }
    }

    @Test
    void anAnswerInTimeStaysInTimeAndTheTargetFollowsTheSeverity() {
        TestClock clock = new TestClock(Instant.parse("2031-10-25T23:00:00Z")); // Berlin falls back this night
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            var f = TestReports.file(gw, "non_consensual_imagery");
            JsonNode r = report(gw, f.reportId());
            assertThat(r.get("target_at").asText()).isEqualTo("2031-10-26T00:00:00Z");
            assertThat(r.get("due_at").asText()).isEqualTo("2031-10-26T23:00:00Z");
            TestReports.claim(gw, Role.TRUST_SAFETY, f.reportId());
            clock.advance(Duration.ofMinutes(30));
            var e = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + f.reportId() + "/escalate",
                    "{\"to\":\"law_enforcement\",\"note\":\"Reported to the police\"}");
            assertThat(e.status()).isEqualTo(200);
            clock.advance(Duration.ofDays(3));
            r = report(gw, f.reportId());
            assertThat(r.get("first_action_at").asText()).isEqualTo("2031-10-25T23:30:00Z");
            assertThat(r.get("breached").asBoolean()).isFalse();
            assertThat(r.get("sla_state").asText()).isEqualTo("on_track");
        }
    }

    private static JsonNode report(TestGateway gw, String id) {
        return gw.get(Role.VIEWER, "/admin/v1/abuse-reports/" + id).json().get("report");
    }
}
