package dev.gatehouse.gateway.plane.metering;

import dev.gatehouse.policy.Money;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The credit_leases table (V16): spendable credit each gateway node has set aside for an account and not yet debited.
 * Every method runs in the caller's transaction after {@code CreditStore.lockBalance} of the account, which serializes
 * leases with debits, holds and grants of that account on every node.
 */
final class CreditLeaseStore {
    private CreditLeaseStore() {}

    /** What the other nodes hold for the account and have not let lapse. */
    static BigDecimal others(Handle h, String accountId, String nodeId, Instant now) {
        return Money.normalize(h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM credit_leases WHERE account_id = :acct "
                        + "AND node_id <> :node AND expires_at > :now")
                .bind("acct", accountId).bind("node", nodeId).bind("now", utc(now)).mapTo(BigDecimal.class).one());
    }

    /** What this node holds for the account (lapsed or not: its unflushed usage is in it). */
    static BigDecimal mine(Handle h, String accountId, String nodeId) {
        return h.createQuery("SELECT amount FROM credit_leases WHERE account_id = :acct AND node_id = :node")
                .bind("acct", accountId).bind("node", nodeId).mapTo(BigDecimal.class).findOne().map(Money::normalize)
                .orElse(Money.zero());
    }

    /** Adds {@code delta} (negative: gives back or debited) to this node's lease and sets its expiry; never below zero. */
    static void add(Handle h, String accountId, String nodeId, BigDecimal delta, Instant expiresAt) {
        int n = h.createUpdate("UPDATE credit_leases SET amount = CASE WHEN amount + :d < 0 THEN 0 ELSE amount + :d END, "
                        + "expires_at = :exp WHERE account_id = :acct AND node_id = :node")
                .bind("d", delta).bind("exp", utc(expiresAt)).bind("acct", accountId).bind("node", nodeId).execute();
        if (n == 0 && delta.signum() > 0) {
            h.createUpdate("INSERT INTO credit_leases (account_id, node_id, amount, expires_at) VALUES (:acct, :node, :d, :exp)")
                    .bind("acct", accountId).bind("node", nodeId).bind("d", delta).bind("exp", utc(expiresAt)).execute();
        }
    }

    /** Sets this node's lease of the account to {@code amount} (inserting the row if none is left) and its expiry. */
    static void set(Handle h, String accountId, String nodeId, BigDecimal amount, Instant expiresAt) {
        int n = h.createUpdate("UPDATE credit_leases SET amount = :amount, expires_at = :exp WHERE account_id = :acct AND node_id = :node")
                .bind("amount", amount).bind("exp", utc(expiresAt)).bind("acct", accountId).bind("node", nodeId).execute();
        if (n == 0 && amount.signum() > 0) {
            h.createUpdate("INSERT INTO credit_leases (account_id, node_id, amount, expires_at) VALUES (:acct, :node, :amount, :exp)")
                    .bind("acct", accountId).bind("node", nodeId).bind("amount", amount).bind("exp", utc(expiresAt)).execute();
        }
    }

    /** Moves the expiry of every lease of this node (the node is alive). */
    static void renew(Handle h, String nodeId, Instant expiresAt) {
        h.createUpdate("UPDATE credit_leases SET expires_at = :exp WHERE node_id = :node")
                .bind("exp", utc(expiresAt)).bind("node", nodeId).execute();
    }

    /** Drops this node's emptied leases, and every lease that lapsed before {@code before} (dead nodes). */
    static int sweep(Handle h, String nodeId, Instant before) {
        return h.createUpdate("DELETE FROM credit_leases WHERE (node_id = :node AND amount = 0) OR expires_at < :before")
                .bind("node", nodeId).bind("before", utc(before)).execute();
    }

    /** Gives back every lease of this node (a clean shutdown, after its last flush). */
    static void releaseAll(Handle h, String nodeId) {
        h.createUpdate("DELETE FROM credit_leases WHERE node_id = :node").bind("node", nodeId).execute();
    }

    /**
     * The audit head's sequence: it moves on every audited mutation (a price change, a catalog edit), which is when the
     * cached price cards may be stale, on this gateway or any other sharing the database.
     */
    static long changeSeq(Handle h) {
        return h.createQuery("SELECT seq FROM audit_head WHERE id = 1").mapTo(Long.class).one();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
