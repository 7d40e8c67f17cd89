package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit grant: status granted (its lot is lotId), pending_approval (above the four-eyes threshold, waiting for a
 * second operator) or rejected. decidedBy/decidedAt/decisionReason are set once a pending grant is decided.
 * version is its ETag.
 */
public record CreditGrant(String id, String accountId, String kind, BigDecimal amount, BigDecimal pricePaid, String currency,
                          Instant expiresAt, String reason, String status, String requestedBy, Instant requestedAt,
                          String decidedBy, Instant decidedAt, String decisionReason, String lotId, long version) {}
