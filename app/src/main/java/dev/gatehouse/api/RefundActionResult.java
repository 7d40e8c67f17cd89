package dev.gatehouse.api;

/** What an approve, deny or retry-payout did: the refund after it, and the id of the audit entry it wrote. */
public record RefundActionResult(String action, Refund refund, String auditId) {}
