package dev.gatehouse.gateway.plane.limits;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.plane.Caller;
import dev.gatehouse.gateway.plane.PlaneRefusal;
import dev.gatehouse.gateway.plane.RateLimits;
import dev.gatehouse.gateway.pricing.MovableClock;
import dev.gatehouse.gateway.tiers.TierStore;
import dev.gatehouse.policy.TierLimits;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one PostgreSQL (each its own pool and limiter): a window never admits more than its limit
 * together, and with both nodes busy to the end of the race they admit exactly the limit (the stated tolerance: unused
 * grants only on an idle node).
 */
class TierRateLimitsTeamTest {
    @Test
    void twoNodesTogetherAdmitExactlyTheLimitPerWindowAndNeverMore() throws Exception {
        String url = PostgresDatabase.freshUrl();
        try (Database one = Database.open(url, "postgres", null); Database two = Database.open(url, "postgres", null)) {
            var acct = TestAccounts.create(one, "Team Limits", "enterprise", "active", 2);
            // one minute, read off a fixed instant so the race cannot straddle two windows
            Instant at = Instant.parse("2026-10-01T12:00:30Z");
            // the nodes' clock agrees with the requests' instants, as it does when the plane reads it
            MovableClock clock = new MovableClock(at);
            one.jdbi().useTransaction(h -> TierStore.setCustom(h, acct.accountId(), new TierLimits(97, 10_000, 40), "op_ops", clock.instant()));
            Caller key = new Caller(acct.keyIds().get(0), acct.accountId(), "live", "enterprise");
            Caller other = new Caller(acct.keyIds().get(1), acct.accountId(), "live", "enterprise");
            try (TierRateLimits a = new TierRateLimits(one.jdbi(), clock, "node-a");
                 TierRateLimits b = new TierRateLimits(two.jdbi(), clock, "node-b")) {
                int burst = race(List.of(a, b), List.of(key), at, 300);
                int total = untilFull(List.of(a, b), List.of(key), at, burst);
                assertThat(total).isEqualTo(97);
                // the account's window is full too: the other key gets nothing on either node
                assertThat(race(List.of(a, b), List.of(other), at, 20)).isZero();
                // the next minute: both keys share the account's 97, never more
                Instant next = at.plusSeconds(60);
                clock.set(next);
                int shared = race(List.of(a, b), List.of(key, other), next, 400);
                assertThat(untilFull(List.of(a, b), List.of(key, other), next, shared)).isEqualTo(97);
                System.out.println("two nodes, limit 97: a burst of 300 admitted " + burst + " at once, a two-key burst of 400 "
                        + shared + "; the rest after nodes gave their idle grants back");
            }
        }
    }

    /**
     * Bursts again after each idle give-back (1 s) until a burst admits nothing more; the total admitted. A burst never
     * takes the window past its limit, and grants a node sat on come back, so the total is exactly the limit.
     */
    private static int untilFull(List<TierRateLimits> nodes, List<Caller> callers, Instant at, int admitted) throws Exception {
        int total = admitted;
        for (int round = 0; round < 8; round++) {
            assertThat(total).isLessThanOrEqualTo(97);
            Thread.sleep(1_400);
            int more = race(nodes, callers, at, 200);
            if (more == 0 && total == 97) {
                break;
            }
            total += more;
        }
        return total;
    }

    /** {@code n} admissions at once, alternating nodes and keys; how many were admitted. */
    private static int race(List<TierRateLimits> nodes, List<Caller> callers, Instant at, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger admitted = new AtomicInteger();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                TierRateLimits node = nodes.get(i % nodes.size());
                Caller c = callers.get(i / nodes.size() % callers.size());
                Callable<Void> request = () -> {
                    start.await();
                    try (RateLimits.Admission ignored = node.admit(c, at)) {
                        admitted.incrementAndGet();
                    } catch (PlaneRefusal r) {
                        assertThat(r.status()).isEqualTo(429);
                    }
                    return null;
                };
                results.add(pool.submit(request));
            }
            start.countDown();
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return admitted.get();
    }
}
