package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The credit lot a refund names, broken down: bought = used + refunded + expired + remaining; held is the part of
 * remaining that pending refund requests hold (other than this one's own hold, which the refund shows).
 * refundedBefore is the money other approved refunds of this lot paid or are paying.
 */
public record RefundLot(
        String id,
        String kind,
        Instant boughtAt,
        Instant expiresAt,
        boolean expired,
        BigDecimal creditsBought,
        BigDecimal creditsUsed,
        BigDecimal creditsRefunded,
        BigDecimal creditsExpired,
        BigDecimal creditsHeld,
        BigDecimal remaining,
        BigDecimal pricePaid,
        BigDecimal refundedBefore,
        String currency) {}
