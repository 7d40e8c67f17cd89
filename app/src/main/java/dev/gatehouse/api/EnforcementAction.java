package dev.gatehouse.api;

import java.time.Instant;

/**
 * One enforcement step taken on an account or a key (DESIGN §4 "enforcement ladder").
 * targetType: account | key; keyId is set for key actions. durationHours and until are set for timed suspensions.
 */
public record EnforcementAction(
        String id,
        String accountId,
        String keyId,
        String targetType,
        String action,
        String reason,
        String actor,
        Instant at,
        Integer durationHours,
        Instant until) {}
