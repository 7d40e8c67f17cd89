package dev.gatehouse.api;

import java.time.Instant;

/**
 * An API key as operators see it: never the secret or its hash, only prefix and last four
 * (DESIGN §4 "keys", ai-visual-studio §2). mode: live | test; status: active | suspended | revoked | expired.
 * masked is prefix + "…" + last4, ready to show. accountName and accountStatus are the owning account's, read
 * with the key so a list shows whose key it is (account status: active | warned | suspended | terminated).
 */
public record ApiKey(
        String id,
        String accountId,
        String name,
        String mode,
        String prefix,
        String last4,
        String masked,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        long version,
        String accountName,
        String accountStatus) {}
