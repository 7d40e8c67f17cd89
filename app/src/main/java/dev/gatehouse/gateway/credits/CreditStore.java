package dev.gatehouse.gateway.credits;

import dev.gatehouse.api.CreditLot;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.CreditLots;
import dev.gatehouse.policy.Money;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.gatehouse.gateway.sql.Timestamps.instant;

/**
 * Credit lots and the append-only ledger (DESIGN §4 "credits"). Every method runs inside the caller's
 * transaction and keeps the invariant: sum(ledger) == accounts.balance == sum(remaining of unexpired lots),
 * balance ≥ 0. The arithmetic (which lot a draw takes, what expires) is {@link CreditLots}; this class persists it.
 */
public final class CreditStore {
    private CreditStore() {}

    public static final List<String> LOT_KINDS = List.of("purchase", "signup_reward", "promotion", "manual_grant");

    /** Locks the account row (every balance change goes through it) and returns its balance; empty if no such account. */
    public static Optional<BigDecimal> lockBalance(Handle h, String accountId) {
        return h.createQuery("SELECT balance FROM accounts WHERE id = :id FOR UPDATE")
                .bind("id", accountId).mapTo(BigDecimal.class).findOne().map(Money::normalize);
    }

    /** Adds a lot and its ledger line (purchase, or grant for rewards, promotions and manual grants). Returns the lot id. */
    public static String addLot(Handle h, String accountId, String kind, BigDecimal amount, BigDecimal pricePaid,
                                Instant expiresAt, Instant at, String actor, String description) {
        if (!LOT_KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown lot kind " + kind);
        }
        BigDecimal amt = Money.normalize(amount);
        if (amt.signum() <= 0) {
            throw new IllegalArgumentException("a lot must hold a positive amount");
        }
        BigDecimal balance = lockBalance(h, accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        expireLapsed(h, accountId, at, actor);
        balance = lockBalance(h, accountId).orElseThrow();
        String lotId = PrefixedIds.next("lot_", at);
        h.createUpdate("INSERT INTO credit_lots (id, account_id, kind, amount, remaining, price_paid, purchased_at, expires_at) "
                        + "VALUES (:id, :acct, :kind, :amount, :amount, :paid, :at, :exp)")
                .bind("id", lotId).bind("acct", accountId).bind("kind", kind).bind("amount", amt)
                .bind("paid", Money.normalize(pricePaid)).bind("at", at).bind("exp", expiresAt).execute();
        BigDecimal after = balance.add(amt);
        append(h, accountId, at, "purchase".equals(kind) ? "purchase" : "grant", amt, lotId, after, description, actor);
        setBalance(h, accountId, after);
        return lotId;
    }

    /**
     * Debits usage, soonest-expiring lot first (pixapi §8). Lapsed lots expire first. When the balance cannot
     * cover the amount nothing is written and the draw says so (decart §5.4: the API then refuses).
     */
    public static CreditLots.Draw use(Handle h, String accountId, BigDecimal amount, Instant at, String description, String actor) {
        lockBalance(h, accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        expireLapsed(h, accountId, at, actor);
        List<CreditLots.Lot> lots = openLots(h, accountId);
        // held credits (a pending refund, issue 10 §3 "Hold") stay in the balance but are never drawn
        CreditLots.Draw draw = CreditLots.draw(lots, CreditHolds.holds(h, accountId), amount, at);
        if (!draw.covered()) {
            return draw;
        }
        // the draw's balances are the spendable ones; the ledger carries the whole balance, held credits included
        BigDecimal balance = lockBalance(h, accountId).orElseThrow();
        for (CreditLots.Portion p : draw.portions()) {
            h.createUpdate("UPDATE credit_lots SET remaining = remaining - :amt WHERE id = :id")
                    .bind("amt", p.amount()).bind("id", p.lotId()).execute();
            balance = balance.subtract(p.amount());
            append(h, accountId, at, "usage", p.amount().negate(), p.lotId(), balance, description, actor);
        }
        setBalance(h, accountId, balance);
        return draw;
    }

    /** Writes off the credit of lots expired at {@code now} (decart §5.3: expired credit is gone, without refund). */
    public static List<CreditLots.Portion> expireLapsed(Handle h, String accountId, Instant now, String actor) {
        List<CreditLots.Lot> lots = openLots(h, accountId);
        List<CreditLots.Portion> expiries = CreditLots.expiries(lots, now);
        if (expiries.isEmpty()) {
            return expiries;
        }
        BigDecimal balance = lockBalance(h, accountId).orElseThrow();
        for (CreditLots.Portion p : expiries) {
            h.createUpdate("UPDATE credit_lots SET remaining = 0 WHERE id = :id").bind("id", p.lotId()).execute();
            balance = balance.subtract(p.amount());
            append(h, accountId, now, "expiry", p.amount().negate(), p.lotId(), balance, "credit lot expired", actor);
        }
        setBalance(h, accountId, balance);
        return expiries;
    }

    /**
     * Takes {@code amount} of unused credit back out of a purchased lot for a refund. Returns false (and writes
     * nothing) when the lot is not a purchase of this account, has expired, or holds less than the amount.
     * Whether a refund is eligible at all (7 days, pixapi §8) is the refunds feature's rule.
     */
    public static boolean refund(Handle h, String accountId, String lotId, BigDecimal amount, Instant at, String description, String actor) {
        BigDecimal amt = Money.normalize(amount);
        BigDecimal balance = lockBalance(h, accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        Optional<CreditLots.Lot> lot = openLots(h, accountId).stream().filter(l -> l.id().equals(lotId)).findFirst();
        String kind = h.createQuery("SELECT kind FROM credit_lots WHERE id = :id AND account_id = :acct")
                .bind("id", lotId).bind("acct", accountId).mapTo(String.class).findOne().orElse(null);
        if (amt.signum() <= 0 || lot.isEmpty() || !"purchase".equals(kind) || lot.get().expiredAt(at)
                || lot.get().remaining().compareTo(amt) < 0) {
            return false;
        }
        h.createUpdate("UPDATE credit_lots SET remaining = remaining - :amt WHERE id = :id").bind("amt", amt).bind("id", lotId).execute();
        BigDecimal after = balance.subtract(amt);
        append(h, accountId, at, "refund", amt.negate(), lotId, after, description, actor);
        setBalance(h, accountId, after);
        return true;
    }

    /** Lots that still hold credit (expired or not), as the draw arithmetic needs them. */
    static List<CreditLots.Lot> openLots(Handle h, String accountId) {
        return h.createQuery("SELECT id, remaining, purchased_at, expires_at FROM credit_lots "
                        + "WHERE account_id = :acct AND remaining > 0")
                .bind("acct", accountId)
                .map((rs, c) -> new CreditLots.Lot(rs.getString("id"), Money.normalize(rs.getBigDecimal("remaining")),
                        instant(rs, "purchased_at"), instant(rs, "expires_at")))
                .list();
    }

    static void setBalance(Handle h, String accountId, BigDecimal balance) {
        h.createUpdate("UPDATE accounts SET balance = :b WHERE id = :id").bind("b", balance).bind("id", accountId).execute();
    }

    static void append(Handle h, String accountId, Instant at, String kind, BigDecimal amount, String lotId,
                               BigDecimal balanceAfter, String description, String actor) {
        h.createUpdate("INSERT INTO ledger_entries (id, account_id, at, kind, amount, lot_id, balance_after, description, actor) "
                        + "VALUES (:id, :acct, :at, :kind, :amount, :lot, :after, :desc, :actor)")
                .bind("id", PrefixedIds.next("led_", at)).bind("acct", accountId).bind("at", at).bind("kind", kind)
                .bind("amount", Money.normalize(amount)).bind("lot", lotId).bind("after", Money.normalize(balanceAfter))
                .bind("desc", description).bind("actor", actor).execute();
    }

    /** All lots of an account, soonest expiry first (the order usage draws them). */
    public static List<CreditLot> lots(Handle h, String accountId, String currency, Instant now) {
        return h.createQuery("SELECT * FROM credit_lots WHERE account_id = :acct")
                .bind("acct", accountId)
                .map((rs, c) -> lot(rs, now))
                .list().stream()
                .sorted((a, b) -> CreditLots.DRAW_ORDER.compare(asLot(a), asLot(b)))
                .toList();
    }

    private static CreditLots.Lot asLot(CreditLot l) {
        return new CreditLots.Lot(l.id(), l.remaining(), l.purchasedAt(), l.expiresAt());
    }

    static CreditLot lot(ResultSet rs, Instant now) throws SQLException {
        Instant expires = instant(rs, "expires_at");
        return new CreditLot(rs.getString("id"), rs.getString("account_id"), rs.getString("kind"),
                Money.normalize(rs.getBigDecimal("amount")), Money.normalize(rs.getBigDecimal("remaining")),
                Money.normalize(rs.getBigDecimal("price_paid")), rs.getString("currency").trim(),
                instant(rs, "purchased_at"), expires, expires != null && !expires.isAfter(now));
    }

    /** A ledger line with its position in the ledger, for keyset paging. */
    public record LedgerRow(long seq, LedgerEntry entry) {}

    /** One page of the ledger, newest first; beforeSeq is the keyset cursor (exclusive). */
    public static List<LedgerRow> ledger(Handle h, String accountId, String kind, Long beforeSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT l.*, a.currency FROM ledger_entries l JOIN accounts a ON a.id = l.account_id "
                + "WHERE l.account_id = :acct");
        if (kind != null) sql.append(" AND l.kind = :kind");
        if (beforeSeq != null) sql.append(" AND l.seq < :before");
        sql.append(" ORDER BY l.seq DESC LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("acct", accountId).bind("limit", limit);
        if (kind != null) q.bind("kind", kind);
        if (beforeSeq != null) q.bind("before", beforeSeq);
        return q.map((rs, c) -> new LedgerRow(rs.getLong("seq"), entry(rs))).list();
    }

    public static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getString("id"), rs.getString("account_id"), instant(rs, "at"), rs.getString("kind"),
                Money.normalize(rs.getBigDecimal("amount")), rs.getString("lot_id"),
                Money.normalize(rs.getBigDecimal("balance_after")), rs.getString("currency").trim(),
                rs.getString("description"), rs.getString("actor"));
    }
}
