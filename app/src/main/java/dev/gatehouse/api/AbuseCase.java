package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;

/**
 * The unresolved reports about one subject, as one row of the queue (GET /abuse-reports?group=subject). The case is
 * due when its oldest report is due; severity is the worst of its reports; reporters counts distinct reporters.
 */
public record AbuseCase(
        String caseId,
        String accountId,
        String accountName,
        String leadReportId,
        String severity,
        List<String> categories,
        int reportCount,
        int reporterCount,
        Instant receivedAt,
        Instant dueAt,
        boolean breached,
        String slaState,
        String assigneeId,
        List<String> reportIds) {
    public AbuseCase {
        categories = List.copyOf(categories);
        reportIds = List.copyOf(reportIds);
    }
}
