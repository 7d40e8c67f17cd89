package dev.gatehouse.gateway.plane.limits;

import dev.gatehouse.api.LimitChange;
import dev.gatehouse.gateway.tiers.TierStore;
import dev.gatehouse.policy.Tier;
import dev.gatehouse.policy.TierLimits;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits in force per account, cached so admitting a request reads no database (DESIGN §4 "rate-limit tiers":
 * Free 10 / 100 / 2, Starter 60 / 1,000 / 5, Pro 120 / 10,000 / 20, Enterprise custom per account; ai-visual-studio §4).
 * An account's custom limits (account_limits) win over its tier's. A scheduled limit change counts from its effective
 * instant even before the sweep applies it, so each entry answers until the next scheduled change of its target. Any
 * audited mutation (a tier edit, custom limits, a tier move) {@link #invalidate moves the generation}.
 *
 * <p>Product choice: an Enterprise account whose custom limits were never set gets the Pro tier's limits until they are.
 */
final class LimitsInForce {
    /** Limits and the instant [.., until) they answer for. */
    private record Entry(long generation, Instant loadedAt, Instant until, TierLimits limits) {
        boolean answers(long gen, Instant at) {
            return gen == generation && (until == null || at.isBefore(until));
        }
    }

    private final Jdbi jdbi;
    private final ConcurrentHashMap<String, Entry> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> tiers = new ConcurrentHashMap<>();
    private volatile long generation;

    LimitsInForce(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void invalidate() {
        generation++;
    }

    /** The account's limits in force at {@code at}: its custom limits, else its tier's; empty for an unknown account. */
    Optional<TierLimits> account(String accountId, Instant at) {
        long gen = generation;
        Entry e = accounts.get(accountId);
        if (e == null || !e.answers(gen, at)) {
            e = jdbi.withHandle(h -> loadAccount(h, gen, accountId, at));
            if (e == null) {
                return Optional.empty();
            }
            accounts.put(accountId, e);
        }
        return Optional.of(e.limits());
    }

    /** A tier's limits in force at {@code at} (Enterprise: Pro's, see the class comment). */
    TierLimits tier(Tier tier, Instant at) {
        long gen = generation;
        Entry e = tiers.get(tier.wire());
        if (e == null || !e.answers(gen, at)) {
            e = jdbi.withHandle(h -> loadTier(h, gen, tier, at));
            tiers.put(tier.wire(), e);
        }
        return e.limits();
    }

    private Entry loadAccount(Handle h, long gen, String accountId, Instant at) {
        Optional<TierStore.AccountRow> account = TierStore.account(h, accountId);
        if (account.isEmpty()) {
            return null;
        }
        Optional<TierStore.CustomRow> custom = TierStore.custom(h, accountId, false);
        Optional<LimitChange> pending = TierStore.pending(h, "account", accountId);
        if (custom.isEmpty() && pending.isEmpty()) {
            Tier tier = Tier.fromWire(account.get().tier()).orElse(Tier.FREE);
            Entry t = loadTier(h, gen, tier, at);
            return new Entry(gen, at, t.until(), t.limits());
        }
        TierLimits limits = custom.map(TierStore.CustomRow::limits)
                .orElseGet(() -> loadTier(h, gen, Tier.fromWire(account.get().tier()).orElse(Tier.FREE), at).limits());
        return inForce(gen, limits, pending, at);
    }

    private Entry loadTier(Handle h, long gen, Tier tier, Instant at) {
        Tier source = tier == Tier.ENTERPRISE ? Tier.PRO : tier;
        TierLimits limits = TierStore.tier(h, source.wire(), false).flatMap(TierStore.TierRow::limits)
                .orElseGet(() -> TierLimits.defaults(source).orElseThrow());
        return inForce(gen, limits, TierStore.pending(h, "tier", source.wire()), at);
    }

    /** The current limits, or a scheduled change's once it is due; the entry answers until a change still to come. */
    private static Entry inForce(long gen, TierLimits current, Optional<LimitChange> pending, Instant at) {
        if (pending.isEmpty()) {
            return new Entry(gen, at, null, current);
        }
        LimitChange c = pending.get();
        if (!c.effectiveAt().isAfter(at)) {
            return new Entry(gen, at, null, new TierLimits(c.after().rpm(), c.after().rpd(), c.after().concurrent()));
        }
        return new Entry(gen, at, c.effectiveAt(), current);
    }
}
