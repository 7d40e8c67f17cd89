package dev.gatehouse.api;

/**
 * Body of POST /admin/v1/refunds: a refund request names a purchase (a credit lot of the account), an amount of money
 * as a decimal string and a reason (issue 10 §3). The requested credits are held from now until the decision.
 */
public record RefundIntake(String accountId, String lotId, String amount, String reason) {}
