package dev.gatehouse.gateway.pricing;

import dev.gatehouse.api.PriceChange;
import dev.gatehouse.api.PriceChangeLine;
import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.PriceNotice;
import dev.gatehouse.api.PriceVersion;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The price_changes, price_change_lines, price_versions and price_notices tables. Methods join the caller's handle. */
public final class PriceStore {
    private static final String CHANGE_COLUMNS = """
            c.id, c.model_id, m.name AS model_name, m.provider, c.batch_id, c.state, c.kind, c.markup, c.effective_at,
            c.scheduled_at, c.earliest_allowed, c.reason, c.author, c.emergency, c.applied_at, c.cancelled_at,
            c.cancelled_by, c.cancel_reason,
            (SELECT COUNT(*) FROM price_notices n WHERE n.change_id = c.id) AS notices""";

    private PriceStore() {}

    /** A change to insert: everything but its lines. */
    public record NewChange(String id, String modelId, String batchId, String kind, BigDecimal markup, Instant effectiveAt,
                            Instant scheduledAt, Instant earliestAllowed, String reason, String author, boolean emergency) {}

    public static void insertChange(Handle h, NewChange c, List<PriceChangeLine> lines) {
        h.createUpdate("""
                        INSERT INTO price_changes (id, model_id, batch_id, state, kind, markup, effective_at, scheduled_at,
                            earliest_allowed, reason, author, emergency)
                        VALUES (:id, :model, :batch, 'scheduled', :kind, :markup, :effective, :scheduled, :earliest,
                            :reason, :author, :emergency)""")
                .bind("id", c.id()).bind("model", c.modelId()).bind("batch", c.batchId()).bind("kind", c.kind())
                .bind("markup", c.markup()).bind("effective", utc(c.effectiveAt())).bind("scheduled", utc(c.scheduledAt()))
                .bind("earliest", utc(c.earliestAllowed())).bind("reason", c.reason()).bind("author", c.author())
                .bind("emergency", c.emergency())
                .execute();
        PreparedBatch b = h.prepareBatch("""
                INSERT INTO price_change_lines (change_id, position, unit, variant, old_base, old_api, base, api)
                VALUES (:change, :position, :unit, :variant, :old_base, :old_api, :base, :api)""");
        int position = 0;
        for (PriceChangeLine l : lines) {
            if (l.base() == null) {
                continue; // a removed line is not part of the new card
            }
            b.bind("change", c.id()).bind("position", position++).bind("unit", l.unit()).bind("variant", l.variant())
                    .bind("old_base", l.oldBase()).bind("old_api", l.oldApi()).bind("base", l.base()).bind("api", l.api())
                    .add();
        }
        if (position > 0) {
            b.execute();
        }
    }

    public static Optional<PriceChange> find(Handle h, String id) {
        return withLines(h, h.createQuery("SELECT " + CHANGE_COLUMNS + " FROM price_changes c JOIN models m ON m.id = c.model_id WHERE c.id = :id")
                .bind("id", id).map((rs, ctx) -> change(rs)).list()).stream().findFirst();
    }

