package dev.gatehouse.api;

/** Body of POST /admin/v1/refunds/{id}/deny and /retry-payout: why. */
public record RefundReason(String reason) {}
