package dev.gatehouse.api;

import java.time.Instant;

/** Body of POST /admin/v1/accounts/{id}/keys: the key's name, mode (live | test), an optional expiry, and why. */
public record NewApiKey(String name, String mode, Instant expiresAt, String reason) {}
