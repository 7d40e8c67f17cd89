package dev.gatehouse.api;

/** A price line as a request gives it: unit, variant (a resolution, or null for token lines) and the base as a decimal string. */
public record PriceLineDraft(String unit, String variant, String base) {}
