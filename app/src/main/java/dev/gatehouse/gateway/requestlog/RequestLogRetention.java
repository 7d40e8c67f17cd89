package dev.gatehouse.gateway.requestlog;

import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Routes;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Request logs are kept 90 days (DESIGN §4 "log retention", ai-visual-studio §9, §16), then removed by this sweep;
 * rows a CSAM report cites stay (DESIGN §4 CSAM: "evidence preserved"; decart §3.5). No routes of its own: the log is
 * read through the abuse reports that cite it.
 */
public final class RequestLogRetention implements Feature {
    public static final Duration RETENTION = Duration.ofDays(90);
    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(RequestLogRetention.class);

    private final Jdbi jdbi;
    private final Clock clock;

    public RequestLogRetention(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void register(Routes routes) {
        // nothing to serve: the sweep is all
    }

    @Override
    public List<Sweep> sweeps() {
        return List.of(new Sweep("request-log-retention", 3600, this::sweep));
    }

    /** Removes every row older than 90 days at {@code now} that no CSAM report cites; returns how many. */
    public static int purge(Jdbi jdbi, Instant now) {
        Instant cutoff = now.minus(RETENTION);
        int total = 0;
        int n;
        do {
            n = jdbi.inTransaction(h -> RequestLogStore.deleteOlderThan(h, cutoff, BATCH));
            total += n;
        } while (n == BATCH);
        return total;
    }

    private void sweep() {
        int n = purge(jdbi, clock.instant());
        if (n > 0) {
            log.info("removed {} request-log rows past the 90-day retention", n);
        }
    }
}
