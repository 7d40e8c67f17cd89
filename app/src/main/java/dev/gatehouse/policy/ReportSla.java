package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The abuse-report clock. ai-visual-studio §9: "You must respond to abuse reports within 24 hours".
 *
 * <p>All arithmetic is on {@link Instant}s: 24 h means 24 elapsed hours, whatever the operator's zone does.
 * Across a spring-forward night the wall clock shows the due time 25 h after receipt (the skipped hour
 * still counts on the wall but not in elapsed time), across a fall-back night 23 h. Showing the time in
 * the operator's zone is the console's job and never moves the deadline.
 *
 * <p>The edge: "within 24 hours" includes the 24th hour, so an answer at exactly {@code due_at} is on time
 * and a report is breached only once the clock is strictly past {@code due_at}. At {@code due_at} itself the
 * report is due soon with zero time left.
 */
public final class ReportSla {
    /** ai-visual-studio §9: "within 24 hours". */
    public static final Duration ANSWER_WITHIN = Duration.ofHours(24);
    /** DESIGN §4 / issue 9 item 4: the queue's "due within 1 h" band. */
    public static final Duration DUE_SOON_WITHIN = Duration.ofHours(1);

    private ReportSla() {}

    public static Instant dueAt(Instant receivedAt) {
        return receivedAt.plus(ANSWER_WITHIN);
    }

    /** DESIGN §4: "critical 1 h, high 4 h, medium and low 24 h" after receipt. */
    public static Instant targetAt(Instant receivedAt, Severity severity) {
        return receivedAt.plus(severity.target());
    }

    /**
     * A case of several reports about one subject is due when its oldest report is due (issue 9 item 2).
     * Empty when there are no reports.
     */
    public static Optional<Instant> caseDueAt(Collection<Instant> receivedAts) {
        return receivedAts.stream().min(Instant::compareTo).map(ReportSla::dueAt);
    }

    /**
     * Whether the report missed its deadline: answered after {@code due_at}, or not answered and the clock is
     * past it. Once answered the verdict no longer moves with {@code now}.
     */
    public static boolean breached(Instant receivedAt, Instant firstActionAt, Instant now) {
        Instant due = dueAt(receivedAt);
        return firstActionAt != null ? firstActionAt.isAfter(due) : now.isAfter(due);
    }

    /** The row colour of an unanswered report at {@code now}; within 1 h of due (inclusive) is due soon. */
    public static SlaState state(Instant receivedAt, Instant now) {
        Duration left = remaining(receivedAt, now);
        if (left.isNegative()) {
            return SlaState.BREACHED;
        }
        return left.compareTo(DUE_SOON_WITHIN) <= 0 ? SlaState.DUE_SOON : SlaState.ON_TRACK;
    }

    /**
     * Open reports by SLA state for the metrics strip (issue 9 item 4: "open reports by SLA state (on track, due
     * within 1 h, breached)"); every state is present, zero included.
     */
    public static Map<SlaState, Integer> countByState(Collection<Instant> openReceivedAts, Instant now) {
        Map<SlaState, Integer> counts = new EnumMap<>(SlaState.class);
        for (SlaState s : SlaState.values()) {
            counts.put(s, 0);
        }
        for (Instant received : openReceivedAts) {
            counts.merge(state(received, now), 1, Integer::sum);
        }
        return counts;
    }

    /** Time left until due; negative once overdue (its absolute value is how long overdue). */
    public static Duration remaining(Instant receivedAt, Instant now) {
        return Duration.between(now, dueAt(receivedAt));
    }

    /** A report's receipt and first action (null while none has been taken), for the metrics. */
    public record Answer(Instant receivedAt, Instant firstActionAt) {
        public Answer {
            Objects.requireNonNull(receivedAt, "receivedAt");
            if (firstActionAt != null && firstActionAt.isBefore(receivedAt)) {
                throw new IllegalArgumentException("first action " + firstActionAt + " precedes receipt " + receivedAt);
            }
        }
    }

    /** How many reports were counted and how many of them were answered within 24 h. */
    public record Compliance(int answeredInTime, int counted) {
        /** The share as a fraction 0..1 to four places (half-even); empty when nothing was counted. */
        public Optional<BigDecimal> share() {
            if (counted == 0) {
                return Optional.empty();
            }
            return Optional.of(BigDecimal.valueOf(answeredInTime)
                    .divide(BigDecimal.valueOf(counted), 4, RoundingMode.HALF_EVEN));
        }
    }

    /**
     * The share of reports answered within 24 h among those received in [{@code from}, {@code now}]
     * ("the last 7 days" is {@code from = now - 7 d}). A report still open and not yet due is undecided and left
     * out; one open and past due counts as missed. A first action after {@code now} is not known yet.
     */
    public static Compliance compliance(List<Answer> answers, Instant from, Instant now) {
        int counted = 0;
        int inTime = 0;
        for (Answer a : answers) {
            if (a.receivedAt().isBefore(from) || a.receivedAt().isAfter(now)) {
                continue;
            }
            Instant acted = a.firstActionAt() != null && !a.firstActionAt().isAfter(now) ? a.firstActionAt() : null;
            if (acted == null && !now.isAfter(dueAt(a.receivedAt()))) {
                continue;
            }
            counted++;
            if (!breached(a.receivedAt(), acted, now)) {
                inTime++;
            }
        }
        return new Compliance(inTime, counted);
    }

    /**
     * The median time from receipt to first action over the reports that have one; with an even count the
     * mean of the two middle values (truncated to the nanosecond). Empty when no report has a first action.
     */
    public static Optional<Duration> medianTimeToFirstAction(List<Answer> answers) {
        List<Duration> sorted = timesToFirstAction(answers);
        int n = sorted.size();
        if (n == 0) {
            return Optional.empty();
        }
        if (n % 2 == 1) {
            return Optional.of(sorted.get(n / 2));
        }
        return Optional.of(sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
    }

    /**
     * The 90th percentile of time to first action by the nearest-rank method: the smallest value at or below
     * which at least 90 % of the times fall (rank ⌈0.9·n⌉), never an interpolated value. Empty when none.
     */
    public static Optional<Duration> p90TimeToFirstAction(List<Answer> answers) {
        List<Duration> sorted = timesToFirstAction(answers);
        int n = sorted.size();
        if (n == 0) {
            return Optional.empty();
        }
        int rank = (9 * n + 9) / 10; // ⌈9n/10⌉ in integers
        return Optional.of(sorted.get(rank - 1));
    }

    private static List<Duration> timesToFirstAction(List<Answer> answers) {
        List<Duration> times = new ArrayList<>();
        for (Answer a : answers) {
            if (a.firstActionAt() != null) {
                times.add(Duration.between(a.receivedAt(), a.firstActionAt()));
            }
        }
        times.sort(null);
        return times;
    }
}
