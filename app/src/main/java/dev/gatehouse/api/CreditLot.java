package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A prepaid credit lot (DESIGN §4 "credits", pixapi §8, decart §5.2–5.3).
 * kind: purchase | signup_reward | promotion | manual_grant. pricePaid is zero for granted credit.
 * expiresAt null means the lot never expires; expired is true once expiresAt has passed.
 */
public record CreditLot(
        String id,
        String accountId,
        String kind,
        BigDecimal amount,
        BigDecimal remaining,
        BigDecimal pricePaid,
        String currency,
        Instant purchasedAt,
        Instant expiresAt,
        boolean expired) {}
