package dev.gatehouse.api;

/**
 * Body of PATCH /admin/v1/models/{id} (with If-Match): status active | deprecated | disabled, why, and for disabling
 * a model in use, when (under the 30-day notice) or a lead's emergency override.
 */
public record ModelPatch(String status, String reason, String effectiveAt, Boolean emergency) {}
