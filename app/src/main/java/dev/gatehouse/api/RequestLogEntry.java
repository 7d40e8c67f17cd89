package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One request of the data plane as the request log keeps it (issue 9 item 3). promptExcerpt is at most 500
 * characters, secrets already redacted. preserved: cited by a CSAM report, so exempt from the 90-day retention.
 */
public record RequestLogEntry(String id, String keyId, String accountId, String model, Instant at, int httpStatus,
                              int latencyMs, BigDecimal units, String unit, BigDecimal cost, String currency,
                              String promptExcerpt, boolean preserved) {}
