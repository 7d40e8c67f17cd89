package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseMetrics;
import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.ReportSla;
import dev.gatehouse.policy.SlaState;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /admin/v1/abuse-reports/metrics (issue 9 item 4). The arithmetic is policy/ReportSla's; this reads the rows:
 * unanswered reports for the SLA counts, and the last 30 days of receipts for compliance, time to first action and
 * breaches by category.
 */
final class QueueMetrics {
    private QueueMetrics() {}

    private record Received(String category, ReportSla.Answer answer) {}

    static AbuseMetrics read(Handle h, Instant now) {
        // unanswered reports by where their clock stands: three range counts off the queue index
        Map<String, Integer> bySla = new LinkedHashMap<>();
        int breached = count(h, "due_at < :now", now);
        int dueSoon = count(h, "due_at >= :now AND due_at <= :soon", now);
        int onTrack = count(h, "due_at > :soon", now);
        bySla.put(SlaState.ON_TRACK.wire(), onTrack);
        bySla.put(SlaState.DUE_SOON.wire(), dueSoon);
        bySla.put(SlaState.BREACHED.wire(), breached);

        Instant from30 = now.minus(Duration.ofDays(30));
        List<Received> recent = h.createQuery("SELECT category, received_at, first_action_at FROM abuse_reports "
                        + "WHERE received_at >= :from AND received_at <= :now")
                .bind("from", from30).bind("now", now)
                .map((rs, c) -> new Received(rs.getString("category"),
                        new ReportSla.Answer(Timestamps.instant(rs, "received_at"), Timestamps.instant(rs, "first_action_at"))))
                .list();
        List<ReportSla.Answer> answers = new ArrayList<>(recent.size());
        Map<String, Integer> breaches = new LinkedHashMap<>();
        for (ReportCategory c : ReportCategory.values()) {
            breaches.put(c.wire(), 0);
        }
        for (Received r : recent) {
            answers.add(r.answer());
            if (ReportSla.breached(r.answer().receivedAt(), r.answer().firstActionAt(), now)) {
                breaches.merge(r.category(), 1, Integer::sum);
            }
        }
        // answers counted only once their first action is known by now (ReportSla.compliance leaves later ones out)
        List<ReportSla.Answer> known = answers.stream().filter(a -> a.firstActionAt() == null || !a.firstActionAt().isAfter(now)).toList();
        int openAppeals = h.createQuery("SELECT COUNT(*) FROM appeals WHERE state = 'open'").mapTo(Integer.class).one();
        return new AbuseMetrics(now, bySla, compliance(ReportSla.compliance(answers, now.minus(Duration.ofDays(7)), now)),
                compliance(ReportSla.compliance(answers, from30, now)),
                ReportSla.medianTimeToFirstAction(known).map(Duration::toSeconds).orElse(null),
                ReportSla.p90TimeToFirstAction(known).map(Duration::toSeconds).orElse(null), breaches, openAppeals);
    }

    private static int count(Handle h, String range, Instant now) {
        return h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE unresolved = TRUE AND first_action_at IS NULL AND " + range)
                .bind("now", now).bind("soon", now.plus(ReportSla.DUE_SOON_WITHIN)).mapTo(Integer.class).one();
    }

    private static AbuseMetrics.Compliance compliance(ReportSla.Compliance c) {
        return new AbuseMetrics.Compliance(c.answeredInTime(), c.counted(), c.share().orElse(null));
    }
}
