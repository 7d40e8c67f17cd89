package dev.gatehouse.gateway.operators;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** last_seen_at is kept to the minute: an authenticated request writes it at most once a minute per operator. */
class OperatorStoreTest {
    private static final class HandClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-28T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void lastSeenIsWrittenOnTheFirstRequestAndThenAtMostOnceAMinute() {
        try (Database db = Database.inMemory()) {
            check(db);
        }
    }

    private static void check(Database db) {
        HandClock clock = new HandClock();
        OperatorStore store = new OperatorStore(db.jdbi(), clock);
        String token = store.create("op_seen", "Seen Tester", "seen@test.gatehouse.dev", Role.SUPPORT);
        Operator op = store.findByToken(token).orElseThrow();
        assertThat(lastSeen(db)).isNull();

        Instant first = clock.now;
        store.seen(op);
        assertThat(lastSeen(db)).isEqualTo(first);

        clock.now = first.plus(Duration.ofSeconds(59));
        store.seen(op);
        assertThat(lastSeen(db)).as("within the minute: no write").isEqualTo(first);

        clock.now = first.plus(Duration.ofSeconds(61));
        store.seen(op);
        assertThat(lastSeen(db)).isEqualTo(clock.now);

        // another gateway's store (no memory of its own) is held back by the row itself
        OperatorStore other = new OperatorStore(db.jdbi(), clock);
        Instant written = clock.now;
        clock.now = written.plus(Duration.ofSeconds(30));
        other.seen(op);
        assertThat(lastSeen(db)).isEqualTo(written);
    }

    private static Instant lastSeen(Database db) {
        OffsetDateTime t = db.jdbi().withHandle(h -> h.createQuery("SELECT last_seen_at FROM operators WHERE id = 'op_seen'")
                .mapTo(OffsetDateTime.class).one());
        return t == null ? null : t.toInstant();
    }
}
