package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A card a model had and when it was in force, [validFrom, validTo); validFrom null: since it was listed; validTo null: in force. */
public record PriceVersion(String id, Instant validFrom, Instant validTo, BigDecimal markup, String changeId,
                           boolean emergency, List<PriceLine> lines) {
    public PriceVersion {
        lines = List.copyOf(lines);
    }
}
