package dev.gatehouse.api;

import java.time.Instant;

/**
 * Body of POST /admin/v1/operators/{id}/actions: deactivate | reactivate | rotate_token, and why; for rotate_token
 * optionally when the new token expires (null: never).
 */
public record OperatorActionRequest(String action, String reason, Instant expiresAt) {}
