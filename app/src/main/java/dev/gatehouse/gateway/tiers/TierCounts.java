package dev.gatehouse.gateway.tiers;

import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How many accounts and keys each tier holds, counted at most {@link #MAX_AGE} ago. Counting joins every account with
 * its keys (seconds at a million keys), which a list the Rate limits screen opens on cannot pay per request; a count a
 * minute old is as good for "who is held to these limits".
 */
final class TierCounts {
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Map<String, TierStore.Counts> counts;
    private volatile Instant countedAt;

    TierCounts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The last count, counting now when there is none or it is older than {@link #MAX_AGE}. */
    Map<String, TierStore.Counts> get() {
        Instant at = countedAt;
        if (counts == null || at == null || at.plus(MAX_AGE).isBefore(clock.instant())) {
            refresh();
        }
        return counts;
    }

    /** Counts again (the sweep keeps the count fresh so that a request seldom pays for it). */
    synchronized void refresh() {
        Instant now = clock.instant();
        if (countedAt != null && !countedAt.plus(MAX_AGE.dividedBy(2)).isBefore(now) && counts != null) {
            return; // another caller just counted
        }
        counts = jdbi.withHandle(TierStore::counts);
        countedAt = now;
    }
}
