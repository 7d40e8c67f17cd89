package dev.gatehouse.gateway.plane.metering;

import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.VolumeDiscounts;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What each account was charged so far in the UTC billing month, the figure its volume discount steps on (apimart §6),
 * kept in memory so a request is discounted without the database. The figure is loaded once per account and month from
 * usage_records (which hold discounted costs, so it is what the account actually paid) and advanced by every charge this
 * node makes. After a flush the meter re-reads it, at most every {@link #REFRESH}, for accounts this node is serving and
 * that have a step still ahead of them, so other nodes' charges come in too.
 *
 * <p><b>Cross-node tolerance.</b> A node sees another node's charges only once they are flushed (≤ 1 s) and it has
 * refreshed (≤ {@link #REFRESH} after its next flush): a step boundary may be crossed a few requests late on the other
 * node, never early. On one node it is exact: the request after the one that crossed the boundary gets the new rate.
 *
 * <p>Consistency with the write-behind: {@code unflushed} is this node's charges of the month not yet in a committed
 * flush; a load or refresh (under the meter's flush lock, so no flush commits meanwhile) sets the figure to the
 * database's sum plus {@code unflushed}, which counts nothing twice and misses nothing of this node's.
 */
final class MonthSpends {
    static final Duration REFRESH = Duration.ofSeconds(1);

    private static final class Spend {
        Instant month; // [month, next): the UTC month the figure is for; null before the first charge
        Instant next;
        BigDecimal spent = Money.zero();
        BigDecimal unflushed = Money.zero();
        boolean loaded;
        long refreshedNanos;

        /** Starts the figure for the month of {@code at} if that is later than the one held; false if {@code at} is earlier. */
        boolean roll(Instant at) {
            if (month != null && !at.isBefore(month) && at.isBefore(next)) {
                return true;
            }
            if (month != null && at.isBefore(month)) {
                return false;
            }
            month = VolumeDiscounts.monthStart(at);
            next = month.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
            spent = Money.zero();
            unflushed = Money.zero();
            loaded = false;
            return true;
        }
    }

    /** Charges one flush wrote for an account in one month. */
    record Written(String accountId, Instant month, BigDecimal amount) {}

    private final Jdbi jdbi;
    private final ReentrantLock flushing;
    private final Map<String, Spend> spends = new ConcurrentHashMap<>();

    /** {@code flushing}: the meter's flush lock, held by every flush from reading its batch to its commit. */
    MonthSpends(Jdbi jdbi, ReentrantLock flushing) {
        this.jdbi = jdbi;
        this.flushing = flushing;
    }

    /** What the account was charged this month before a charge at {@code at}; the database only on its first use. */
    BigDecimal before(String accountId, Instant at) {
        Spend s = spends.computeIfAbsent(accountId, k -> new Spend());
        Instant month;
        synchronized (s) {
            if (s.roll(at) && s.loaded) {
                return s.spent;
            }
            month = s.month;
        }
        if (at.isBefore(month)) { // an instant of an earlier month (a video settled after the month turned): rare
            return jdbi.withHandle(h -> UsageStore.cost(h, accountId, VolumeDiscounts.monthStart(at), at));
        }
        Instant next = month.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        flushing.lock(); // no flush commits between the read and adding what is still unflushed
        try {
            BigDecimal stored = jdbi.withHandle(h -> UsageStore.cost(h, accountId, month, next));
            synchronized (s) {
                if (month.equals(s.month) && !s.loaded) {
                    s.spent = stored.add(s.unflushed);
                    s.loaded = true;
                    s.refreshedNanos = System.nanoTime();
                }
                return month.equals(s.month) ? s.spent : stored;
            }
        } finally {
            flushing.unlock();
        }
    }

    /** A charge this node made at {@code at} (its usage rows are now waiting for a flush). */
    void charged(String accountId, Instant at, BigDecimal amount) {
        Spend s = spends.computeIfAbsent(accountId, k -> new Spend());
        synchronized (s) {
            if (s.roll(at)) {
                s.spent = s.spent.add(amount);
                s.unflushed = s.unflushed.add(amount);
            }
        }
    }

    /**
     * After a flush committed {@code written} (the caller holds the flush lock): those charges are no longer unflushed,
     * and the figures of accounts just served that may still cross a step of {@code schedule} are read again.
     */
    void flushed(List<Written> written, VolumeDiscounts schedule) {
        BigDecimal lastStep = schedule.steps().isEmpty() ? null : schedule.steps().get(schedule.steps().size() - 1).monthlySpendFrom();
        long now = System.nanoTime();
        Map<Instant, List<String>> due = new HashMap<>();
        for (Written w : written) {
            Spend s = spends.get(w.accountId());
            if (s == null) {
                continue;
            }
            synchronized (s) {
                if (!w.month().equals(s.month)) {
                    continue;
                }
                s.unflushed = s.unflushed.subtract(w.amount());
                if (s.loaded && lastStep != null && s.spent.compareTo(lastStep) < 0 && now - s.refreshedNanos >= REFRESH.toNanos()) {
                    s.refreshedNanos = now;
                    due.computeIfAbsent(s.month, k -> new ArrayList<>()).add(w.accountId());
                }
            }
        }
        due.forEach((month, accounts) -> {
            Instant next = month.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
            Map<String, BigDecimal> stored = jdbi.withHandle(h -> MeteredRowsStore.costs(h, accounts, month, next));
            for (String a : accounts) {
                Spend s = spends.get(a);
                synchronized (s) {
                    if (month.equals(s.month) && s.loaded) {
                        s.spent = stored.getOrDefault(a, Money.zero()).add(s.unflushed);
                    }
                }
            }
        });
    }

    /** The figure held for the account, null when none is loaded (tests). */
    BigDecimal held(String accountId) {
        Spend s = spends.get(accountId);
        if (s == null) {
            return null;
        }
        synchronized (s) {
            return s.loaded ? s.spent : null;
        }
    }
}
