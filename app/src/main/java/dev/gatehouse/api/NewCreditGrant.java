package dev.gatehouse.api;

import java.time.Instant;

/**
 * Body of POST /admin/v1/accounts/{id}/credits: kind manual_grant | promotion | purchase, an amount and (for a
 * purchase) the price paid as decimal strings, an optional expiry, and why.
 */
public record NewCreditGrant(String kind, String amount, Instant expiresAt, String pricePaid, String reason) {}
