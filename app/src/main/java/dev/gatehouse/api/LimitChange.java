package dev.gatehouse.api;

import java.time.Instant;

/**
 * A change of a tier's or an Enterprise account's limits. state: scheduled | applied | superseded | cancelled;
 * kind: unchanged | loosening | tightening | mixed. A cancelled change says when, by whom and why it was withdrawn.
 */
public record LimitChange(String id, String targetType, String target, String state, String kind, Limits before,
                          Limits after, Instant effectiveAt, Instant scheduledAt, Instant earliestAllowed,
                          boolean emergency, String reason, String author, Instant appliedAt,
                          Instant cancelledAt, String cancelledBy, String cancelReason) {
    public record Limits(int rpm, int rpd, int concurrent) {}
}
