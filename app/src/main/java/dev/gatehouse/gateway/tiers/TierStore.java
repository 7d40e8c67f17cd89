package dev.gatehouse.gateway.tiers;

import dev.gatehouse.api.LimitChange;
import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.TierLimits;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The rate_tiers, account_limits and limit_changes tables. Methods join the caller's handle. */
public final class TierStore {
    private TierStore() {}

    /** A tier row: limits are null for enterprise (custom per account). */
    public record TierRow(String name, Integer rpm, Integer rpd, Integer concurrent, long version, Instant updatedAt) {
        public Optional<TierLimits> limits() {
            return rpm == null ? Optional.empty() : Optional.of(new TierLimits(rpm, rpd, concurrent));
        }
    }

    public static List<TierRow> tiers(Handle h) {
        return h.createQuery("SELECT name, rpm, rpd, concurrent, version, updated_at FROM rate_tiers ORDER BY position")
                .map((rs, c) -> tier(rs)).list();
    }

    public static Optional<TierRow> tier(Handle h, String name, boolean lock) {
        return h.createQuery("SELECT name, rpm, rpd, concurrent, version, updated_at FROM rate_tiers WHERE name = :name"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("name", name).map((rs, c) -> tier(rs)).findOne();
    }

    public static void setTier(Handle h, String name, TierLimits l, Instant now) {
        h.createUpdate("UPDATE rate_tiers SET rpm = :rpm, rpd = :rpd, concurrent = :c, version = version + 1, updated_at = :now WHERE name = :name")
                .bind("rpm", l.rpm()).bind("rpd", l.rpd()).bind("c", l.concurrent()).bind("now", utc(now)).bind("name", name).execute();
    }

    public static void touchTier(Handle h, String name, Instant now) {
        h.createUpdate("UPDATE rate_tiers SET version = version + 1, updated_at = :now WHERE name = :name")
                .bind("now", utc(now)).bind("name", name).execute();
    }

    /** Accounts and keys (not revoked or expired) per tier. */
    public record Counts(long accounts, long keys) {}

    public static Map<String, Counts> counts(Handle h) {
        Map<String, Counts> out = new TreeMap<>();
        h.createQuery("""
                        SELECT a.tier, COUNT(DISTINCT a.id) AS accounts, COUNT(k.id) AS keys
                        FROM accounts a LEFT JOIN api_keys k ON k.account_id = a.id AND k.status IN ('active', 'suspended')
                        WHERE a.status <> 'terminated' GROUP BY a.tier""")
                .map((rs, c) -> out.put(rs.getString("tier"), new Counts(rs.getLong("accounts"), rs.getLong("keys")))).list();
        return out;
    }

    // ---------------------------------------------------------------- account limits

    public record AccountRow(String accountId, String name, String tier, String status) {}

    public static Optional<AccountRow> account(Handle h, String id) {
        return h.createQuery("SELECT id, name, tier, status FROM accounts WHERE id = :id")
                .bind("id", id)
                .map((rs, c) -> new AccountRow(rs.getString("id"), rs.getString("name"), rs.getString("tier"), rs.getString("status")))
                .findOne();
    }

    public record CustomRow(TierLimits limits, long version, Instant updatedAt, String updatedBy) {}

    public static Optional<CustomRow> custom(Handle h, String accountId, boolean lock) {
        return h.createQuery("SELECT rpm, rpd, concurrent, version, updated_at, updated_by FROM account_limits WHERE account_id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .bind("id", accountId)
                .map((rs, c) -> new CustomRow(new TierLimits(rs.getInt("rpm"), rs.getInt("rpd"), rs.getInt("concurrent")),
                        rs.getLong("version"), Timestamps.instant(rs, "updated_at"), rs.getString("updated_by")))
                .findOne();
    }

    /** Locks the account row, so the first custom limits of an account are written once even by two operators at once. */
    public static void lockAccount(Handle h, String accountId) {
        h.createQuery("SELECT id FROM accounts WHERE id = :id FOR UPDATE").bind("id", accountId).mapTo(String.class).findOne();
    }

    public static void setCustom(Handle h, String accountId, TierLimits l, String by, Instant now) {
        int n = h.createUpdate("""
                        UPDATE account_limits SET rpm = :rpm, rpd = :rpd, concurrent = :c, version = version + 1,
                            updated_at = :now, updated_by = :by WHERE account_id = :id""")
                .bind("rpm", l.rpm()).bind("rpd", l.rpd()).bind("c", l.concurrent()).bind("now", utc(now)).bind("by", by)
                .bind("id", accountId).execute();
        if (n == 0) {
            h.createUpdate("""
                            INSERT INTO account_limits (account_id, rpm, rpd, concurrent, version, updated_at, updated_by)
                            VALUES (:id, :rpm, :rpd, :c, 2, :now, :by)""")
                    .bind("rpm", l.rpm()).bind("rpd", l.rpd()).bind("c", l.concurrent()).bind("now", utc(now)).bind("by", by)
                    .bind("id", accountId).execute();
        }
    }

    /** Moves an account's limits version on (a change was scheduled): creates the row from {@code l} if there is none. */
    public static void touchCustom(Handle h, String accountId, TierLimits current, String by, Instant now) {
        int n = h.createUpdate("UPDATE account_limits SET version = version + 1 WHERE account_id = :id").bind("id", accountId).execute();
        if (n == 0) {
            setCustom(h, accountId, current, by, now);
        }
    }

    // ---------------------------------------------------------------- limit changes

    public record NewChange(String id, String targetType, String target, String state, String kind, TierLimits before,
                            TierLimits after, Instant effectiveAt, Instant scheduledAt, Instant earliestAllowed, String reason,
                            String author, boolean emergency, Instant appliedAt) {}

    public static void insertChange(Handle h, NewChange c) {
        h.createUpdate("""
                        INSERT INTO limit_changes (id, target_type, target, state, kind, old_rpm, old_rpd, old_concurrent, rpm, rpd,
                            concurrent, effective_at, scheduled_at, earliest_allowed, reason, author, emergency, applied_at)
                        VALUES (:id, :type, :target, :state, :kind, :orpm, :orpd, :oc, :rpm, :rpd, :c, :effective, :scheduled,
                            :earliest, :reason, :author, :emergency, :applied)""")
                .bind("id", c.id()).bind("type", c.targetType()).bind("target", c.target()).bind("state", c.state())
                .bind("kind", c.kind()).bind("orpm", c.before().rpm()).bind("orpd", c.before().rpd())
                .bind("oc", c.before().concurrent()).bind("rpm", c.after().rpm()).bind("rpd", c.after().rpd())
                .bind("c", c.after().concurrent()).bind("effective", utc(c.effectiveAt())).bind("scheduled", utc(c.scheduledAt()))
                .bind("earliest", utc(c.earliestAllowed())).bind("reason", c.reason()).bind("author", c.author())
                .bind("emergency", c.emergency()).bindByType("applied", utc(c.appliedAt()), OffsetDateTime.class)
                .execute();
    }

    private static final String CHANGE_COLUMNS = """
            id, target_type, target, state, kind, old_rpm, old_rpd, old_concurrent, rpm, rpd, concurrent, effective_at,
            scheduled_at, earliest_allowed, reason, author, emergency, applied_at, cancelled_at, cancelled_by, cancel_reason""";

    public static Optional<LimitChange> pending(Handle h, String type, String target) {
        return h.createQuery("SELECT " + CHANGE_COLUMNS + " FROM limit_changes WHERE target_type = :type AND target = :target"
                        + " AND state = 'scheduled' ORDER BY effective_at, id")
                .bind("type", type).bind("target", target).map((rs, c) -> change(rs)).findFirst();
    }

    /** Every pending change, by target, for the tier list. */
    public static Map<String, LimitChange> pendingTiers(Handle h) {
        Map<String, LimitChange> out = new TreeMap<>();
        h.createQuery("SELECT " + CHANGE_COLUMNS + " FROM limit_changes WHERE target_type = 'tier' AND state = 'scheduled'")
                .map((rs, c) -> change(rs)).list().forEach(c -> out.putIfAbsent(c.target(), c));
        return out;
    }

    /** A target's changes, newest first. */
    public static List<LimitChange> history(Handle h, String type, String target, int limit) {
        return h.createQuery("SELECT " + CHANGE_COLUMNS + " FROM limit_changes WHERE target_type = :type AND target = :target"
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("type", type).bind("target", target).bind("limit", limit).map((rs, c) -> change(rs)).list();
    }

    public static void supersede(Handle h, String type, String target) {
        h.createUpdate("UPDATE limit_changes SET state = 'superseded' WHERE target_type = :type AND target = :target AND state = 'scheduled'")
                .bind("type", type).bind("target", target).execute();
    }

    public static List<LimitChange> due(Handle h, Instant now) {
        return h.createQuery("SELECT " + CHANGE_COLUMNS + " FROM limit_changes WHERE state = 'scheduled' AND effective_at <= :now ORDER BY effective_at, id")
                .bind("now", utc(now)).map((rs, c) -> change(rs)).list();
    }

    /** Marks a due change applied if it still is scheduled (locked); false when another process got there first. */
    public static boolean claim(Handle h, String id, Instant now) {
        Optional<String> state = h.createQuery("SELECT state FROM limit_changes WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne();
        if (!"scheduled".equals(state.orElse(null))) {
            return false;
        }
        h.createUpdate("UPDATE limit_changes SET state = 'applied', applied_at = :now WHERE id = :id")
                .bind("now", utc(now)).bind("id", id).execute();
        return true;
    }

    public static Optional<LimitChange> change(Handle h, String id, boolean lock) {
        return h.createQuery("SELECT " + CHANGE_COLUMNS + " FROM limit_changes WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id).map((rs, c) -> change(rs)).findOne();
    }

    /** Withdraws a scheduled change (the caller holds its row lock and has checked it is scheduled). */
    public static void cancel(Handle h, String id, String reason, String by, Instant now) {
        h.createUpdate("""
                        UPDATE limit_changes SET state = 'cancelled', cancelled_at = :now, cancelled_by = :by, cancel_reason = :reason
                        WHERE id = :id AND state = 'scheduled'""")
                .bind("now", utc(now)).bind("by", by).bind("reason", reason).bind("id", id).execute();
    }

    /** Moves an account's custom limits version on, if it has a row. */
    public static void touchCustomVersion(Handle h, String accountId) {
        h.createUpdate("UPDATE account_limits SET version = version + 1 WHERE account_id = :id").bind("id", accountId).execute();
    }

    /** Keys (not revoked or expired) of one account. */
    public static long keys(Handle h, String accountId) {
        return h.createQuery("SELECT COUNT(*) FROM api_keys WHERE account_id = :id AND status IN ('active', 'suspended')")
                .bind("id", accountId).mapTo(Long.class).one();
    }

    private static LimitChange change(ResultSet rs) throws SQLException {
        return new LimitChange(rs.getString("id"), rs.getString("target_type"), rs.getString("target"), rs.getString("state"),
                rs.getString("kind"), new LimitChange.Limits(rs.getInt("old_rpm"), rs.getInt("old_rpd"), rs.getInt("old_concurrent")),
                new LimitChange.Limits(rs.getInt("rpm"), rs.getInt("rpd"), rs.getInt("concurrent")),
                Timestamps.instant(rs, "effective_at"), Timestamps.instant(rs, "scheduled_at"),
                Timestamps.instant(rs, "earliest_allowed"), rs.getBoolean("emergency"), rs.getString("reason"),
                rs.getString("author"), Timestamps.instant(rs, "applied_at"), Timestamps.instant(rs, "cancelled_at"),
                rs.getString("cancelled_by"), rs.getString("cancel_reason"));
    }

    private static TierRow tier(ResultSet rs) throws SQLException {
        return new TierRow(rs.getString("name"), (Integer) rs.getObject("rpm", Integer.class), (Integer) rs.getObject("rpd", Integer.class),
                (Integer) rs.getObject("concurrent", Integer.class), rs.getLong("version"), Timestamps.instant(rs, "updated_at"));
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
