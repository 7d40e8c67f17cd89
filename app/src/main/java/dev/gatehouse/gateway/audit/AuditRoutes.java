package dev.gatehouse.gateway.audit;

import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.accounts.PermissionCheck;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Cursor;
import dev.gatehouse.gateway.http.QueryParams;
import dev.gatehouse.policy.Permission;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** GET /admin/v1/audit (newest first; actor, target, action, from/to) and GET /admin/v1/audit/verify. */
public final class AuditRoutes {
    private final Jdbi jdbi;
    private final AuditVerifier verifier;

    public AuditRoutes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.verifier = new AuditVerifier(jdbi, clock);
    }

    public void register(Javalin app) {
        app.get("/admin/v1/audit", this::list);
        app.get("/admin/v1/audit/verify", ctx -> {
            PermissionCheck.require(ctx, Permission.READ);
            try {
                ctx.json(verifier.verify());
            } catch (AuditVerifier.TooSoon e) {
                long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
                ctx.header("Retry-After", Long.toString(seconds));
                throw new ApiException(ProblemType.TOO_MANY_REQUESTS, "The audit chain was just verified; each walk is followed by a pause "
                        + "of four times its length (at most 30 s). Ask again in " + seconds + " s.");
            }
        });
    }

    private void list(Context ctx) {
        PermissionCheck.require(ctx, Permission.READ);
        String actor = QueryParams.text(ctx, "actor", 80).orElse(null);
        String target = QueryParams.text(ctx, "target", 80).orElse(null);
        String action = QueryParams.text(ctx, "action", 80).orElse(null);
        Instant from = time(ctx, "from");
        Instant to = time(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalidField("from", "must not be after 'to'");
        }
        int limit = QueryParams.limit(ctx);
        Long before = Cursor.decode(ctx, "audit", 1).map(k -> {
            try {
                return Long.parseLong(k.get(0));
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("cursor", "is not a cursor this list returned; drop it to start from the first page");
            }
        }).orElse(null);
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entries WHERE 1 = 1");
        if (actor != null) sql.append(" AND actor = :actor");
        if (target != null) sql.append(" AND target = :target");
        if (action != null) sql.append(" AND action = :action");
        if (from != null) sql.append(" AND at >= :from");
        if (to != null) sql.append(" AND at < :to");
        if (before != null) sql.append(" AND seq < :before");
        // newest first; with a column fixed, "column, seq DESC" is the same order and the one its index has (H2 only
        // reads an index in order when the ORDER BY starts with the index's columns)
        String fixed = actor != null ? "actor, " : action != null ? "action, " : target != null ? "target, " : "";
        sql.append(" ORDER BY ").append(fixed).append("seq DESC LIMIT :limit");
        List<AuditEntry> rows = jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", limit + 1);
            if (actor != null) q.bind("actor", actor);
            if (target != null) q.bind("target", target);
            if (action != null) q.bind("action", action);
            if (from != null) q.bind("from", from);
            if (to != null) q.bind("to", to);
            if (before != null) q.bind("before", before);
            return q.map((rs, c) -> new AuditEntry(rs.getLong("seq"), rs.getString("id"), CreditStore.instant(rs, "at"),
                    rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("reason"),
                    AuditLog.parse(rs.getString("before_json")), AuditLog.parse(rs.getString("after_json")),
                    rs.getString("prev_hash").trim(), rs.getString("hash").trim())).list();
        });
        String next = rows.size() > limit ? Cursor.encode("audit", Long.toString(rows.get(limit - 1).seq())) : null;
        ctx.json(new Page<>(rows.subList(0, Math.min(limit, rows.size())), next));
    }

    private static Instant time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be an ISO-8601 time with offset, like 2026-11-22T09:30:00Z; got '" + raw + "'");
        }
    }
}
