package dev.gatehouse.gateway.pricing;

import dev.gatehouse.api.VolumeDiscountChange;
import dev.gatehouse.api.VolumeDiscountStep;
import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.VolumeDiscounts;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

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

/**
 * The volume_discount_changes, volume_discount_steps and volume_discount_head tables (issue 11; apimart §6). Methods join
 * the caller's handle. The schedule in force at an instant is the applied or due change with the latest effective_at up
 * to it; none: {@link VolumeDiscounts#NONE}.
 */
public final class VolumeDiscountStore {
    private VolumeDiscountStore() {}

    private static final String COLUMNS = "id, state, kind, effective_at, scheduled_at, earliest_allowed, reason, author, emergency, applied_at";

    /** The schedule's version, its editor and when; {@code lock} holds the row for an edit. */
    public record Head(long version, Instant updatedAt, String updatedBy) {}

    public static Head head(Handle h, boolean lock) {
        return h.createQuery("SELECT version, updated_at, updated_by FROM volume_discount_head WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
                .map((rs, c) -> new Head(rs.getLong("version"), Timestamps.instant(rs, "updated_at"), rs.getString("updated_by")))
                .one();
    }

    public static void touch(Handle h, String by, Instant now) {
        h.createUpdate("UPDATE volume_discount_head SET version = version + 1, updated_at = :now, updated_by = :by WHERE id = 1")
                .bind("now", utc(now)).bind("by", by).execute();
    }

    /** The change whose schedule is in force at {@code at}, if any ever took effect by then. */
    public static Optional<VolumeDiscountChange> inForceChange(Handle h, Instant at) {
        Optional<VolumeDiscountChange> c = h.createQuery("SELECT " + COLUMNS + " FROM volume_discount_changes"
                        + " WHERE state IN ('applied', 'scheduled') AND effective_at <= :at ORDER BY effective_at DESC, id DESC LIMIT 1")
                .bind("at", utc(at)).map((rs, ctx) -> change(rs, List.of())).findFirst();
        return c.map(x -> withSteps(h, List.of(x)).get(0));
    }

    /** The schedule in force at {@code at} (the data plane bills a request at the one in force when it was made). */
    public static VolumeDiscounts inForce(Handle h, Instant at) {
        return inForceChange(h, at).map(c -> schedule(c.steps())).orElse(VolumeDiscounts.NONE);
    }

    /** What {@code accountId} was charged this billing month before {@code at} (usage records, UTC month). */
    public static BigDecimal spentThisMonth(Handle h, String accountId, Instant at) {
        return UsageStore.cost(h, accountId, VolumeDiscounts.monthStart(at), at);
    }

    public static VolumeDiscounts schedule(List<VolumeDiscountStep> steps) {
        return new VolumeDiscounts(steps.stream().map(s -> new VolumeDiscounts.Step(s.monthlySpendFrom(), s.percentOff())).toList());
    }

    /** The pending change (scheduled, not yet due at {@code now}), if any. */
    public static Optional<VolumeDiscountChange> pending(Handle h, Instant now) {
        List<VolumeDiscountChange> c = h.createQuery("SELECT " + COLUMNS + " FROM volume_discount_changes"
                        + " WHERE state = 'scheduled' AND effective_at > :now ORDER BY effective_at, id LIMIT 1")
                .bind("now", utc(now)).map((rs, ctx) -> change(rs, List.of())).list();
        return withSteps(h, c).stream().findFirst();
    }

    /** Every change, newest first, at most {@code limit}. */
    public static List<VolumeDiscountChange> history(Handle h, int limit) {
        return withSteps(h, h.createQuery("SELECT " + COLUMNS + " FROM volume_discount_changes ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> change(rs, List.of())).list());
    }

    public static List<VolumeDiscountChange> due(Handle h, Instant now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM volume_discount_changes WHERE state = 'scheduled' AND effective_at <= :now"
                        + " ORDER BY effective_at, id")
                .bind("now", utc(now)).map((rs, ctx) -> change(rs, List.of())).list();
    }

    /** Marks a due change applied if it still is scheduled (locked); false when another process got there first. */
    public static boolean claim(Handle h, String id, Instant now) {
        Optional<String> state = h.createQuery("SELECT state FROM volume_discount_changes WHERE id = :id FOR UPDATE").bind("id", id)
                .mapTo(String.class).findOne();
        if (!"scheduled".equals(state.orElse(null))) {
            return false;
        }
        h.createUpdate("UPDATE volume_discount_changes SET state = 'applied', applied_at = :now WHERE id = :id")
                .bind("now", utc(now)).bind("id", id).execute();
        return true;
    }

    /** A scheduled change not yet due is replaced by a newer edit: the operator's latest intent is what will happen. */
    public static void supersede(Handle h, Instant now) {
        h.createUpdate("UPDATE volume_discount_changes SET state = 'superseded' WHERE state = 'scheduled' AND effective_at > :now")
                .bind("now", utc(now)).execute();
    }

    public static void insert(Handle h, VolumeDiscountChange c) {
        h.createUpdate("""
                        INSERT INTO volume_discount_changes (id, state, kind, effective_at, scheduled_at, earliest_allowed, reason, author,
                            emergency, applied_at)
                        VALUES (:id, :state, :kind, :effective, :scheduled, :earliest, :reason, :author, :emergency, :applied)""")
                .bind("id", c.id()).bind("state", c.state()).bind("kind", c.kind()).bind("effective", utc(c.effectiveAt()))
                .bind("scheduled", utc(c.scheduledAt())).bind("earliest", utc(c.earliestAllowed())).bind("reason", c.reason())
                .bind("author", c.author()).bind("emergency", c.emergency())
                .bindByType("applied", utc(c.appliedAt()), OffsetDateTime.class)
                .execute();
        if (!c.steps().isEmpty()) {
            PreparedBatch batch = h.prepareBatch("INSERT INTO volume_discount_steps (change_id, position, monthly_spend_from, percent_off)"
                    + " VALUES (:id, :position, :from, :off)");
            for (int i = 0; i < c.steps().size(); i++) {
                batch.bind("id", c.id()).bind("position", i).bind("from", c.steps().get(i).monthlySpendFrom())
                        .bind("off", c.steps().get(i).percentOff()).add();
            }
            batch.execute();
        }
    }

    private static List<VolumeDiscountChange> withSteps(Handle h, List<VolumeDiscountChange> changes) {
        if (changes.isEmpty()) {
            return changes;
        }
        Map<String, List<VolumeDiscountStep>> steps = new LinkedHashMap<>();
        changes.forEach(c -> steps.put(c.id(), new ArrayList<>()));
        h.createQuery("SELECT change_id, monthly_spend_from, percent_off FROM volume_discount_steps WHERE change_id IN (<ids>)"
                        + " ORDER BY change_id, position")
                .bindList("ids", List.copyOf(steps.keySet()))
                .map((rs, ctx) -> steps.get(rs.getString("change_id")).add(new VolumeDiscountStep(
                        rs.getBigDecimal("monthly_spend_from"), rs.getBigDecimal("percent_off"))))
                .list();
        return changes.stream().map(c -> new VolumeDiscountChange(c.id(), c.state(), c.kind(), List.copyOf(steps.get(c.id())),
                c.effectiveAt(), c.scheduledAt(), c.earliestAllowed(), c.emergency(), c.reason(), c.author(), c.appliedAt())).toList();
    }

    private static VolumeDiscountChange change(ResultSet rs, List<VolumeDiscountStep> steps) throws SQLException {
        return new VolumeDiscountChange(rs.getString("id"), rs.getString("state"), rs.getString("kind"), steps,
                Timestamps.instant(rs, "effective_at"), Timestamps.instant(rs, "scheduled_at"), Timestamps.instant(rs, "earliest_allowed"),
                rs.getBoolean("emergency"), rs.getString("reason"), rs.getString("author"), Timestamps.instant(rs, "applied_at"));
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
