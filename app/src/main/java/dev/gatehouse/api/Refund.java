package dev.gatehouse.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund request (issue 10 §3). state: requested | awaiting_second_approval | approved | paid | failed | denied.
 * verdict and refundable are the eligibility under the policy in force (re-evaluated when the policy changes while the
 * request is open). creditsHeld are the lot's credits held for it until a decision; creditsRefunded are the credits
 * taken out of the lot while it is approved or paid. firstApprover/firstAmount are the first of two approvals above
 * the four-eyes threshold. payoutReference is the provider's, once paid; payoutFailure says why the last payout failed.
 */
public record Refund(
        String id,
        String accountId,
        String accountName,
        String lotId,
        String lotKind,
        String state,
        String verdict,
        BigDecimal requestedAmount,
        BigDecimal refundable,
        BigDecimal approvedAmount,
        String currency,
        BigDecimal creditsHeld,
        BigDecimal creditsRefunded,
        String reason,
        String requestedBy,
        Instant requestedAt,
        String firstApprover,
        BigDecimal firstAmount,
        Instant firstApprovedAt,
        boolean exception,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        String payoutReference,
        String payoutFailure,
        int payoutAttempts,
        long version) {}
