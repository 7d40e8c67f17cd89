package dev.gatehouse.console.accounts;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative times read the console's one clock, so a test moves time instead of waiting for it. */
class OperatorTimeTest {
    /** A clock the test moves by hand. */
    static final class MovingClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        MovingClock(Instant start, ZoneId zone) {
            this.now = start;
            this.zone = zone;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return zone; }
        @Override public Clock withZone(ZoneId z) { return new MovingClock(now, z); }
        @Override public Instant instant() { return now; }
    }

    final MovingClock clock = new MovingClock(Instant.parse("2026-11-22T10:02:00Z"), ZoneId.of("Europe/Berlin"));
    final OperatorTime time = OperatorTime.of(clock);
    final Instant due = Instant.parse("2026-11-22T14:00:00Z");

    @Test
    void aDeadlineCountsDownAsTheClockMoves() {
        assertThat(time.relative(due)).isEqualTo("in 3 h 58 min");
        clock.advance(Duration.ofHours(3));
        assertThat(time.relative(due)).isEqualTo("in 58 min");
        clock.advance(Duration.ofMinutes(58).plusSeconds(30));
        assertThat(time.relative(due)).isEqualTo("just now");
        clock.advance(Duration.ofDays(2).plusHours(4));
        assertThat(time.relative(due)).isEqualTo("2 d 4 h ago");
    }

    @Test
    void absoluteTimesAreInTheClocksZone() {
        assertThat(time.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(time.absolute(due)).isEqualTo("2026-11-22 15:00 CET");
        assertThat(time.now()).isEqualTo(clock.instant());
    }
}
