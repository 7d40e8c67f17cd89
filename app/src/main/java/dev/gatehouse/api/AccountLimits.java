package dev.gatehouse.api;

import java.time.Instant;

/**
 * The limits an account is held to. custom is true when an Enterprise account has its own; otherwise source names the
 * tier whose limits apply (an Enterprise account without custom limits is held to the pro tier's until ops set them).
 */
public record AccountLimits(String accountId, String accountName, String tier, boolean custom, String source,
                            int rpm, int rpd, int concurrent, long version, Instant updatedAt, String updatedBy,
                            LimitChange scheduled) {}
