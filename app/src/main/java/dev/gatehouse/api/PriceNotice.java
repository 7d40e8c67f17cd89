package dev.gatehouse.api;

import java.time.Instant;

/** A notice of a price raise to one account that used the model in the 90 days before (what a mailer would send). */
public record PriceNotice(String id, String changeId, String accountId, String accountName, String modelId,
                          String modelName, Instant createdAt, Instant effectiveAt, String summary, String reason,
                          boolean emergency) {}
