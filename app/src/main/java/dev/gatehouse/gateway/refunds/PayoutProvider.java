package dev.gatehouse.gateway.refunds;

import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where an approved refund's money goes (issue 10 §3 "Payout"). Every payout of one refund carries the same key
 * ({@link dev.gatehouse.policy.RefundApproval#payoutKey}), and a provider must treat it as an idempotency key: a retry
 * after a failure on our side finds the payment already made and answers with its reference instead of paying again.
 */
public interface PayoutProvider {
    record Payout(String key, String refundId, String accountId, BigDecimal amount, String currency, Instant at) {}

    /** Paid, with the provider's reference; or failed, with why (nothing was paid, or the provider's answer was lost). */
    record Result(boolean paid, String reference, String failure) {
        public static Result paid(String reference) {
            return new Result(true, reference, null);
        }

        public static Result failed(String why) {
            return new Result(false, null, why);
        }
    }

    /**
     * Sends one payout. Runs inside the refund's transaction ({@code h}), which a provider keeping its own records in
     * this database uses; a remote provider ignores it and relies on the key.
     */
    Result send(Handle h, Payout payout);
}
