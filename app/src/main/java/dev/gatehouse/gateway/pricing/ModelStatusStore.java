package dev.gatehouse.gateway.pricing;

import dev.gatehouse.api.ModelStatusResult;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The model_status_changes table: a model's status change scheduled under notice (disabling a model in use). */
public final class ModelStatusStore {
    private ModelStatusStore() {}

    public static void insert(Handle h, String id, String modelId, String status, Instant effectiveAt, Instant now, String reason,
                              String author, boolean emergency) {
        h.createUpdate("""
                        INSERT INTO model_status_changes (id, model_id, status, state, effective_at, scheduled_at, reason, author, emergency)
                        VALUES (:id, :model, :status, 'scheduled', :effective, :now, :reason, :author, :emergency)""")
                .bind("id", id).bind("model", modelId).bind("status", status).bind("effective", PriceStore.utc(effectiveAt))
                .bind("now", PriceStore.utc(now)).bind("reason", reason).bind("author", author).bind("emergency", emergency)
                .execute();
    }

    /** The model's pending status change, if any. */
    public static Optional<ModelStatusResult.ScheduledStatus> pending(Handle h, String modelId) {
        return h.createQuery("""
                        SELECT id, status, effective_at, scheduled_at, reason, author FROM model_status_changes
                        WHERE model_id = :model AND state = 'scheduled' ORDER BY effective_at, id""")
                .bind("model", modelId)
                .map((rs, c) -> new ModelStatusResult.ScheduledStatus(rs.getString("id"), rs.getString("status"),
                        Timestamps.instant(rs, "effective_at"), Timestamps.instant(rs, "scheduled_at"), rs.getString("reason"),
                        rs.getString("author")))
                .findFirst();
    }

    /** A new PATCH replaces what was pending: the operator's latest intent wins. */
    public static void supersede(Handle h, String modelId) {
        h.createUpdate("UPDATE model_status_changes SET state = 'superseded' WHERE model_id = :model AND state = 'scheduled'")
                .bind("model", modelId).execute();
    }

    /** Pending changes due at {@code now}: (id, model id, status), in order. */
    public record Due(String id, String modelId, String status, Instant effectiveAt) {}

    public static List<Due> due(Handle h, Instant now) {
        return h.createQuery("""
                        SELECT id, model_id, status, effective_at FROM model_status_changes
                        WHERE state = 'scheduled' AND effective_at <= :now ORDER BY effective_at, id""")
                .bind("now", PriceStore.utc(now))
                .map((rs, c) -> new Due(rs.getString("id"), rs.getString("model_id"), rs.getString("status"),
                        Timestamps.instant(rs, "effective_at")))
                .list();
    }

    /** Marks a due change applied if it still is scheduled (locked); false when another process got there first. */
    public static boolean claim(Handle h, String id, Instant now) {
        Optional<String> state = h.createQuery("SELECT state FROM model_status_changes WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne();
        if (!"scheduled".equals(state.orElse(null))) {
            return false;
        }
        h.createUpdate("UPDATE model_status_changes SET state = 'applied', applied_at = :now WHERE id = :id")
                .bind("now", PriceStore.utc(now)).bind("id", id).execute();
        return true;
    }
}
