package dev.gatehouse.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportSlaTest {
    private static final Instant RECEIVED = Instant.parse("2026-11-20T10:15:30Z");
    private static final Instant DUE = Instant.parse("2026-11-21T10:15:30Z");

    private static ReportSla.Answer answer(Instant received, Duration toAction) {
        return new ReportSla.Answer(received, toAction == null ? null : received.plus(toAction));
    }

    @Test
    void dueIs24HoursAfterReceiptAndTargetsFollowSeverity() {
        assertThat(ReportSla.dueAt(RECEIVED)).isEqualTo(DUE);
        assertThat(ReportSla.targetAt(RECEIVED, Severity.CRITICAL)).isEqualTo(Instant.parse("2026-11-20T11:15:30Z"));
        assertThat(ReportSla.targetAt(RECEIVED, Severity.HIGH)).isEqualTo(Instant.parse("2026-11-20T14:15:30Z"));
        assertThat(ReportSla.targetAt(RECEIVED, Severity.MEDIUM)).isEqualTo(DUE);
        assertThat(ReportSla.targetAt(RECEIVED, Severity.LOW)).isEqualTo(DUE);
    }

    @Test
    void atExactly24HoursTheReportIsNotYetBreachedAndOneSecondLaterItIs() {
        // "within 24 hours" includes the 24th hour: due_at == now is due soon with nothing left, not breached
        Object[][] table = {
                // now, state, breached, remaining
                {RECEIVED, SlaState.ON_TRACK, false, Duration.ofHours(24)},
                {DUE.minus(Duration.ofHours(1)).minusSeconds(1), SlaState.ON_TRACK, false, Duration.ofSeconds(3601)},
                {DUE.minus(Duration.ofHours(1)), SlaState.DUE_SOON, false, Duration.ofHours(1)},
                {DUE.minusSeconds(1), SlaState.DUE_SOON, false, Duration.ofSeconds(1)},
                {DUE, SlaState.DUE_SOON, false, Duration.ZERO},
                {DUE.plusNanos(1), SlaState.BREACHED, true, Duration.ofNanos(-1)},
                {DUE.plusSeconds(1), SlaState.BREACHED, true, Duration.ofSeconds(-1)},
                {DUE.plus(Duration.ofDays(3)), SlaState.BREACHED, true, Duration.ofDays(-3)},
        };
        for (Object[] row : table) {
            Instant now = (Instant) row[0];
            assertThat(ReportSla.state(RECEIVED, now)).as("state at %s", now).isEqualTo(row[1]);
            assertThat(ReportSla.breached(RECEIVED, null, now)).as("breached at %s", now).isEqualTo(row[2]);
            assertThat(ReportSla.remaining(RECEIVED, now)).as("remaining at %s", now).isEqualTo(row[3]);
        }
    }

    @Test
    void anAnsweredReportIsJudgedByItsFirstActionNotByNow() {
        Instant muchLater = DUE.plus(Duration.ofDays(10));
        assertThat(ReportSla.breached(RECEIVED, DUE, muchLater)).isFalse();
        assertThat(ReportSla.breached(RECEIVED, DUE.minusSeconds(1), muchLater)).isFalse();
        assertThat(ReportSla.breached(RECEIVED, DUE.plusSeconds(1), muchLater)).isTrue();
        assertThat(ReportSla.breached(RECEIVED, DUE.plusSeconds(1), DUE.plusSeconds(1))).isTrue();
    }

    @Test
    void springForwardIn_Berlin_24ElapsedHoursShowAs25OnTheWallClock() {
        // Europe/Berlin skips 02:00 -> 03:00 on 2026-03-29
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant received = ZonedDateTime.of(LocalDateTime.parse("2026-03-28T12:00"), berlin).toInstant();
        Instant due = ReportSla.dueAt(received);
        assertThat(Duration.between(received, due)).isEqualTo(Duration.ofHours(24));
        assertThat(due).isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));
        assertThat(due.atZone(berlin).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T13:00"));
        assertThat(Duration.between(received.atZone(berlin).toLocalDateTime(), due.atZone(berlin).toLocalDateTime()))
                .isEqualTo(Duration.ofHours(25));
        // the wall-clock "same time tomorrow" would be an hour early: breach is judged on elapsed time
        Instant wallClockNextDay = received.atZone(berlin).plusDays(1).toInstant();
        assertThat(wallClockNextDay).isEqualTo(due.minus(Duration.ofHours(1)));
        assertThat(ReportSla.state(received, wallClockNextDay)).isEqualTo(SlaState.DUE_SOON);
        assertThat(ReportSla.breached(received, null, wallClockNextDay.plusSeconds(1))).isFalse();
    }

    @Test
    void fallBackInBerlin_24ElapsedHoursShowAs23OnTheWallClock() {
        ZoneId berlin = ZoneId.of("Europe/Berlin"); // 03:00 -> 02:00 on 2026-10-25
        Instant received = ZonedDateTime.of(LocalDateTime.parse("2026-10-24T12:00"), berlin).toInstant();
        Instant due = ReportSla.dueAt(received);
        assertThat(due).isEqualTo(Instant.parse("2026-10-25T10:00:00Z"));
        assertThat(due.atZone(berlin).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-25T11:00"));
        Instant wallClockNextDay = received.atZone(berlin).plusDays(1).toInstant();
        assertThat(ReportSla.breached(received, null, wallClockNextDay)).isTrue();
    }

    @Test
    void dstInNewYorkMovesOnlyTheDisplayedTime() {
        ZoneId newYork = ZoneId.of("America/New_York"); // spring 2026-03-08 02:00 -> 03:00, fall 2026-11-01 02:00 -> 01:00
        Instant spring = ZonedDateTime.of(LocalDateTime.parse("2026-03-07T21:30"), newYork).toInstant();
        assertThat(ReportSla.dueAt(spring)).isEqualTo(Instant.parse("2026-03-09T02:30:00Z"));
        assertThat(ReportSla.dueAt(spring).atZone(newYork).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-08T22:30"));
        Instant fall = ZonedDateTime.of(LocalDateTime.parse("2026-10-31T21:30"), newYork).toInstant();
        assertThat(ReportSla.dueAt(fall)).isEqualTo(Instant.parse("2026-11-02T01:30:00Z"));
        assertThat(ReportSla.dueAt(fall).atZone(newYork).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-01T20:30"));
        // received inside the repeated hour: both 01:30s are distinct instants with distinct deadlines
        Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z");
        Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z");
        assertThat(firstOneThirty.atZone(newYork).toLocalTime()).isEqualTo(secondOneThirty.atZone(newYork).toLocalTime());
        assertThat(Duration.between(ReportSla.dueAt(firstOneThirty), ReportSla.dueAt(secondOneThirty))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aCaseIsDueWhenItsOldestReportIsDue() {
        List<Instant> received = List.of(RECEIVED.plus(Duration.ofHours(5)), RECEIVED, RECEIVED.plus(Duration.ofHours(2)));
        assertThat(ReportSla.caseDueAt(received)).contains(DUE);
        assertThat(ReportSla.caseDueAt(List.of(RECEIVED))).contains(DUE);
        assertThat(ReportSla.caseDueAt(List.of())).isEmpty();
    }

    @Test
    void complianceCountsAnswersWithin24HoursAndLeavesOutUndecidedOnes() {
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        Instant from = now.minus(Duration.ofDays(7));
        List<ReportSla.Answer> answers = List.of(
                answer(from, Duration.ofHours(24)),                          // exactly 24 h: in time
                answer(from.plusSeconds(60), Duration.ofHours(24).plusSeconds(1)), // one second late
                answer(from.minusSeconds(1), Duration.ofHours(1)),           // before the window: ignored
                answer(now.minus(Duration.ofHours(30)), null),               // open and past due: missed
                answer(now.minus(Duration.ofHours(24)), null),               // open, due exactly now: undecided
                answer(now.minus(Duration.ofHours(2)), null),                // open, not yet due: undecided
                answer(now.minus(Duration.ofHours(3)), Duration.ofHours(1)), // answered: in time
                new ReportSla.Answer(now.minus(Duration.ofHours(26)), now.plusSeconds(5)), // action after now: missed as of now
                answer(now.plusSeconds(1), Duration.ofMinutes(1)));          // after now: ignored
        ReportSla.Compliance c = ReportSla.compliance(answers, from, now);
        assertThat(c.counted()).isEqualTo(5);
        assertThat(c.answeredInTime()).isEqualTo(2);
        assertThat(c.share()).contains(new BigDecimal("0.4000"));
    }

    @Test
    void complianceSharesAreExactToFourPlacesAndEmptyWhenNothingCounts() {
        assertThat(new ReportSla.Compliance(2, 3).share()).contains(new BigDecimal("0.6667"));
        assertThat(new ReportSla.Compliance(1, 8).share()).contains(new BigDecimal("0.1250"));
        assertThat(new ReportSla.Compliance(3, 3).share()).contains(new BigDecimal("1.0000"));
        assertThat(new ReportSla.Compliance(0, 3).share()).contains(new BigDecimal("0.0000"));
        assertThat(new ReportSla.Compliance(0, 0).share()).isEmpty();
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        assertThat(ReportSla.compliance(List.of(), now.minus(Duration.ofDays(30)), now).share()).isEmpty();
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        List<ReportSla.Answer> answers = List.of(
                answer(RECEIVED, Duration.ofMinutes(50)), answer(RECEIVED, Duration.ofMinutes(10)),
                answer(RECEIVED, null), answer(RECEIVED, Duration.ofMinutes(30)));
        assertThat(ReportSla.medianTimeToFirstAction(answers)).contains(Duration.ofMinutes(30));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        List<ReportSla.Answer> answers = List.of(
                answer(RECEIVED, Duration.ofMinutes(40)), answer(RECEIVED, Duration.ofMinutes(10)),
                answer(RECEIVED, Duration.ofMinutes(15)), answer(RECEIVED, Duration.ofHours(9)));
        assertThat(ReportSla.medianTimeToFirstAction(answers)).contains(Duration.ofMillis(27 * 60_000 + 30_000));
        assertThat(ReportSla.medianTimeToFirstAction(List.of(answer(RECEIVED, Duration.ofSeconds(1)),
                answer(RECEIVED, Duration.ofSeconds(2))))).contains(Duration.ofMillis(1500));
    }

    @Test
    void metricsOfNoAnswersAreEmpty() {
        assertThat(ReportSla.medianTimeToFirstAction(List.of())).isEmpty();
        assertThat(ReportSla.p90TimeToFirstAction(List.of())).isEmpty();
        List<ReportSla.Answer> unanswered = List.of(answer(RECEIVED, null), answer(RECEIVED, null));
        assertThat(ReportSla.medianTimeToFirstAction(unanswered)).isEmpty();
        assertThat(ReportSla.p90TimeToFirstAction(unanswered)).isEmpty();
    }

    @Test
    void p90IsTheNearestRank() {
        // n -> expected rank ⌈0.9 n⌉ with the i-th smallest time being i minutes
        int[][] table = {{1, 1}, {2, 2}, {5, 5}, {9, 9}, {10, 9}, {11, 10}, {19, 18}, {20, 18}, {21, 19}, {100, 90}, {101, 91}};
        for (int[] row : table) {
            List<ReportSla.Answer> answers = new ArrayList<>();
            for (int i = row[0]; i >= 1; i--) { // reverse order: the function sorts
                answers.add(answer(RECEIVED.plusSeconds(i), Duration.ofMinutes(i)));
            }
            assertThat(ReportSla.p90TimeToFirstAction(answers)).as("n=%d", row[0]).contains(Duration.ofMinutes(row[1]));
        }
    }

    @Test
    void aFirstActionBeforeReceiptIsRejected() {
        assertThatThrownBy(() -> new ReportSla.Answer(RECEIVED, RECEIVED.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("precedes receipt");
        assertThat(new ReportSla.Answer(RECEIVED, RECEIVED).firstActionAt()).isEqualTo(RECEIVED);
    }

    @Test
    void openReportsAreCountedBySlaStateWithEveryStatePresent() {
        Instant now = DUE;
        List<Instant> open = List.of(RECEIVED, RECEIVED.minusSeconds(1), RECEIVED.plusSeconds(1),
                RECEIVED.plus(Duration.ofHours(1)), RECEIVED.plus(Duration.ofHours(1)).plusSeconds(1), now);
        assertThat(ReportSla.countByState(open, now)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                SlaState.BREACHED, 1, SlaState.DUE_SOON, 3, SlaState.ON_TRACK, 2));
        assertThat(ReportSla.countByState(List.of(), now)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                SlaState.BREACHED, 0, SlaState.DUE_SOON, 0, SlaState.ON_TRACK, 0));
    }

    @Test
    void slaStateWireNamesRoundTrip() {
        for (SlaState s : SlaState.values()) assertThat(SlaState.fromWire(s.wire())).contains(s);
        assertThat(SlaState.DUE_SOON.wire()).isEqualTo("due_soon");
    }
}
