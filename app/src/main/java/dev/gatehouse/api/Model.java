package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A model of the catalog.
 * modality: chat | image | video | embedding | audio; status: active | deprecated | disabled.
 * contextWindow is set for token-priced models, resolutions for image and video models.
 */
public record Model(
        String id,
        String slug,
        String name,
        String provider,
        String family,
        String modality,
        String status,
        Integer contextWindow,
        Integer maxOutputTokens,
        List<String> resolutions,
        String currency,
        BigDecimal markup,
        List<PriceLine> priceCard,
        LocalDate released,
        Instant updatedAt,
        long version) {
    public Model {
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
        priceCard = priceCard == null ? List.of() : List.copyOf(priceCard);
    }
}
