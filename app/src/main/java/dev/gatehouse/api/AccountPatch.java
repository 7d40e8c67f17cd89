package dev.gatehouse.api;

/**
 * Body of PATCH /admin/v1/accounts/{id} (with If-Match). Absent (null) fields stay unchanged;
 * a reason is optional and recorded in the audit entry.
 */
public record AccountPatch(String tier, String name, String email, String reason) {}
