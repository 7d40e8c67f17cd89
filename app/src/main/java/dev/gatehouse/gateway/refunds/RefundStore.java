package dev.gatehouse.gateway.refunds;

import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.RefundLot;
import dev.gatehouse.gateway.credits.CreditHolds;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.policy.LotKind;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.PolicySettings;
import dev.gatehouse.policy.RefundEligibility;
import dev.gatehouse.policy.RefundState;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.gatehouse.gateway.sql.Timestamps.instant;

/**
 * Refund requests (issue 10 §3). Every method runs in the caller's transaction; writers lock the refund row first
 * ({@link #lock}), then the account's balance, so two decisions on one refund are serialized and the second sees the
 * first's state. Eligibility is {@link RefundEligibility}'s, fed with the lot as it stands now, at the time of the request.
 */
public final class RefundStore {
    private RefundStore() {}

    private static final String SELECT = "SELECT r.*, a.name AS account_name, l.kind AS lot_kind, "
            + "COALESCE(hd.amount, 0) AS held FROM refunds r JOIN accounts a ON a.id = r.account_id "
            + "JOIN credit_lots l ON l.id = r.lot_id LEFT JOIN credit_holds hd ON hd.holder = r.id";

    /** The list's filters (each whitelisted by the routes); null means any. */
    public record Filter(String state, String verdict, String accountId) {}

    public static List<Refund> list(Handle h, Filter f, String beforeId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.state() != null) {
            sql.append(" AND r.state = :state");
            params.put("state", f.state());
        }
        if (f.verdict() != null) {
            sql.append(" AND r.verdict = :verdict");
            params.put("verdict", f.verdict());
        }
        if (f.accountId() != null) {
            sql.append(" AND r.account_id = :acct");
            params.put("acct", f.accountId());
        }
        if (beforeId != null) {
            sql.append(" AND r.id < :before");
            params.put("before", beforeId);
        }
        // with the leading column fixed, "col, id DESC" orders like id DESC and is the order of that column's index:
        // H2 then reads the first page off the index instead of sorting every match (13k requested refunds at scale)
        String lead = f.accountId() != null ? "r.account_id, " : f.state() != null ? "r.state, " : f.verdict() != null ? "r.verdict, " : "";
        sql.append(" ORDER BY ").append(lead).append("r.id DESC LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("limit", limit);
        params.forEach(q::bind);
        return q.map((rs, c) -> refund(rs)).list();
    }

    public static Optional<Refund> find(Handle h, String id) {
        return h.createQuery(SELECT + " WHERE r.id = :id").bind("id", id).map((rs, c) -> refund(rs)).findOne();
    }

