package dev.gatehouse.api;

import java.time.Instant;

/**
 * A rate-limit tier (DESIGN §4). rpm, rpd and concurrent are null for enterprise, whose limits are set per account.
 * accounts and keys count who is on the tier; scheduled is the pending change under notice, if any.
 */
public record RateTier(String name, Integer rpm, Integer rpd, Integer concurrent, boolean custom, long version,
                       Instant updatedAt, long accounts, long keys, LimitChange scheduled) {}
