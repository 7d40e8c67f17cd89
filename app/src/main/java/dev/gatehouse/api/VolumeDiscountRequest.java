package dev.gatehouse.api;

import java.util.List;

/**
 * Body of PUT /admin/v1/volume-discounts (with If-Match): the whole new schedule (an empty list: no discounts), when it
 * takes effect (absent: at once), why, and whether a lead overrides the notice.
 */
public record VolumeDiscountRequest(List<VolumeDiscountStepDraft> steps, String effectiveAt, String reason, Boolean emergency) {}
