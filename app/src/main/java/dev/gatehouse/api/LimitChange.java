package dev.gatehouse.api;

import java.time.Instant;

/**
 * A change of a tier's or an Enterprise account's limits. state: scheduled | applied | superseded;
 * kind: unchanged | loosening | tightening | mixed.
 */
public record LimitChange(String id, String targetType, String target, String state, String kind, Limits before,
                          Limits after, Instant effectiveAt, Instant scheduledAt, Instant earliestAllowed,
                          boolean emergency, String reason, String author, Instant appliedAt) {
    public record Limits(int rpm, int rpd, int concurrent) {}
}
