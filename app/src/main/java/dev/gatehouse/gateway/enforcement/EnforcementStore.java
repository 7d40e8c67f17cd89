package dev.gatehouse.gateway.enforcement;

import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** The writes that change a key's or an account's status, and the enforcement history they leave. Only {@link StatusChanges} writes. */
public final class EnforcementStore {
    private EnforcementStore() {}

    static void setAccountStatus(Handle h, String accountId, String status, Instant suspendedUntil) {
        h.createUpdate("UPDATE accounts SET status = :status, suspended_until = :until, version = version + 1 WHERE id = :id")
                .bind("status", status).bind("until", suspendedUntil).bind("id", accountId).execute();
    }

    /** Sets the status if the key is still at {@code version}; false when another change got there first. */
    static boolean setKeyStatus(Handle h, String keyId, String status, long version) {
        return h.createUpdate("UPDATE api_keys SET status = :status, version = version + 1 WHERE id = :id AND version = :v")
                .bind("status", status).bind("id", keyId).bind("v", version).execute() == 1;
    }

    /** How many keys of the account are not yet revoked: what terminating it would revoke. */
    static int countRevocable(Handle h, String accountId) {
        return h.createQuery("SELECT COUNT(*) FROM api_keys WHERE account_id = :acct AND status <> 'revoked'")
                .bind("acct", accountId).mapTo(Integer.class).one();
    }

    /** Revokes every key of the account that is not revoked yet; returns how many. */
    static int revokeAll(Handle h, String accountId) {
        return h.createUpdate("UPDATE api_keys SET status = 'revoked', version = version + 1 "
                        + "WHERE account_id = :acct AND status <> 'revoked'")
                .bind("acct", accountId).execute();
    }

    static void record(Handle h, EnforcementAction e) {
        h.createUpdate("INSERT INTO enforcement_actions (id, account_id, key_id, target_type, action, reason, actor, at, "
                        + "duration_hours, until_at) VALUES (:id, :acct, :key, :type, :action, :reason, :actor, :at, :hours, :until)")
                .bind("id", e.id()).bind("acct", e.accountId()).bind("key", e.keyId()).bind("type", e.targetType())
                .bind("action", e.action()).bind("reason", e.reason()).bind("actor", e.actor()).bind("at", e.at())
                .bind("hours", e.durationHours()).bind("until", e.until()).execute();
    }

    /** Enforcement history, newest first: of an account (keyId null), or of one key plus its account's terminations. */
    public static List<EnforcementAction> history(Handle h, String accountId, String keyId, int limit) {
        String where = keyId == null ? "account_id = :acct"
                : "(key_id = :key OR (account_id = :acct AND key_id IS NULL AND action = 'terminate'))";
        var q = h.createQuery("SELECT * FROM enforcement_actions WHERE " + where + " ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("acct", accountId).bind("limit", limit);
        if (keyId != null) q.bind("key", keyId);
        return q.map((rs, c) -> new EnforcementAction(rs.getString("id"), rs.getString("account_id"), rs.getString("key_id"),
                        rs.getString("target_type"), rs.getString("action"), rs.getString("reason"), rs.getString("actor"),
                        Timestamps.instant(rs, "at"), (Integer) rs.getObject("duration_hours"), Timestamps.instant(rs, "until_at")))
                .list();
    }
}
