package dev.gatehouse.gateway.support;

import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.policy.TicketSla;
import dev.gatehouse.policy.TicketState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Issue 10 item 1: "Solved tickets close by themselves after 4 days without a reply." Each is closed by the actor
 * "system" with one audit entry. Several gateways may sweep at once: each ticket is re-checked under its row lock
 * ({@link TicketSla#dueToClose}), so it closes once.
 */
public final class TicketAutoClose {
    private static final Logger log = LoggerFactory.getLogger(TicketAutoClose.class);
    private static final int BATCH = 500;

    private TicketAutoClose() {}

    /** Closes every solved ticket due to close at {@code now}; returns how many. */
    public static int closeDue(Jdbi jdbi, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int closed = 0;
        while (true) {
            List<String> ids = jdbi.withHandle(h -> TicketStore.solvedBefore(h, at.minus(TicketSla.CLOSE_SOLVED_AFTER), BATCH));
            int round = 0;
            for (String id : ids) {
                round += jdbi.inTransaction(h -> closeOne(h, id, at));
            }
            closed += round;
            if (ids.size() < BATCH || round == 0) {
                return closed;
            }
        }
    }

    private static int closeOne(Handle h, String id, Instant now) {
        TicketStore.Row r = TicketStore.lock(h, id).orElse(null);
        if (r == null || !TicketSla.dueToClose(r.state(), r.solvedAt(), r.lastCustomerAt(), now)) {
            return 0;
        }
        TicketStore.update(h, new TicketStore.Row(r.id(), r.accountId(), r.category(), r.subject(), TicketState.CLOSED,
                r.priority(), r.assignee(), r.tags(), r.redacted(), r.createdAt(), now, r.firstReplyDueAt(), r.firstReplyAt(),
                r.slaStoppedAt(), r.repliedLate(), r.lastCustomerAt(), r.solvedAt(), now, r.mergedInto(), r.messageCount(), r.version()));
        AuditLog.append(h, new AuditLog.Draft(now, TicketRoutes.SYSTEM, "ticket.close", id,
                "Solved " + r.solvedAt() + " and no reply for " + TicketSla.CLOSE_SOLVED_AFTER.toDays() + " days: closed by itself.",
                Map.of("state", "solved", "version", r.version()), Map.of("state", "closed", "version", r.version() + 1)));
        return 1;
    }

    /** One round of the periodic sweep, by the clock's now. */
    public static void sweep(Jdbi jdbi, Clock clock) {
        int n = closeDue(jdbi, clock.instant());
        if (n > 0) {
            log.info("closed {} tickets solved more than {} days ago", n, TicketSla.CLOSE_SOLVED_AFTER.toDays());
        }
    }
}