    /** The change with its row locked: applying and cancelling one change are serialized. */
    public static Optional<String> lockState(Handle h, String id) {
        return h.createQuery("SELECT state FROM price_changes WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne();
    }

    /** Filters of the change list; null parts are not filtered on. */
    public record Filter(String modelId, String providerSort, String state, String batchId) {}

    /** Newest first, after the change id {@code after}. */
    public static List<PriceChange> list(Handle h, Filter f, String after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(CHANGE_COLUMNS)
                .append(" FROM price_changes c JOIN models m ON m.id = c.model_id WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (f.modelId() != null) {
            sql.append(" AND c.model_id = :model");
            binds.put("model", f.modelId());
        }
        if (f.providerSort() != null) {
            sql.append(" AND m.provider_sort = :provider");
            binds.put("provider", f.providerSort());
        }
        if (f.state() != null) {
            sql.append(" AND c.state = :state");
            binds.put("state", f.state());
        }
        if (f.batchId() != null) {
            sql.append(" AND c.batch_id = :batch");
            binds.put("batch", f.batchId());
        }
        if (after != null) {
            sql.append(" AND c.id < :after");
            binds.put("after", after);
        }
        sql.append(" ORDER BY c.id DESC LIMIT :limit");
        binds.put("limit", limit);
        Query q = h.createQuery(sql.toString());
        binds.forEach(q::bind);
        return withLines(h, q.map((rs, ctx) -> change(rs)).list());
    }

    /** A model's changes still to take effect, in the order they will. */
    public static List<PriceChange> scheduled(Handle h, String modelId) {
        return withLines(h, h.createQuery("SELECT " + CHANGE_COLUMNS + """
                         FROM price_changes c JOIN models m ON m.id = c.model_id
                        WHERE c.model_id = :model AND c.state = 'scheduled' ORDER BY c.effective_at, c.id""")
                .bind("model", modelId).map((rs, ctx) -> change(rs)).list());
    }

    /** Scheduled changes due at {@code now}, in the order they take effect. */
    public static List<String> due(Handle h, Instant now, String modelId) {
        Query q = h.createQuery("SELECT id FROM price_changes WHERE state = 'scheduled' AND effective_at <= :now"
                + (modelId == null ? "" : " AND model_id = :model") + " ORDER BY effective_at, id");
        q.bind("now", utc(now));
        if (modelId != null) {
            q.bind("model", modelId);
        }
        return q.mapTo(String.class).list();
    }

    public static void markApplied(Handle h, String id, Instant now) {
        h.createUpdate("UPDATE price_changes SET state = 'applied', applied_at = :now WHERE id = :id")
                .bind("now", utc(now)).bind("id", id).execute();
    }

    public static void markCancelled(Handle h, String id, String by, String reason, Instant now) {
        h.createUpdate("UPDATE price_changes SET state = 'cancelled', cancelled_at = :now, cancelled_by = :by, cancel_reason = :reason WHERE id = :id")
                .bind("now", utc(now)).bind("by", by).bind("reason", reason).bind("id", id).execute();
    }

    // ---------------------------------------------------------------- history

    public static boolean hasVersions(Handle h, String modelId) {
        return h.createQuery("SELECT 1 FROM price_versions WHERE model_id = :m LIMIT 1").bind("m", modelId)
                .mapTo(Integer.class).findOne().isPresent();
    }

    /** Ends the version in force (valid_to null) at {@code at}. */
    public static void closeOpen(Handle h, String modelId, Instant at) {
        h.createUpdate("UPDATE price_versions SET valid_to = :at WHERE model_id = :m AND valid_to IS NULL")
                .bind("at", utc(at)).bind("m", modelId).execute();
    }

    public static void insertVersion(Handle h, String id, String modelId, Instant validFrom, Instant validTo, BigDecimal markup,
                                     String changeId, boolean emergency, List<PriceLine> lines) {
        h.createUpdate("""
                        INSERT INTO price_versions (id, model_id, valid_from, valid_to, markup, change_id, emergency)
                        VALUES (:id, :m, :from, :to, :markup, :change, :emergency)""")
                .bind("id", id).bind("m", modelId).bindByType("from", utc(validFrom), OffsetDateTime.class).bindByType("to", utc(validTo), OffsetDateTime.class)
                .bind("markup", markup).bind("change", changeId).bind("emergency", emergency).execute();
        PreparedBatch b = h.prepareBatch("""
                INSERT INTO price_version_lines (version_id, position, unit, variant, base, api)
                VALUES (:v, :position, :unit, :variant, :base, :api)""");
        int position = 0;
        for (PriceLine l : lines) {
            b.bind("v", id).bind("position", position++).bind("unit", l.unit()).bind("variant", l.variant())
                    .bind("base", l.base()).bind("api", l.api()).add();
        }
        if (position > 0) {
            b.execute();
        }
    }

    /** A model's versions, newest first. */
    public static List<PriceVersion> versions(Handle h, String modelId) {
        return withVersionLines(h, h.createQuery("""
                        SELECT id, valid_from, valid_to, markup, change_id, emergency FROM price_versions
                        WHERE model_id = :m ORDER BY valid_to DESC NULLS FIRST, id DESC""")
                .bind("m", modelId).map((rs, c) -> version(rs)).list());
    }

    /** The version in force at {@code at}, if the model has a history. */
    public static Optional<PriceVersion> versionAt(Handle h, String modelId, Instant at) {
        return withVersionLines(h, h.createQuery("""
                        SELECT id, valid_from, valid_to, markup, change_id, emergency FROM price_versions
                        WHERE model_id = :m AND (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)""")
                .bind("m", modelId).bind("at", utc(at)).map((rs, c) -> version(rs)).list()).stream().findFirst();
    }

    // ---------------------------------------------------------------- notices

    public record NewNotice(String id, String changeId, String accountId, String modelId, Instant createdAt, Instant effectiveAt,
                            String summary, String reason, boolean emergency) {}

    public static void insertNotices(Handle h, List<NewNotice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        PreparedBatch b = h.prepareBatch("""
                INSERT INTO price_notices (id, change_id, account_id, model_id, created_at, effective_at, summary, reason, emergency)
                VALUES (:id, :change, :account, :model, :created, :effective, :summary, :reason, :emergency)""");
        for (NewNotice n : notices) {
            b.bind("id", n.id()).bind("change", n.changeId()).bind("account", n.accountId()).bind("model", n.modelId())
                    .bind("created", utc(n.createdAt())).bind("effective", utc(n.effectiveAt())).bind("summary", n.summary())
                    .bind("reason", n.reason()).bind("emergency", n.emergency()).add();
        }
        b.execute();
    }

    public record NoticeFilter(String changeId, String accountId, String modelId) {}

    /** Newest first, after the notice id {@code after}. */
    public static List<PriceNotice> notices(Handle h, NoticeFilter f, String after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT n.id, n.change_id, n.account_id, a.name AS account_name, n.model_id, m.name AS model_name,
                    n.created_at, n.effective_at, n.summary, n.reason, n.emergency
                FROM price_notices n JOIN accounts a ON a.id = n.account_id JOIN models m ON m.id = n.model_id WHERE 1 = 1""");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (f.changeId() != null) {
            sql.append(" AND n.change_id = :change");
            binds.put("change", f.changeId());
        }
        if (f.accountId() != null) {
            sql.append(" AND n.account_id = :account");
            binds.put("account", f.accountId());
        }
        if (f.modelId() != null) {
            sql.append(" AND n.model_id = :model");
            binds.put("model", f.modelId());
        }
        if (after != null) {
            sql.append(" AND n.id < :after");
            binds.put("after", after);
        }
        sql.append(" ORDER BY n.id DESC LIMIT :limit");
        binds.put("limit", limit);
        Query q = h.createQuery(sql.toString());
        binds.forEach(q::bind);
        return q.map((rs, c) -> new PriceNotice(rs.getString("id"), rs.getString("change_id"), rs.getString("account_id"),
                rs.getString("account_name"), rs.getString("model_id"), rs.getString("model_name"),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "effective_at"), rs.getString("summary"),
                rs.getString("reason"), rs.getBoolean("emergency"))).list();
    }

    /** Account names by id, for the impact preview's largest changes. */
    public static Map<String, String> accountNames(Handle h, List<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        h.createQuery("SELECT id, name FROM accounts WHERE id IN (<ids>)").bindList("ids", ids)
                .map((rs, c) -> names.put(rs.getString("id"), rs.getString("name"))).list();
        return names;
    }

    // ---------------------------------------------------------------- rows

    private static PriceChange change(ResultSet rs) throws SQLException {
        Instant effective = Timestamps.instant(rs, "effective_at");
        Instant earliest = Timestamps.instant(rs, "earliest_allowed");
        return new PriceChange(rs.getString("id"), rs.getString("model_id"), rs.getString("model_name"), rs.getString("provider"),
                rs.getString("batch_id"), rs.getString("state"), rs.getString("kind"), rs.getBigDecimal("markup"),
                effective, Timestamps.instant(rs, "scheduled_at"), earliest, !effective.isBefore(earliest),
                rs.getBoolean("emergency"), rs.getString("reason"), rs.getString("author"), Timestamps.instant(rs, "applied_at"),
                Timestamps.instant(rs, "cancelled_at"), rs.getString("cancelled_by"), rs.getString("cancel_reason"),
                rs.getInt("notices"), List.of());
    }

    private static List<PriceChange> withLines(Handle h, List<PriceChange> changes) {
        if (changes.isEmpty()) {
            return changes;
        }
        Map<String, List<PriceChangeLine>> lines = new LinkedHashMap<>();
        changes.forEach(c -> lines.put(c.id(), new ArrayList<>()));
        h.createQuery("""
                        SELECT change_id, unit, variant, old_base, old_api, base, api FROM price_change_lines
                        WHERE change_id IN (<ids>) ORDER BY change_id, position""")
                .bindList("ids", List.copyOf(lines.keySet()))
                .map((rs, c) -> {
                    BigDecimal oldApi = rs.getBigDecimal("old_api");
                    BigDecimal api = rs.getBigDecimal("api");
                    lines.get(rs.getString("change_id")).add(PriceChanges.line(rs.getString("unit"), rs.getString("variant"),
                            rs.getBigDecimal("old_base"), oldApi, rs.getBigDecimal("base"), api));
                    return Boolean.TRUE;
                }).list();
        return changes.stream().map(c -> new PriceChange(c.id(), c.modelId(), c.modelName(), c.provider(), c.batchId(), c.state(),
                c.kind(), c.markup(), c.effectiveAt(), c.scheduledAt(), c.earliestAllowed(), c.noticeSatisfied(), c.emergency(),
                c.reason(), c.author(), c.appliedAt(), c.cancelledAt(), c.cancelledBy(), c.cancelReason(), c.notices(),
                lines.get(c.id()))).toList();
    }

    private static PriceVersion version(ResultSet rs) throws SQLException {
        return new PriceVersion(rs.getString("id"), Timestamps.instant(rs, "valid_from"), Timestamps.instant(rs, "valid_to"),
                rs.getBigDecimal("markup"), rs.getString("change_id"), rs.getBoolean("emergency"), List.of());
    }

    private static List<PriceVersion> withVersionLines(Handle h, List<PriceVersion> versions) {
        if (versions.isEmpty()) {
            return versions;
        }
        Map<String, List<PriceLine>> lines = new LinkedHashMap<>();
        versions.forEach(v -> lines.put(v.id(), new ArrayList<>()));
        h.createQuery("SELECT version_id, unit, variant, base, api FROM price_version_lines WHERE version_id IN (<ids>) ORDER BY version_id, position")
                .bindList("ids", List.copyOf(lines.keySet()))
                .map((rs, c) -> lines.get(rs.getString("version_id")).add(new PriceLine(rs.getString("unit"), rs.getString("variant"),
                        rs.getBigDecimal("base"), rs.getBigDecimal("api"))))
                .list();
        return versions.stream().map(v -> new PriceVersion(v.id(), v.validFrom(), v.validTo(), v.markup(), v.changeId(),
                v.emergency(), lines.get(v.id()))).toList();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
