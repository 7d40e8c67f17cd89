package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * GET /admin/v1/abuse-reports/metrics. openBySla: unanswered reports by SLA state now. within24h: answered within
 * 24 h over the last 7 and 30 days (share null when nothing counted). Times to first action over the last 30 days, in
 * seconds (null when none). breachesByCategory: reports received in the last 30 days that breached, by category.
 */
public record AbuseMetrics(Instant asOf, Map<String, Integer> openBySla, Compliance within24h7d, Compliance within24h30d,
                           Long medianSecondsToFirstAction, Long p90SecondsToFirstAction,
                           Map<String, Integer> breachesByCategory, int openAppeals) {
    public record Compliance(int answeredInTime, int counted, BigDecimal share) {}
}
