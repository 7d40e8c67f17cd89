package dev.gatehouse.gateway.plane.keys;

import dev.gatehouse.gateway.plane.PlaneModel;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the data plane reads to authenticate and route a request: a key by its secret's hash (with its account), the
 * servable catalog, and the audit entries since a sequence number (to know which cached entries an admin change made
 * stale). Reads only; the plane never writes keys or models.
 */
public final class PlaneKeyStore {
    private PlaneKeyStore() {}

    /** A key as the plane needs it: its own state and its account's. */
    public record KeyRow(String keyId, String accountId, String mode, String status, Instant expiresAt,
                         String accountStatus, Instant accountSuspendedUntil, String tier) {}

    /** An audit entry's sequence number, action and target: enough to drop what it changed. */
    public record Change(long seq, String action, String target) {}

    public static Optional<KeyRow> keyByHash(Handle h, String hash) {
        return h.createQuery("SELECT k.id, k.account_id, k.mode, k.status, k.expires_at, a.status AS account_status,"
                        + " a.suspended_until, a.tier FROM api_keys k JOIN accounts a ON a.id = k.account_id"
                        + " WHERE k.secret_hash = :hash")
                .bind("hash", hash)
                .map((rs, c) -> new KeyRow(rs.getString("id"), rs.getString("account_id"), rs.getString("mode"),
                        rs.getString("status"), Timestamps.instant(rs, "expires_at"), rs.getString("account_status"),
                        Timestamps.instant(rs, "suspended_until"), rs.getString("tier")))
                .findFirst();
    }

    /** Every chat, image and video model that is not disabled, with its current price card. */
    public static List<PlaneModel> servableModels(Handle h) {
        Map<String, List<PlaneModel.Line>> lines = new HashMap<>();
        h.createQuery("SELECT l.model_id, l.unit, l.variant, l.api FROM model_price_lines l JOIN models m ON m.id = l.model_id"
                        + " WHERE m.status <> 'disabled' AND m.modality IN ('chat', 'image', 'video') ORDER BY l.model_id, l.position")
                .map((rs, c) -> {
                    lines.computeIfAbsent(rs.getString("model_id"), k -> new ArrayList<>())
                            .add(new PlaneModel.Line(rs.getString("unit"), rs.getString("variant"), rs.getBigDecimal("api")));
                    return null;
                })
                .list();
        Map<String, PlaneModel> models = new LinkedHashMap<>();
        h.createQuery("SELECT id, slug, provider, modality, status, released, resolutions FROM models"
                        + " WHERE status <> 'disabled' AND modality IN ('chat', 'image', 'video') ORDER BY slug")
                .map((rs, c) -> {
                    String res = rs.getString("resolutions");
                    Instant released = rs.getObject("released", LocalDate.class).atStartOfDay(ZoneOffset.UTC).toInstant();
                    return new PlaneModel(rs.getString("id"), rs.getString("slug"), rs.getString("provider"), rs.getString("modality"),
                            rs.getString("status"), released, res == null || res.isBlank() ? List.of() : List.of(res.split(",")),
                            List.copyOf(lines.getOrDefault(rs.getString("id"), List.of())));
                })
                .forEach(m -> models.put(m.slug(), m));
        return List.copyOf(models.values());
    }

    /**
     * Sets last_used_at of each key to its instant unless a later one is there (another gateway's), in id order so two
     * gateways' batches never deadlock. No version bump: it is not an edit, and an operator's If-Match stays valid.
     */
    public static void touch(Handle h, Map<String, Instant> lastUsed) {
        var batch = h.prepareBatch("UPDATE api_keys SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)");
        new java.util.TreeMap<>(lastUsed).forEach((id, at) -> batch.bind("id", id).bind("at", at.atOffset(ZoneOffset.UTC)).add());
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** The chain head's sequence number: it moves on every audited mutation (DESIGN §3). */
    public static long auditHead(Handle h) {
        return h.createQuery("SELECT seq FROM audit_head WHERE id = 1").mapTo(Long.class).one();
    }

    /** Audit entries after {@code seq}, oldest first, at most {@code limit}. */
    public static List<Change> changesAfter(Handle h, long seq, int limit) {
        return h.createQuery("SELECT seq, action, target FROM audit_entries WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq).bind("limit", limit)
                .map((rs, c) -> new Change(rs.getLong("seq"), rs.getString("action"), rs.getString("target")))
                .list();
    }
}
