package dev.gatehouse.api;

import java.time.Instant;

/**
 * One abuse report (issue 9 item 1). dueAt = receivedAt + 24 h (ai-visual-studio §9); targetAt by severity;
 * slaState is where an unanswered report stands now (on_track, due_soon, breached), or for an answered one whether
 * its first action came in time. firstActionAt is the first escalation or resolution: the report's answer.
 * caseReportCount: how many reports its case holds in the same standing (unresolved, or resolved together).
 */
public record AbuseReport(
        String id,
        String caseId,
        String category,
        String severity,
        String state,
        String description,
        String accountId,
        String accountName,
        String keyId,
        AbuseReporter reporter,
        Instant receivedAt,
        Instant dueAt,
        Instant targetAt,
        boolean breached,
        String slaState,
        Instant firstActionAt,
        String assigneeId,
        String assigneeName,
        Instant claimedAt,
        String escalatedTo,
        Instant resolvedAt,
        String decisionId,
        int caseReportCount,
        long version) {}
