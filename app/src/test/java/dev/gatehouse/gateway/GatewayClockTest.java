package dev.gatehouse.gateway;

import dev.gatehouse.gateway.accounts.SuspensionExpiry;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway takes its time from the clock it is given: requests, audit entries, idempotency keys and sweeps. */
class GatewayClockTest {
    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the gateway works in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTimedSuspensionRunsOnTheGatewaysClock() {
        Instant start = Instant.parse("2031-03-01T09:00:00Z");
        MovableClock clock = new MovableClock(start);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            String id = TestAccounts.create(gw.db(), "Clockwork Co", "pro", "active", 1).accountId();
            var r = gw.post(Role.TRUST_SAFETY, "/admin/v1/accounts/" + id + "/actions",
                    "{\"action\":\"suspend\",\"reason\":\"chargeback\",\"duration_hours\":48}", Map.of("Idempotency-Key", "clock-1"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("audit").get("at").asText()).isEqualTo("2031-03-01T09:00:00Z");
            assertThat(r.json().get("account").get("suspended_until").asText()).isEqualTo("2031-03-03T09:00:00Z");
            Instant keyCreated = gw.db().jdbi().withHandle(h -> h.createQuery(
                    "SELECT created_at FROM idempotency_keys WHERE idem_key = 'clock-1'").mapTo(java.time.OffsetDateTime.class).one()).toInstant();
            assertThat(keyCreated).isEqualTo(start);

            clock.advance(Duration.ofHours(47));
            SuspensionExpiry.sweep(gw.db().jdbi(), clock);
            assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts/" + id).json().get("account").get("status").asText()).isEqualTo("suspended");

            clock.advance(Duration.ofHours(2));
            SuspensionExpiry.sweep(gw.db().jdbi(), clock);
            var audit = gw.get(Role.VIEWER, "/admin/v1/audit?target=" + id).json().get("data");
            assertThat(audit.get(0).get("action").asText()).isEqualTo("account.reinstate");
            assertThat(audit.get(0).get("at").asText()).isEqualTo("2031-03-03T10:00:00Z");
            assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts/" + id).json().get("account").get("status").asText()).isEqualTo("active");
        }
    }
}
