package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One append-only ledger line. kind: purchase | grant | usage | refund | expiry | adjustment.
 * amount is signed (usage and expiry negative); balanceAfter is the account balance after this line.
 * lotId names the credit lot the line moved, if any; description carries e.g. the model slug of usage.
 */
public record LedgerEntry(
        String id,
        String accountId,
        Instant at,
        String kind,
        BigDecimal amount,
        String lotId,
        BigDecimal balanceAfter,
        String currency,
        String description,
        String actor) {}
