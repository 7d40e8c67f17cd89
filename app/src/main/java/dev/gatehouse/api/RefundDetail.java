package dev.gatehouse.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * GET /admin/v1/refunds/{id}: the request, its eligibility under the policy in force, the lot with its history
 * (the ledger lines of that lot, newest first) and the account's credits: balance, the held part and what usage may spend.
 */
public record RefundDetail(
        Refund refund,
        RefundEligibilityView eligibility,
        RefundLot lot,
        List<LedgerEntry> lotHistory,
        Credits account) {
    public RefundDetail {
        lotHistory = lotHistory == null ? List.of() : List.copyOf(lotHistory);
    }

    public record Credits(String accountId, String name, String status, BigDecimal balance, BigDecimal held,
                          BigDecimal spendable, String currency) {}
}
