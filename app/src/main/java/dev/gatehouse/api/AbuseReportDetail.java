package dev.gatehouse.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * GET /admin/v1/abuse-reports/{id}: the report with its evidence (the subject key's recent requests, newest first),
 * the account summary, the other reports of its case, comments (oldest first), the decision once resolved (absent before), and the
 * history (its audit entries, oldest first). evidenceSensitive: the category is critical, so the console blurs it.
 * dismissalProposal: a CSAM dismissal of the case waiting for a lead's approval (absent when none is pending).
 */
public record AbuseReportDetail(AbuseReport report, boolean evidenceSensitive, List<RequestLogEntry> evidence,
                                AbuseAccountSummary account, List<AbuseReport> caseReports, List<AbuseComment> comments,
                                @JsonInclude(JsonInclude.Include.NON_NULL) AbuseDecisionRecord decision, List<AuditEntry> history,
                                @JsonInclude(JsonInclude.Include.NON_NULL) AbuseDismissalProposal dismissalProposal) {
    public AbuseReportDetail {
        evidence = List.copyOf(evidence);
        caseReports = List.copyOf(caseReports);
        comments = List.copyOf(comments);
        history = List.copyOf(history);
    }
}
