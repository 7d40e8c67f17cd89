package dev.gatehouse.api;

/**
 * Body of PUT /admin/v1/tiers/{name} and /admin/v1/accounts/{id}/limits (with If-Match) and of their /preview:
 * the whole new limits, when they take effect (absent: at once), why, and whether a lead overrides the notice.
 */
public record LimitsRequest(Long rpm, Long rpd, Long concurrent, String effectiveAt, String reason, Boolean emergency) {}
