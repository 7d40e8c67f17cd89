package dev.gatehouse.api;

import java.time.Instant;

/** Body of POST /admin/v1/operators: who to add, with which role, why, and optionally when the token expires. */
public record NewOperator(String name, String email, String role, String reason, Instant expiresAt) {}
