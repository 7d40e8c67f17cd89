package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads and writes of video_tasks (V15; node_id and settling_since V20). */
public final class VideoStore {
    private VideoStore() {}

    public record Task(String id, String accountId, String keyId, String keyMode, String tier, String modelId, String modelSlug,
                       String size, int seconds, String promptExcerpt, String status, String reservationId, BigDecimal reserved,
                       Instant createdAt, Instant startsAt, Instant completesAt, Instant finishedAt, String failure,
                       String nodeId) {}

    public static void insert(Handle h, Task t) {
        h.createUpdate("INSERT INTO video_tasks (id, account_id, key_id, key_mode, tier, model_id, model_slug, size, seconds,"
                        + " prompt_excerpt, status, reservation_id, reserved, created_at, starts_at, completes_at, node_id)"
                        + " VALUES (:id, :acct, :key, :mode, :tier, :model, :slug, :size, :seconds, :prompt, :status, :res,"
                        + " :reserved, :created, :starts, :completes, :node)")
                .bind("id", t.id()).bind("acct", t.accountId()).bind("key", t.keyId()).bind("mode", t.keyMode())
                .bind("tier", t.tier()).bind("model", t.modelId()).bind("slug", t.modelSlug()).bind("size", t.size())
                .bind("seconds", t.seconds()).bind("prompt", t.promptExcerpt()).bind("status", t.status())
                .bind("res", t.reservationId()).bind("reserved", t.reserved())
                .bind("created", t.createdAt().atOffset(ZoneOffset.UTC)).bind("starts", t.startsAt().atOffset(ZoneOffset.UTC))
                .bind("completes", t.completesAt().atOffset(ZoneOffset.UTC)).bind("node", t.nodeId())
                .execute();
    }

    public static Optional<Task> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM video_tasks WHERE id = :id").bind("id", id).map((rs, c) -> task(rs)).findFirst();
    }

    /** Unfinished tasks whose time is up, and tasks left settling since before {@code stuckBefore}; oldest first. */
    public static List<String> due(Handle h, Instant now, Instant stuckBefore, int limit) {
        return h.createQuery("SELECT id FROM video_tasks WHERE (status IN ('queued', 'in_progress') AND completes_at <= :now)"
                        + " OR (status = 'settling' AND settling_since < :stuck) ORDER BY completes_at LIMIT :limit")
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("stuck", stuckBefore.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .mapTo(String.class).list();
    }

    /**
     * Claims a due task for settling at {@code now}: one still unfinished, or one left settling since before
     * {@code stuckBefore} (its settler crashed); false when another gateway claimed it first.
     */
    public static boolean claim(Handle h, String id, Instant now, Instant stuckBefore) {
        return h.createUpdate("UPDATE video_tasks SET status = 'settling', settling_since = :now WHERE id = :id"
                        + " AND (status IN ('queued', 'in_progress') OR (status = 'settling' AND settling_since < :stuck))")
                .bind("now", now.atOffset(ZoneOffset.UTC)).bind("stuck", stuckBefore.atOffset(ZoneOffset.UTC)).bind("id", id)
                .execute() == 1;
    }

    /** Whether the node's heartbeat (plane_nodes, V16) is newer than {@code aliveAfter}. */
    public static boolean nodeAlive(Handle h, String nodeId, Instant aliveAfter) {
        return h.createQuery("SELECT COUNT(*) FROM plane_nodes WHERE node_id = :node AND seen_at > :after")
                .bind("node", nodeId).bind("after", aliveAfter.atOffset(ZoneOffset.UTC)).mapTo(Integer.class).one() > 0;
    }

    /** Whether the request log already holds the row of this id (a settlement that was written before a crash). */
    public static boolean logged(Handle h, String requestId) {
        return h.createQuery("SELECT COUNT(*) FROM request_log WHERE id = :id").bind("id", requestId).mapTo(Integer.class).one() > 0;
    }

    /** Moves a task from one of {@code from} to {@code to}; false when another gateway moved it first. */
    public static boolean move(Handle h, String id, List<String> from, String to, Instant finishedAt, String failure) {
        return h.createUpdate("UPDATE video_tasks SET status = :to, finished_at = :finished, failure = :failure"
                        + " WHERE id = :id AND status IN (<from>)")
                .bind("to", to).bind("finished", finishedAt == null ? null : finishedAt.atOffset(ZoneOffset.UTC))
                .bind("failure", failure).bind("id", id).bindList("from", from)
                .execute() == 1;
    }

    private static Task task(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Task(rs.getString("id"), rs.getString("account_id"), rs.getString("key_id"), rs.getString("key_mode"),
                rs.getString("tier"), rs.getString("model_id"), rs.getString("model_slug"), rs.getString("size"),
                rs.getInt("seconds"), rs.getString("prompt_excerpt"), rs.getString("status"), rs.getString("reservation_id"),
                rs.getBigDecimal("reserved"), Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "starts_at"),
                Timestamps.instant(rs, "completes_at"), Timestamps.instant(rs, "finished_at"), rs.getString("failure"),
                rs.getString("node_id"));
    }
}
