package dev.gatehouse.gateway.audit;

import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** Reading the audit trail back: newest first, by actor, target, action and time. */
public final class AuditSearch {
    private AuditSearch() {}

    /** Filters of GET /admin/v1/audit; null means "any". from is inclusive, to exclusive. */
    public record Filter(String actor, String target, String action, Instant from, Instant to) {}

    /** One page, newest first; before is the keyset cursor (a seq, exclusive). */
    public static List<AuditEntry> list(Handle h, Filter f, Long before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entries WHERE 1 = 1");
        if (f.actor() != null) sql.append(" AND actor = :actor");
        if (f.target() != null) sql.append(" AND target = :target");
        if (f.action() != null) sql.append(" AND action = :action");
        if (f.from() != null) sql.append(" AND at >= :from");
        if (f.to() != null) sql.append(" AND at < :to");
        if (before != null) sql.append(" AND seq < :before");
        // newest first; with a column fixed, "column, seq DESC" is the same order and the one its index has (H2 only
        // reads an index in order when the ORDER BY starts with the index's columns)
        String fixed = f.actor() != null ? "actor, " : f.action() != null ? "action, " : f.target() != null ? "target, " : "";
        sql.append(" ORDER BY ").append(fixed).append("seq DESC LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("limit", limit);
        if (f.actor() != null) q.bind("actor", f.actor());
        if (f.target() != null) q.bind("target", f.target());
        if (f.action() != null) q.bind("action", f.action());
        if (f.from() != null) q.bind("from", f.from());
        if (f.to() != null) q.bind("to", f.to());
        if (before != null) q.bind("before", before);
        return q.map((rs, c) -> new AuditEntry(rs.getLong("seq"), rs.getString("id"), Timestamps.instant(rs, "at"),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("reason"),
                AuditLog.parse(rs.getString("before_json")), AuditLog.parse(rs.getString("after_json")),
                rs.getString("prev_hash").trim(), rs.getString("hash").trim())).list();
    }
}
