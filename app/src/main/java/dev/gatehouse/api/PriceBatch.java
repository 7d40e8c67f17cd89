package dev.gatehouse.api;

import java.util.List;

/** The answer to a committed bulk change: one change per model, written in one transaction, and the notices sent. */
public record PriceBatch(String batchId, int notices, List<PriceChange> changes, String auditId) {
    public PriceBatch {
        changes = List.copyOf(changes);
    }
}
