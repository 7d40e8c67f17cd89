package dev.gatehouse.gateway.refunds;

import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.Money;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Optional;

/**
 * The demo's payout provider: it pays into a book in the gateway's database (simulated_payouts), one payment per payout
 * key, and can be told to fail the next payouts ({@link #failNext}), either declining them (nothing paid) or losing
 * its answer after paying (paid, but reported as failed: the case a retry must not pay twice).
 */
public final class SimulatedPayouts implements PayoutProvider {
    public enum Failure { DECLINED, LOST_RESPONSE }

    @Override
    public Result send(Handle h, Payout p) {
        Optional<String> earlier = reference(h, p.key());
        if (earlier.isPresent()) {
            // the payout key is the provider's idempotency key: the first payment stands, nothing is paid again
            return Result.paid(earlier.get());
        }
        var failing = h.createQuery("SELECT fail_next, failure FROM payout_simulation WHERE id = 1 FOR UPDATE")
                .map((rs, c) -> new Object[] {rs.getInt(1), rs.getString(2).trim()}).one();
        int failNext = (Integer) failing[0];
        if (failNext > 0) {
            h.createUpdate("UPDATE payout_simulation SET fail_next = fail_next - 1 WHERE id = 1").execute();
        }
        if (failNext > 0 && "declined".equals(failing[1])) {
            return Result.failed("declined by the simulated payout provider (told to fail)");
        }
        String reference = PrefixedIds.next("po_", p.at());
        h.createUpdate("INSERT INTO simulated_payouts (payout_key, reference, account_id, amount, currency, paid_at) "
                        + "VALUES (:key, :ref, :acct, :amount, :cur, :at)")
                .bind("key", p.key()).bind("ref", reference).bind("acct", p.accountId())
                .bind("amount", Money.normalize(p.amount())).bind("cur", p.currency()).bind("at", p.at()).execute();
        if (failNext > 0) {
            return Result.failed("no answer from the simulated payout provider (told to lose its response after paying)");
        }
        return Result.paid(reference);
    }

    /** The reference of the payment made under {@code key}, if one was made. */
    public static Optional<String> reference(Handle h, String key) {
        return h.createQuery("SELECT reference FROM simulated_payouts WHERE payout_key = :key").bind("key", key)
                .mapTo(String.class).findOne();
    }

    /** Tells the provider to fail the next {@code count} payouts the given way (0 makes it pay again). */
    public static void failNext(Jdbi jdbi, int count, Failure failure) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE payout_simulation SET fail_next = :n, failure = :f WHERE id = 1")
                .bind("n", count).bind("f", failure == Failure.DECLINED ? "declined" : "lost_response").execute());
    }

    /** How many payments were made under {@code key}: at most one, whatever happened. */
    public static int payments(Handle h, String key) {
        return h.createQuery("SELECT COUNT(*) FROM simulated_payouts WHERE payout_key = :key").bind("key", key)
                .mapTo(Integer.class).one();
    }
}
