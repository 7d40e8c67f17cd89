package dev.gatehouse.api;

import java.time.Instant;
import java.util.Map;

/**
 * GET /admin/v1/abuse-reports/counts: exact counts of the unresolved reports behind each queue filter, at {@code at}.
 * mine counts the caller's; breached as the breached=true filter reads it.
 */
public record AbuseQueueCounts(Instant at, int all, int mine, int unassigned, int breached, Map<String, Integer> byCategory,
                               Map<String, Integer> bySeverity, Map<String, Integer> byState) {
    public AbuseQueueCounts {
        byCategory = Map.copyOf(byCategory);
        bySeverity = Map.copyOf(bySeverity);
        byState = Map.copyOf(byState);
    }
}
