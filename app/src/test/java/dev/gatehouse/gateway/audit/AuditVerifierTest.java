package dev.gatehouse.gateway.audit;

import dev.gatehouse.api.AuditVerification;
import dev.gatehouse.gateway.Database;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditVerifierTest {
    /** A clock that moves by {@code step} on every reading, so a walk "takes" one step. */
    private static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");
        Duration step = Duration.ofMillis(500);

        @Override
        public Instant instant() {
            Instant t = now;
            now = now.plus(step);
            return t;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aWalkIsFollowedByAPauseFourTimesItsLength() {
        try (Database db = Database.inMemory()) {
            db.jdbi().useTransaction(h -> AuditLog.append(h, new AuditLog.Draft(Instant.parse("2026-11-28T07:00:00Z"), "op_a",
                    "key.suspend", "key_X", "why", Map.of("status", "active"), Map.of("status", "suspended"))));
            SteppingClock clock = new SteppingClock();
            AuditVerifier verifier = new AuditVerifier(db.jdbi(), clock);
            assertThat(verifier.verify()).isEqualTo(new AuditVerification(true, 1, null));
            // the walk read the clock at 08:00:00.5 and 08:00:01, so it took 500 ms and the next may start at 08:00:03
            assertThatThrownBy(verifier::verify).isInstanceOfSatisfying(AuditVerifier.TooSoon.class,
                    e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1500)));
            clock.now = Instant.parse("2026-11-28T08:00:03Z");
            assertThat(verifier.verify().ok()).isTrue();
        }
    }

    @Test
    void aColdWalkPausesAtMostThirtySeconds() {
        try (Database db = Database.inMemory()) {
            SteppingClock clock = new SteppingClock();
            clock.step = Duration.ofSeconds(20);
            AuditVerifier verifier = new AuditVerifier(db.jdbi(), clock);
            verifier.verify();
            // a 20 s walk ending at +40 s pauses until +70 s, not +120 s; the next call reads the clock at +60 s
            assertThatThrownBy(verifier::verify).isInstanceOfSatisfying(AuditVerifier.TooSoon.class,
                    e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10)));
        }
    }
}
