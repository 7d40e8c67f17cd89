package dev.gatehouse.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the traffic simulator sends, tick by tick: a pure schedule, deterministic from its seed and the ticks' times.
 * Customer traffic (steady, a leaked key, an account spending its last credits) follows the {@link DailyRhythm} of
 * the injected clock; a free-tier key bursts into its limits twice a minute; misuse prompts, support tickets and refund
 * requests arrive every so often. The first of each comes within seconds of the start, so a demo shows them at once.
 */
public final class TrafficPlan {
    /** What one planned request is for. */
    public enum Scenario {
        /** Ordinary chat (now and then an image) from paying accounts. */
        STEADY,
        /** A free-tier key firing more requests in a minute than its tier allows: 429s, and in time an abuse report. */
        BURST,
        /** An account spending a small balance on images until the data plane answers 402. */
        DRAIN,
        /** One key used from many addresses and clients at once: a leaked key. */
        LEAKED,
        /** A prompt the automated detectors flag, so an abuse report opens. */
        MISUSE,
        /** A support ticket through the admin intake; some carry a pasted secret. */
        TICKET,
        /** A refund request through the admin intake. */
        REFUND
    }

    /** One request to send: its scenario, and a number the sender draws its choices from (prompt, account, address…). */
    public record Planned(Scenario scenario, long pick) {}

    /** Share of the target rate per customer-traffic stream. */
    static final double STEADY_SHARE = 0.80;
    static final double LEAKED_SHARE = 0.15;
    static final double DRAIN_SHARE = 0.05;
    /**
     * The burst key sends this many requests at once every half minute (Free tier: 10 a minute, 2 at once): most are
     * refused, so the data plane's persistent-429 rule (50 refusals in 10 minutes) opens its abuse report about 90 s
     * after the start (measured on the demo), while the demo is being watched.
     */
    static final int BURST_SIZE = 20;
    static final Duration BURST_EVERY = Duration.ofSeconds(30);
    /** Mean gaps at the peak of the day; longer at night. */
    static final Duration MISUSE_EVERY = Duration.ofSeconds(20);
    static final Duration TICKET_EVERY = Duration.ofSeconds(30);
    static final Duration REFUND_EVERY = Duration.ofSeconds(60);

    private final Random random;
    private final double targetRps;
    private final ZoneId zone;
    private double steady;
    private double leaked;
    private double drain;
    private Duration nextBurst = Duration.ZERO;
    private Duration nextMisuse = Duration.ofSeconds(1);
    private Duration nextTicket = Duration.ofMillis(1500);
    private Duration nextRefund = Duration.ofSeconds(3);

    /** {@code targetRps}: customer requests per second at the busiest hour. */
    public TrafficPlan(long seed, double targetRps, ZoneId zone) {
        if (!(targetRps > 0)) {
            throw new IllegalArgumentException("the target rate must be positive");
        }
        this.random = new Random(seed);
        this.targetRps = targetRps;
        this.zone = zone;
    }

    public double targetRps() {
        return targetRps;
    }

    /**
     * The requests due in the tick that ends {@code elapsed} after the start and lasted {@code tick}; {@code now} is the
     * injected clock's time, which sets the hour of the day.
     */
    public List<Planned> tick(Instant now, Duration elapsed, Duration tick) {
        List<Planned> out = new ArrayList<>();
        double share = DailyRhythm.share(now, zone);
        double seconds = tick.toNanos() / 1e9;
        steady = emit(out, Scenario.STEADY, steady + targetRps * share * STEADY_SHARE * seconds);
        leaked = emit(out, Scenario.LEAKED, leaked + targetRps * share * LEAKED_SHARE * seconds);
        // the drain account spends at least once every five seconds, so its balance runs out on a quiet night too
        drain = emit(out, Scenario.DRAIN, drain + Math.max(0.2, targetRps * share * DRAIN_SHARE) * seconds);
        if (elapsed.compareTo(nextBurst) >= 0) {
            for (int i = 0; i < BURST_SIZE; i++) {
                out.add(planned(Scenario.BURST));
            }
            nextBurst = nextBurst.plus(BURST_EVERY);
        }
        nextMisuse = every(out, Scenario.MISUSE, elapsed, nextMisuse, MISUSE_EVERY, share);
        nextTicket = every(out, Scenario.TICKET, elapsed, nextTicket, TICKET_EVERY, share);
        nextRefund = every(out, Scenario.REFUND, elapsed, nextRefund, REFUND_EVERY, share);
        return out;
    }

    private double emit(List<Planned> out, Scenario scenario, double due) {
        while (due >= 1) {
            out.add(planned(scenario));
            due -= 1;
        }
        return due;
    }

    /** One event when it is due; the next comes after a jittered gap that grows when the day is quiet. */
    private Duration every(List<Planned> out, Scenario scenario, Duration elapsed, Duration next, Duration gap, double share) {
        if (elapsed.compareTo(next) < 0) {
            return next;
        }
        out.add(planned(scenario));
        double jitter = 0.5 + random.nextDouble();
        return elapsed.plusMillis(Math.round(gap.toMillis() * jitter / share));
    }

    private Planned planned(Scenario scenario) {
        return new Planned(scenario, random.nextLong() & Long.MAX_VALUE);
    }
}
