package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A scheduled, applied or cancelled change of one model's price card (issue 11).
 * state: scheduled | applied | cancelled; kind: unchanged | decrease | raise | mixed. emergency marks a raise a lead
 * made without the 30-day notice (ai-visual-studio §18). lines is the whole new card, old → new.
 */
public record PriceChange(String id, String modelId, String modelName, String provider, String batchId, String state,
                          String kind, BigDecimal markup, Instant effectiveAt, Instant scheduledAt, Instant earliestAllowed,
                          boolean noticeSatisfied, boolean emergency, String reason, String author, Instant appliedAt,
                          Instant cancelledAt, String cancelledBy, String cancelReason, int notices,
                          List<PriceChangeLine> lines) {
    public PriceChange {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