    /** Locks the refund row until the transaction ends and returns the refund as it is then. */
    public static Optional<Refund> lock(Handle h, String id) {
        boolean exists = h.createQuery("SELECT id FROM refunds WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne().isPresent();
        return exists ? find(h, id) : Optional.empty();
    }

    public static void insert(Handle h, String id, String accountId, String lotId, BigDecimal amount,
                              RefundEligibility.Result eligibility, String currency, String reason, String by, Instant at) {
        h.createUpdate("INSERT INTO refunds (id, account_id, lot_id, state, verdict, requested_amount, refundable, currency, "
                        + "reason, requested_by, requested_at) VALUES (:id, :acct, :lot, 'requested', :verdict, :amount, "
                        + ":refundable, :cur, :reason, :by, :at)")
                .bind("id", id).bind("acct", accountId).bind("lot", lotId).bind("verdict", eligibility.verdict().wire())
                .bind("amount", Money.normalize(amount)).bind("refundable", eligibility.refundable()).bind("cur", currency)
                .bind("reason", reason).bind("by", by).bind("at", at).execute();
    }

    public static void firstApproval(Handle h, String id, String by, BigDecimal amount, String reason, boolean exception, Instant at) {
        update(h, id, "state = 'awaiting_second_approval', first_approver = :by, first_amount = :amount, first_reason = :reason, "
                + "first_at = :at, exception = :exc", Map.of("by", by, "amount", amount, "reason", reason, "at", at, "exc", exception));
    }

    public static void approved(Handle h, String id, String by, BigDecimal amount, BigDecimal credits, String reason,
                                boolean exception, Instant at) {
        update(h, id, "state = 'approved', approved_amount = :amount, credits_refunded = :credits, decided_by = :by, "
                        + "decided_at = :at, decision_reason = :reason, exception = :exc",
                Map.of("by", by, "amount", amount, "credits", credits, "reason", reason, "at", at, "exc", exception));
    }

    /** A failed refund approved again for a retried payout: its credits are out of the lot once more. */
    public static void reapproved(Handle h, String id, BigDecimal credits) {
        update(h, id, "state = 'approved', credits_refunded = :credits", Map.of("credits", credits));
    }

    public static void paid(Handle h, String id, String reference) {
        update(h, id, "state = 'paid', payout_reference = :ref, payout_failure = NULL, payout_attempts = payout_attempts + 1",
                Map.of("ref", reference));
    }

    /** The payout failed and its credits went back into the lot. */
    public static void failed(Handle h, String id, String why) {
        update(h, id, "state = 'failed', credits_refunded = 0, payout_failure = :why, payout_attempts = payout_attempts + 1",
                Map.of("why", why.length() > 400 ? why.substring(0, 400) : why));
    }

    public static void denied(Handle h, String id, String by, String reason, Instant at) {
        update(h, id, "state = 'denied', decided_by = :by, decided_at = :at, decision_reason = :reason",
                Map.of("by", by, "reason", reason, "at", at));
    }

    /** A new verdict for an open request when the policy changes. */
    public static void reevaluated(Handle h, String id, RefundEligibility.Result e) {
        h.createUpdate("UPDATE refunds SET verdict = :verdict, refundable = :refundable WHERE id = :id")
                .bind("verdict", e.verdict().wire()).bind("refundable", e.refundable()).bind("id", id).execute();
    }

    private static void update(Handle h, String id, String set, Map<String, Object> params) {
        var u = h.createUpdate("UPDATE refunds SET " + set + ", version = version + 1 WHERE id = :id").bind("id", id);
        params.forEach(u::bind);
        if (u.execute() != 1) {
            throw new IllegalStateException("no refund " + id);
        }
    }

    /** Ids of the requests still waiting for a decision. */
    public static List<String> open(Handle h) {
        return h.createQuery("SELECT id FROM refunds WHERE state IN ('requested', 'awaiting_second_approval') ORDER BY id")
                .mapTo(String.class).list();
    }

    /** A lot as a refund sees it: the breakdown a person reads, and the same facts as the eligibility rule takes them. */
    public record LotFacts(RefundLot shown, RefundEligibility.Lot lot) {}

    /**
     * The lot of {@code refundId} (or of a request not yet made, refundId null): other refunds' credits and money
     * taken out of it, other requests' holds, what lapsed at expiry, and the rest as used.
     */
    public static Optional<LotFacts> lotFacts(Handle h, String accountId, String lotId, String refundId, Instant now) {
        record Row(String kind, BigDecimal amount, BigDecimal remaining, BigDecimal paid, String currency, Instant bought,
                   Instant expires) {}
        Optional<Row> found = h.createQuery("SELECT kind, amount, remaining, price_paid, currency, purchased_at, expires_at "
                        + "FROM credit_lots WHERE id = :lot AND account_id = :acct")
                .bind("lot", lotId).bind("acct", accountId)
                .map((rs, c) -> new Row(rs.getString("kind"), Money.normalize(rs.getBigDecimal("amount")),
                        Money.normalize(rs.getBigDecimal("remaining")), Money.normalize(rs.getBigDecimal("price_paid")),
                        rs.getString("currency").trim(), instant(rs, "purchased_at"), instant(rs, "expires_at")))
                .findOne();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row lot = found.get();
        String self = refundId == null ? "" : refundId;
        BigDecimal[] refunded = h.createQuery("SELECT COALESCE(SUM(credits_refunded), 0), COALESCE(SUM(approved_amount), 0) "
                        + "FROM refunds WHERE lot_id = :lot AND state IN ('approved', 'paid') AND id <> :self")
                .bind("lot", lotId).bind("self", self)
                .map((rs, c) -> new BigDecimal[] {Money.normalize(rs.getBigDecimal(1)), Money.normalize(rs.getBigDecimal(2))}).one();
        BigDecimal selfRefunded = refundId == null ? Money.zero() : h.createQuery("SELECT credits_refunded FROM refunds WHERE id = :id "
                + "AND state IN ('approved', 'paid')").bind("id", refundId).mapTo(BigDecimal.class).findOne().map(Money::normalize)
                .orElse(Money.zero());
        BigDecimal expired = Money.normalize(h.createQuery("SELECT COALESCE(SUM(-amount), 0) FROM ledger_entries "
                        + "WHERE account_id = :acct AND lot_id = :lot AND kind = 'expiry'")
                .bind("acct", accountId).bind("lot", lotId).mapTo(BigDecimal.class).one());
        BigDecimal held = CreditHolds.heldOnLot(h, lotId, refundId);
        BigDecimal used = Money.normalize(lot.amount().subtract(lot.remaining()).subtract(refunded[0]).subtract(selfRefunded)
                .subtract(expired).max(BigDecimal.ZERO));
        // held credits are part of remaining; a hold on credits that lapsed at expiry holds nothing any more
        BigDecimal heldNow = held.min(lot.remaining().add(selfRefunded));
        boolean isExpired = lot.expires() != null && !lot.expires().isAfter(now);
        RefundLot shown = new RefundLot(lotId, lot.kind(), lot.bought(), lot.expires(), isExpired, lot.amount(), used,
                refunded[0], expired, heldNow, lot.remaining(), lot.paid(), refunded[1], lot.currency());
        LotKind kind = LotKind.fromWire(lot.kind()).orElseThrow();
        // expired credit lapsed (decart §5.3): for the rule it is as gone as used credit
        BigDecimal gone = used.add(expired);
        RefundEligibility.Lot facts = new RefundEligibility.Lot(lotId, kind, lot.bought(), lot.expires(), lot.amount(),
                gone, refunded[0], heldNow, lot.paid(), refunded[1]);
        return Optional.of(new LotFacts(shown, facts));
    }

    /** The refund's eligibility now, judged at the time it was requested (pixapi §8: "refund requests within 7 days"). */
    public static RefundEligibility.Result evaluate(Handle h, Refund r, PolicySettings settings) {
        LotFacts facts = lotFacts(h, r.accountId(), r.lotId(), r.id(), r.requestedAt()).orElseThrow();
        return RefundEligibility.evaluate(facts.lot(), r.requestedAmount(), settings, r.requestedAt());
    }

    /** The lot credits {@code amount} of money stands for: amount × credits bought / price paid, at most {@code available}. */
    public static BigDecimal creditsFor(BigDecimal amount, RefundEligibility.Lot lot, BigDecimal available) {
        if (lot.pricePaid().signum() == 0) {
            return Money.zero();
        }
        return Money.normalize(amount.multiply(lot.creditsBought()).divide(lot.pricePaid(), Money.SCALE, RoundingMode.HALF_EVEN)
                .min(available));
    }

    /** The lot's ledger lines, newest first: its purchase, usage, refunds, returned credits and expiry. */
    public static List<LedgerEntry> lotHistory(Handle h, String accountId, String lotId, int limit) {
        return h.createQuery("SELECT l.*, a.currency FROM ledger_entries l JOIN accounts a ON a.id = l.account_id "
                        + "WHERE l.account_id = :acct AND l.lot_id = :lot ORDER BY l.seq DESC LIMIT :limit")
                .bind("acct", accountId).bind("lot", lotId).bind("limit", limit)
                .map((rs, c) -> CreditStore.entry(rs)).list();
    }

    static Refund refund(ResultSet rs) throws SQLException {
        return new Refund(rs.getString("id"), rs.getString("account_id"), rs.getString("account_name"), rs.getString("lot_id"),
                rs.getString("lot_kind"), rs.getString("state"), rs.getString("verdict"), money(rs, "requested_amount"),
                money(rs, "refundable"), money(rs, "approved_amount"), rs.getString("currency").trim(), money(rs, "held"),
                money(rs, "credits_refunded"), rs.getString("reason"), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("first_approver"), money(rs, "first_amount"), instant(rs, "first_at"), rs.getBoolean("exception"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_reason"),
                rs.getString("payout_reference"), rs.getString("payout_failure"), rs.getInt("payout_attempts"),
                rs.getLong("version"));
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : Money.normalize(d);
    }

    /** State of a stored refund. */
    public static RefundState state(Refund r) {
        return RefundState.fromWire(r.state()).orElseThrow();
    }
}
