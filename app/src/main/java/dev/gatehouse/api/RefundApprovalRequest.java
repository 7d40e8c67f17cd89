package dev.gatehouse.api;

/**
 * Body of POST /admin/v1/refunds/{id}/approve. amount is a decimal string, at most the requested amount. exception
 * true is a lead's approval beyond the refundable amount (DESIGN §4: "an exception that needs a lead and a reason").
 */
public record RefundApprovalRequest(String amount, String reason, Boolean exception) {}
