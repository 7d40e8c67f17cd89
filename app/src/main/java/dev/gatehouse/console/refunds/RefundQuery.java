package dev.gatehouse.console.refunds;

import dev.gatehouse.policy.RefundEligibility;
import dev.gatehouse.policy.RefundState;

/** The refund queue's filters; null or blank means any. */
public record RefundQuery(RefundState state, RefundEligibility.Verdict verdict, String accountId) {
    public boolean isAll() {
        return state == null && verdict == null && (accountId == null || accountId.isBlank());
    }

    String stateWire() {
        return state == null ? null : state.wire();
    }

    String verdictWire() {
        return verdict == null ? null : verdict.wire();
    }
}
