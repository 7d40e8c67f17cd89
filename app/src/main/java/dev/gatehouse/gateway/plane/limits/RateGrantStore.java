package dev.gatehouse.gateway.plane.limits;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The rate_grants table (V16): how many requests of one window each gateway node may admit. Grants are taken under the
 * account's row lock ({@link #lockAccount}), so the grants of one subject and window never add up to more than its
 * limit on any number of nodes; giving grants back needs no lock (it only lowers the sum).
 */
final class RateGrantStore {
    private RateGrantStore() {}

    /** Locks the account row: every grant of the account and its keys is taken under it. False: no such account. */
    static boolean lockAccount(Handle h, String accountId) {
        return h.createQuery("SELECT id FROM accounts WHERE id = :id FOR UPDATE").bind("id", accountId)
                .mapTo(String.class).findOne().isPresent();
    }

    /** What the other nodes were granted in the window (concurrency slots only of nodes seen since {@code aliveSince}). */
    static int others(Handle h, String subject, String kind, long bucket, String nodeId, Instant aliveSince) {
        return h.createQuery("SELECT COALESCE(SUM(granted), 0) FROM rate_grants WHERE subject = :s AND kind = :k AND bucket = :b "
                        + "AND node_id <> :node AND (kind <> 'con' OR node_id IN (SELECT node_id FROM plane_nodes WHERE seen_at > :alive))")
                .bind("s", subject).bind("k", kind).bind("b", bucket).bind("node", nodeId).bind("alive", utc(aliveSince))
                .mapTo(Integer.class).one();
    }

    /** This node's grant in the window. */
    static int mine(Handle h, String subject, String kind, long bucket, String nodeId) {
        return h.createQuery("SELECT granted FROM rate_grants WHERE subject = :s AND kind = :k AND bucket = :b AND node_id = :node")
                .bind("s", subject).bind("k", kind).bind("b", bucket).bind("node", nodeId).mapTo(Integer.class).findOne().orElse(0);
    }

    /** Adds {@code delta} to this node's grant (negative: gives back; never below zero). */
    static void add(Handle h, String subject, String kind, long bucket, String nodeId, int delta, Instant expiresAt) {
        int n = h.createUpdate("UPDATE rate_grants SET granted = CASE WHEN granted + :d < 0 THEN 0 ELSE granted + :d END, "
                        + "expires_at = :exp WHERE subject = :s AND kind = :k AND bucket = :b AND node_id = :node")
                .bind("d", delta).bind("exp", utc(expiresAt)).bind("s", subject).bind("k", kind).bind("b", bucket)
                .bind("node", nodeId).execute();
        if (n == 0 && delta > 0) {
            h.createUpdate("INSERT INTO rate_grants (subject, kind, bucket, node_id, granted, expires_at) "
                            + "VALUES (:s, :k, :b, :node, :d, :exp)")
                    .bind("s", subject).bind("k", kind).bind("b", bucket).bind("node", nodeId).bind("d", delta)
                    .bind("exp", utc(expiresAt)).execute();
        }
    }

    /** Gives back {@code amount} unused grants: one row, one statement, so it never waits on two locks. */
    static void giveBack(Handle h, String subject, String kind, long bucket, String nodeId, int amount) {
        h.createUpdate("UPDATE rate_grants SET granted = CASE WHEN granted < :n THEN 0 ELSE granted - :n END "
                        + "WHERE subject = :s AND kind = :k AND bucket = :b AND node_id = :node")
                .bind("n", amount).bind("s", subject).bind("k", kind).bind("b", bucket).bind("node", nodeId).execute();
    }

    /** This node is alive at {@code now} (its concurrency slots keep counting). */
    static void heartbeat(Handle h, String nodeId, Instant now) {
        int n = h.createUpdate("UPDATE plane_nodes SET seen_at = :now WHERE node_id = :node")
                .bind("now", utc(now)).bind("node", nodeId).execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO plane_nodes (node_id, seen_at) VALUES (:node, :now)").bind("node", nodeId).bind("now", utc(now)).execute();
        }
    }

    /** Forgets windows that have passed, and the slots and heartbeats of nodes not seen since {@code deadBefore}. */
    static int sweep(Handle h, Instant now, Instant deadBefore) {
        int n = h.createUpdate("DELETE FROM rate_grants WHERE kind <> 'con' AND expires_at < :now").bind("now", utc(now)).execute();
        n += h.createUpdate("DELETE FROM rate_grants WHERE kind = 'con' AND node_id NOT IN (SELECT node_id FROM plane_nodes "
                + "WHERE seen_at >= :dead)").bind("dead", utc(deadBefore)).execute();
        h.createUpdate("DELETE FROM plane_nodes WHERE seen_at < :dead").bind("dead", utc(deadBefore)).execute();
        return n;
    }

    /** Gives back this node's concurrency slots and says it is gone (a clean shutdown). */
    static void leave(Handle h, String nodeId) {
        h.createUpdate("DELETE FROM rate_grants WHERE node_id = :node AND kind = 'con'").bind("node", nodeId).execute();
        h.createUpdate("DELETE FROM plane_nodes WHERE node_id = :node").bind("node", nodeId).execute();
    }

    /** The audit head's sequence: it moves on every audited mutation, such as a tier or limit change. */
    static long changeSeq(Handle h) {
        return h.createQuery("SELECT seq FROM audit_head WHERE id = 1").mapTo(Long.class).one();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
