package dev.gatehouse.api;

import java.time.Instant;

/**
 * An operator as GET /admin/v1/operators shows it. Never the token nor its hash: a token is shown once, when it is made.
 * status is active | deactivated; lastSeenAt is null until the first request and is kept to the minute; tokenAgeDays
 * is whole days since the token was made; tokenExpiresAt is null for a token that does not expire. version is the ETag a
 * PATCH sends back as If-Match.
 */
public record OperatorProfile(String id, String name, String email, String role, String status, Instant createdAt,
                              Instant lastSeenAt, Instant tokenCreatedAt, long tokenAgeDays, Instant tokenExpiresAt,
                              long version) {}
