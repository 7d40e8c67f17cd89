package dev.gatehouse.console.abuse;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.console.accounts.OperatorTime;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportSla;
import dev.gatehouse.policy.SlaState;

import java.time.Duration;
import java.time.Instant;

/** How a report reads in the queue at an instant: its countdown, its SLA colour, its category and subject. */
public final class QueueText {
    private QueueText() {}

    /**
     * Where the report stands now. Unanswered reports follow the clock (policy/ReportSla); an answered one keeps the
     * verdict the gateway gave it.
     */
    public static SlaState sla(AbuseReport r, Instant now) {
        if (r.firstActionAt() == null && !"resolved".equals(r.state())) {
            return ReportSla.state(r.receivedAt(), now);
        }
        return SlaState.fromWire(r.slaState()).orElse(SlaState.ON_TRACK);
    }

    /** "due in 3 h 12 min", "due in 14 min 05 s" in the last hour, "over by 2 h 4 min" once breached, "answered". */
    public static String countdown(AbuseReport r, Instant now) {
        if ("resolved".equals(r.state())) {
            return r.breached() ? "answered late" : "answered";
        }
        if (r.firstActionAt() != null) {
            return r.breached() ? "answered late" : "answered";
        }
        Duration left = ReportSla.remaining(r.receivedAt(), now);
        if (left.isNegative()) {
            return "over by " + span(left.negated());
        }
        return "due in " + span(left);
    }

    /** Hours and minutes; seconds too under an hour, so the last hour visibly ticks. */
    static String span(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        if (h >= 24) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (h >= 1) {
            return h + " h " + m + " min";
        }
        return m + " min " + String.format("%02d", s) + " s";
    }

    /** The countdown's tooltip: relative and absolute, in the operator's zone. */
    public static String dueTooltip(AbuseReport r, OperatorTime time) {
        return "Due " + time.both(r.dueAt(), "—") + "\nReceived " + time.both(r.receivedAt(), "—") + "\nInternal target ("
                + r.severity() + ") " + time.absolute(r.targetAt());
    }

    public static String category(String wire) {
        return ReportCategory.fromWire(wire).map(ReportCategory::label).orElse(wire);
    }

    public static String subject(AbuseReport r) {
        String name = r.accountName() == null ? r.accountId() : r.accountName();
        return r.keyId() == null ? name : name + " · key";
    }

    public static String assignee(AbuseReport r) {
        if (r.assigneeId() == null) {
            return "escalated".equals(r.state()) && "lead".equals(r.escalatedTo()) ? "leads" : "—";
        }
        return r.assigneeName() == null ? r.assigneeId() : r.assigneeName();
    }

    public static String styleClass(SlaState s) {
        return "sla-" + s.wire().replace('_', '-');
    }
}
