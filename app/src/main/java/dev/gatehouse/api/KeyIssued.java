package dev.gatehouse.api;

/**
 * Answer of POST /admin/v1/accounts/{id}/keys: the new key and its secret, shown this once (null on an
 * Idempotency-Key replay: only the hash is kept, so nothing could show it again). auditId names the audit entry.
 */
public record KeyIssued(ApiKey key, String secret, String auditId) {}
