package dev.gatehouse.api;

/**
 * What an operator action did: the operator after it, and for rotate_token the new token, shown this once (null for the
 * other actions and on an Idempotency-Key replay).
 */
public record OperatorActionResult(String action, OperatorProfile operator, String token, String auditId) {}
