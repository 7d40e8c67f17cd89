package dev.gatehouse.gateway.credits;

import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.CreditLots;
import dev.gatehouse.policy.Money;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Held credits (issue 10 §3 "Hold"): from a refund request to its decision the requested credits stay in their lot,
 * and in the balance, but usage cannot draw them ({@link CreditStore#use} honours every hold), which closes the
 * spend-then-refund exploit. A hold is named by its holder (a refund id), one per holder. Holds move no money, so the
 * ledger invariant is untouched by them; {@link #restore} is the one balance change here, and it writes its ledger line.
 * Every method runs in the caller's transaction, after {@link CreditStore#lockBalance} of the account.
 */
public final class CreditHolds {
    private CreditHolds() {}

    /** An account's credits as the console shows them: the balance, what of it is held, and what usage may draw. */
    public record Summary(BigDecimal balance, BigDecimal held, BigDecimal spendable) {}

    /** Every hold on the account's lots. */
    public static List<CreditLots.Hold> holds(Handle h, String accountId) {
        return h.createQuery("SELECT lot_id, amount FROM credit_holds WHERE account_id = :acct")
                .bind("acct", accountId)
                .map((rs, c) -> new CreditLots.Hold(rs.getString("lot_id"), Money.normalize(rs.getBigDecimal("amount"))))
                .list();
    }

    /** Credits held on one lot, leaving out the hold of {@code exceptHolder} (null: all of them). */
    public static BigDecimal heldOnLot(Handle h, String lotId, String exceptHolder) {
        BigDecimal sum = h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM credit_holds WHERE lot_id = :lot"
                        + (exceptHolder == null ? "" : " AND holder <> :holder"))
                .bind("lot", lotId).bind("holder", exceptHolder).mapTo(BigDecimal.class).one();
        return Money.normalize(sum);
    }

    /** The hold of one holder, if it has one. */
    public static Optional<BigDecimal> heldBy(Handle h, String holder) {
        return h.createQuery("SELECT amount FROM credit_holds WHERE holder = :holder").bind("holder", holder)
                .mapTo(BigDecimal.class).findOne().map(Money::normalize);
    }

    /** The account's balance split into held and spendable credits at {@code now} (expired lots count for neither). */
    public static Summary summary(Handle h, String accountId, Instant now) {
        List<CreditLots.Lot> lots = CreditStore.openLots(h, accountId);
        List<CreditLots.Hold> holds = holds(h, accountId);
        return new Summary(CreditLots.balance(lots, now), CreditLots.held(lots, holds, now), CreditLots.spendable(lots, holds, now));
    }

    /**
     * Holds {@code amount} credits of {@code lotId} for {@code holder}. Returns why it cannot (the lot is not the
     * account's, has expired, or has fewer unheld credits) and then writes nothing.
     */
    public static Optional<String> hold(Handle h, String accountId, String lotId, String holder, BigDecimal amount, Instant at) {
        CreditStore.expireLapsed(h, accountId, at, "system");
        List<CreditLots.Lot> lots = CreditStore.openLots(h, accountId);
        Optional<String> problem = CreditLots.holdProblem(lots, holds(h, accountId), lotId, Money.normalize(amount), at);
        if (problem.isPresent()) {
            return problem;
        }
        h.createUpdate("INSERT INTO credit_holds (id, account_id, lot_id, holder, amount, created_at) "
                        + "VALUES (:id, :acct, :lot, :holder, :amount, :at)")
                .bind("id", PrefixedIds.next("hld_", at)).bind("acct", accountId).bind("lot", lotId).bind("holder", holder)
                .bind("amount", Money.normalize(amount)).bind("at", at).execute();
        return Optional.empty();
    }

    /** Releases the hold of {@code holder}; the credits become spendable again. Returns what was held (zero if nothing). */
    public static BigDecimal release(Handle h, String holder) {
        BigDecimal held = heldBy(h, holder).orElse(Money.zero());
        h.createUpdate("DELETE FROM credit_holds WHERE holder = :holder").bind("holder", holder).execute();
        return held;
    }

    /**
     * Puts {@code amount} credits back into the lot they were refunded from (a payout that failed): one positive
     * 'adjustment' ledger line. If the lot has expired meanwhile the credits lapse again at once (decart §5.3), with
     * their 'expiry' line, so balance == sum(ledger) == sum(unexpired lots' remaining) still holds.
     */
    public static void restore(Handle h, String accountId, String lotId, BigDecimal amount, Instant at, String description, String actor) {
        BigDecimal amt = Money.normalize(amount);
        if (amt.signum() <= 0) {
            throw new IllegalArgumentException("credits restored must be positive, got " + amt.toPlainString());
        }
        BigDecimal balance = CreditStore.lockBalance(h, accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        int updated = h.createUpdate("UPDATE credit_lots SET remaining = remaining + :amt WHERE id = :id AND account_id = :acct "
                        + "AND remaining + :amt <= amount")
                .bind("amt", amt).bind("id", lotId).bind("acct", accountId).execute();
        if (updated != 1) {
            throw new IllegalStateException("lot " + lotId + " of " + accountId + " cannot take back " + amt.toPlainString());
        }
        BigDecimal after = balance.add(amt);
        CreditStore.append(h, accountId, at, "adjustment", amt, lotId, after, description, actor);
        CreditStore.setBalance(h, accountId, after);
        CreditStore.expireLapsed(h, accountId, at, "system");
    }
}
