package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;

/**
 * An edit of the volume-discount schedule. state: scheduled | applied | superseded; kind (for customers):
 * unchanged | decrease | raise | mixed.
 */
public record VolumeDiscountChange(String id, String state, String kind, List<VolumeDiscountStep> steps, Instant effectiveAt,
                                   Instant scheduledAt, Instant earliestAllowed, boolean emergency, String reason, String author,
                                   Instant appliedAt) {}
