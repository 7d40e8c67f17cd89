package dev.gatehouse.api;

import java.util.List;

/**
 * Body of POST /admin/v1/price-changes (one model: modelId + lines, the whole new card), of
 * POST /admin/v1/price-changes/bulk (filter + adjustment + previewHash) and of POST /admin/v1/price-changes/preview
 * (either). effectiveAt is an ISO-8601 instant with an offset, absent for "at once"; emergency asks a lead's override
 * of the 30-day notice. previewHash, when sent, must match what a preview of the same body answers now (else 409).
 */
public record PriceChangeRequest(String modelId, List<PriceLineDraft> lines, PriceFilter filter, PriceAdjustment adjustment,
                                 String effectiveAt, String reason, Boolean emergency, String previewHash) {
    /** Which models a bulk change touches: any of provider (display name), modality, status and an explicit id list. */
    public record PriceFilter(String provider, String modality, String status, List<String> modelIds) {}

    /**
     * How a bulk change moves each selected card: exactly one of percent (base prices ± percent, e.g. "5" or "-12.5"),
     * markup (a new markup over unchanged base prices) or lines (the whole new card, for a filter that selects one model).
     */
    public record PriceAdjustment(String percent, String markup, List<PriceLineDraft> lines) {}
}
