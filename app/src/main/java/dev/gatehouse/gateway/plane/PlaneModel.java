package dev.gatehouse.gateway.plane;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A catalog model as the data plane serves it: its id (mdl_…) for billing, its slug as the OpenAI model name, its
 * modality and status, the resolutions it offers and its current price card (unit, variant, API price).
 */
public record PlaneModel(String id, String slug, String provider, String modality, String status, Instant created,
                         List<String> resolutions, List<Line> lines) {
    public PlaneModel {
        resolutions = List.copyOf(resolutions);
        lines = List.copyOf(lines);
    }

    public record Line(String unit, String variant, BigDecimal api) {}

    /** Whether the price card bills {@code unit} at {@code variant} (an image size, a video resolution). */
    public boolean prices(String unit, String variant) {
        return lines.stream().anyMatch(l -> l.unit().equals(unit) && Objects.equals(l.variant(), variant));
    }

    /** The variants the card prices for {@code unit}, in card order: the sizes a request may ask for. */
    public List<String> variants(String unit) {
        return lines.stream().filter(l -> l.unit().equals(unit) && l.variant() != null).map(Line::variant).distinct().toList();
    }
}
