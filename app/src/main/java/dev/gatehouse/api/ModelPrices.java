package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;

/**
 * GET /admin/v1/models/{id}/prices: the current card (with the model's version, sent as ETag), the scheduled changes
 * in effective order, the history newest first, and, when {@code at} was asked, the card in force at that instant.
 */
public record ModelPrices(String modelId, String modelName, String provider, String modality, String status,
                          long version, PriceVersion current, List<PriceChange> scheduled, List<PriceVersion> history,
                          Instant at, PriceVersion inForce) {
    public ModelPrices {
        scheduled = List.copyOf(scheduled);
        history = List.copyOf(history);
    }
}
