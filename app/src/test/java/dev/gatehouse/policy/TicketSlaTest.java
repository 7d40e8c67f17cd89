package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TicketSlaTest {
    private static final Instant CREATED = Instant.parse("2026-11-27T16:45:00Z");

    @Test
    void firstReplyTargetsFollowDesign() {
        Map<TicketPriority, Duration> targets = Map.of(TicketPriority.URGENT, Duration.ofHours(1),
                TicketPriority.HIGH, Duration.ofHours(4), TicketPriority.NORMAL, Duration.ofHours(8),
                TicketPriority.LOW, Duration.ofHours(24));
        for (TicketPriority p : TicketPriority.values()) {
            assertThat(p.firstReplyTarget()).isEqualTo(targets.get(p));
            assertThat(TicketSla.firstReplyDueAt(CREATED, p)).isEqualTo(CREATED.plus(targets.get(p)));
        }
        assertThat(TicketPriority.defaultPriority()).isEqualTo(TicketPriority.NORMAL);
    }

    @Test
    void aFirstReplyIsBreachedOnlyStrictlyAfterItsTarget() {
        for (TicketPriority p : TicketPriority.values()) {
            Instant due = CREATED.plus(p.firstReplyTarget());
            assertThat(TicketSla.firstReplyBreached(CREATED, p, null, due.minusSeconds(1))).as("%s -1s", p).isFalse();
            assertThat(TicketSla.firstReplyBreached(CREATED, p, null, due)).as("%s at due", p).isFalse();
            assertThat(TicketSla.firstReplyBreached(CREATED, p, null, due.plusSeconds(1))).as("%s +1s", p).isTrue();
            assertThat(TicketSla.firstReplyRemaining(CREATED, p, due.minusSeconds(1))).isEqualTo(Duration.ofSeconds(1));
            assertThat(TicketSla.firstReplyRemaining(CREATED, p, due)).isEqualTo(Duration.ZERO);
            assertThat(TicketSla.firstReplyRemaining(CREATED, p, due.plusSeconds(90))).isEqualTo(Duration.ofSeconds(-90));
            // once replied, the verdict is fixed by the reply time
            Instant later = due.plus(Duration.ofDays(2));
            assertThat(TicketSla.firstReplyBreached(CREATED, p, due, later)).isFalse();
            assertThat(TicketSla.firstReplyBreached(CREATED, p, due.plusSeconds(1), later)).isTrue();
        }
    }

    @Test
    void raisingThePriorityPullsTheDueTimeInFromCreation() {
        Instant now = CREATED.plus(Duration.ofHours(2));
        assertThat(TicketSla.firstReplyBreached(CREATED, TicketPriority.NORMAL, null, now)).isFalse();
        assertThat(TicketSla.firstReplyBreached(CREATED, TicketPriority.URGENT, null, now)).isTrue();
    }

    @Test
    void theFirstReplyClockRunsOnElapsedTimeAcrossDst() {
        ZoneId newYork = ZoneId.of("America/New_York"); // 2026-03-08 02:00 -> 03:00
        Instant created = ZonedDateTime.of(LocalDateTime.parse("2026-03-08T01:30"), newYork).toInstant();
        Instant due = TicketSla.firstReplyDueAt(created, TicketPriority.URGENT);
        assertThat(Duration.between(created, due)).isEqualTo(Duration.ofHours(1));
        assertThat(due.atZone(newYork).toLocalTime()).hasToString("03:30"); // 2 h on the wall clock
    }

    @Test
    void aSolvedTicketClosesAfterExactlyFourDaysWithoutACustomerReply() {
        Instant solved = Instant.parse("2026-11-20T12:00:00Z");
        Instant closes = solved.plus(Duration.ofDays(4));
        assertThat(TicketSla.closesAt(solved)).isEqualTo(closes);
        Object[][] table = {
                // state, last customer reply, now, due to close
                {TicketState.SOLVED, null, closes.minusSeconds(1), false},
                {TicketState.SOLVED, null, closes, true},
                {TicketState.SOLVED, null, closes.plusSeconds(1), true},
                {TicketState.SOLVED, solved.minusSeconds(60), closes, true},   // reply before solving: irrelevant
                {TicketState.SOLVED, solved, closes, true},                    // same instant as solving: not after it
                {TicketState.SOLVED, solved.plusSeconds(1), closes.plus(Duration.ofDays(9)), false}, // replied: reopen, not close
                {TicketState.OPEN, null, closes.plusSeconds(1), false},
                {TicketState.PENDING, null, closes.plusSeconds(1), false},
                {TicketState.CLOSED, null, closes.plusSeconds(1), false},
        };
        for (Object[] row : table) {
            assertThat(TicketSla.dueToClose((TicketState) row[0], solved, (Instant) row[1], (Instant) row[2]))
                    .as("%s reply %s at %s", row[0], row[1], row[2]).isEqualTo(row[3]);
        }
        assertThat(TicketSla.dueToClose(TicketState.SOLVED, null, null, closes)).isFalse();
    }
}
