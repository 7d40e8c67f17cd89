package dev.gatehouse.gateway.plane.metering;

import dev.gatehouse.api.VolumeDiscountChange;
import dev.gatehouse.gateway.pricing.VolumeDiscountStore;
import dev.gatehouse.policy.VolumeDiscounts;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;

/**
 * The volume-discount schedule in force (issue 11; apimart §6), cached the way {@link PriceCards} caches cards: the
 * entry answers for the instants [from, until) between the change in force and the next scheduled one, so a change
 * scheduled for a future instant bills from that instant without waiting for the sweep. An ops edit moves the audit
 * head, which the meter's flush sees within one flush interval ({@link #invalidate}).
 */
final class DiscountSchedules {
    /** A schedule and the instants [from, until) it answers for; until null: nothing scheduled after it. */
    private record Entry(long generation, Instant from, Instant until, VolumeDiscounts schedule) {
        boolean answers(long gen, Instant at) {
            return gen == generation && !at.isBefore(from) && (until == null || at.isBefore(until));
        }
    }

    private final Jdbi jdbi;
    private volatile Entry entry;
    private volatile long generation;

    DiscountSchedules(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Forgets the schedule (an audited mutation happened; it may have been a discount edit). */
    void invalidate() {
        generation++;
    }

    /** The schedule in force at {@code at}; {@link VolumeDiscounts#NONE} when ops never set one. */
    VolumeDiscounts at(Instant at) {
        long gen = generation;
        Entry e = entry;
        if (e != null && e.answers(gen, at)) {
            return e.schedule();
        }
        Entry loaded = jdbi.withHandle(h -> {
            var inForce = VolumeDiscountStore.inForceChange(h, at);
            Instant from = inForce.map(VolumeDiscountChange::effectiveAt).orElse(Instant.MIN);
            Instant until = VolumeDiscountStore.pending(h, at).map(VolumeDiscountChange::effectiveAt).orElse(null);
            VolumeDiscounts schedule = inForce.map(c -> VolumeDiscountStore.schedule(c.steps())).orElse(VolumeDiscounts.NONE);
            return new Entry(gen, from, until, schedule);
        });
        entry = loaded;
        return loaded.schedule();
    }
}
