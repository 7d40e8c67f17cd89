package dev.gatehouse.api;

import java.util.List;

/** What a claim, release, escalation, split or severity change did: the report as it is now, the other reports it moved. */
public record AbuseReportChange(AbuseReport report, List<String> alsoChanged, String auditId) {
    public AbuseReportChange {
        alsoChanged = List.copyOf(alsoChanged);
    }
}
