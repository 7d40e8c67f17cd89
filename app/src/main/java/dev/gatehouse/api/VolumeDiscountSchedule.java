package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;

/**
 * GET /admin/v1/volume-discounts: the schedule in force (empty: no discounts), its version (the ETag), the change
 * scheduled next if any, and the history, newest first.
 */
public record VolumeDiscountSchedule(List<VolumeDiscountStep> steps, long version, Instant updatedAt, String updatedBy,
                                     VolumeDiscountChange scheduled, List<VolumeDiscountChange> history) {}
