package dev.gatehouse.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * The support-ticket clocks, on elapsed time like {@link ReportSla}. A reply at exactly the target is in time;
 * a ticket is breached once the clock is strictly past it. A priority change moves the due time, counted from
 * the ticket's creation (helpdesk practice: the SLA follows the current priority).
 */
public final class TicketSla {
    /** Issue 10 item 1: "Solved tickets close by themselves after 4 days without a reply." */
    public static final Duration CLOSE_SOLVED_AFTER = Duration.ofDays(4);

    private TicketSla() {}

    /** DESIGN §4: first-reply targets "urgent 1 h, high 4 h, normal 8 h, low 24 h". */
    public static Instant firstReplyDueAt(Instant createdAt, TicketPriority priority) {
        return createdAt.plus(priority.firstReplyTarget());
    }

    /** Whether the first reply came, or is still missing, after its due time. Answered tickets stop their clock. */
    public static boolean firstReplyBreached(Instant createdAt, TicketPriority priority, Instant firstReplyAt, Instant now) {
        Instant due = firstReplyDueAt(createdAt, priority);
        return firstReplyAt != null ? firstReplyAt.isAfter(due) : now.isAfter(due);
    }

    /** Time left for the first reply; negative once overdue. */
    public static Duration firstReplyRemaining(Instant createdAt, TicketPriority priority, Instant now) {
        return Duration.between(now, firstReplyDueAt(createdAt, priority));
    }

    /** When a solved ticket closes by itself if the customer does not reply. */
    public static Instant closesAt(Instant solvedAt) {
        return solvedAt.plus(CLOSE_SOLVED_AFTER);
    }

    /**
     * Whether the periodic sweep closes the ticket at {@code now}: it is solved, the customer has not replied since
     * it was solved (such a reply reopens it), and 4 full days have passed (exactly 4 days is due).
     *
     * @param lastCustomerReplyAt the customer's latest message; null when there is none
     */
    public static boolean dueToClose(TicketState state, Instant solvedAt, Instant lastCustomerReplyAt, Instant now) {
        if (state != TicketState.SOLVED || solvedAt == null) {
            return false;
        }
        if (lastCustomerReplyAt != null && lastCustomerReplyAt.isAfter(solvedAt)) {
            return false;
        }
        return !now.isBefore(closesAt(solvedAt));
    }
}
