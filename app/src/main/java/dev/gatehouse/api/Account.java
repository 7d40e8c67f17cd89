package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer account of the platform, as listed and as the head of its detail.
 * status: active | warned | suspended | terminated; tier: free | starter | pro | enterprise.
 * balance is the spendable credit (sum of the remaining amounts of unexpired lots), in {@code currency}.
 * suspendedUntil is set for a timed suspension. version is the ETag of the account.
 */
public record Account(
        String id,
        String name,
        String email,
        String status,
        String tier,
        BigDecimal balance,
        String currency,
        Instant createdAt,
        Instant suspendedUntil,
        long version) {}
