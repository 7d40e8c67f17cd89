package dev.gatehouse.gateway.demo;

import dev.gatehouse.api.SimulatorStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's traffic simulator (issue 12 item 3): drives the real data plane of a gateway over real HTTP with demo keys
 * it issues for itself through the admin API, following a {@link TrafficPlan} (steady use with a daily rhythm, a key
 * bursting into its limits, an account running out of credits, a leaked key used from many places, prompts the
 * detectors flag), and files support tickets and refund requests through the admin intakes. Deterministic from its
 * seed where practical (what it sends; not when the network answers). Pause and resume through {@link SimulatorControl}.
 */
public final class TrafficSimulator implements SimulatorControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrafficSimulator.class);
    static final Duration TICK = Duration.ofMillis(100);
    /** Requests in flight at most: a slow gateway is not buried under the simulator's own backlog. */
    static final int MAX_IN_FLIGHT = 48;
    /** How long the drain account's customer waits after a 402 before buying a little more. */
    static final Duration TOP_UP_AFTER = Duration.ofMinutes(3);

    /** The rate at the busiest hour and the seed of every choice. */
    public record Options(double rps, long seed) {
        public Options {
            if (!(rps > 0) || rps > 500) {
                throw new IllegalArgumentException("--rps must be more than 0 and at most 500");
            }
        }
    }

    private final Clock clock;
    private final Options options;
    private final PlatformCalls calls;
    private final SimulatorCast cast;
    private final TrafficPlan plan;
    private final TrafficRequests requests;
    private final SimulatorTally tally = new SimulatorTally();
    private final ScheduledExecutorService ticker;
    private final ExecutorService io;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong lastTopUp = new AtomicLong();
    private final AtomicInteger shed = new AtomicInteger();
    private final Instant startedAt;
    private final long startNanos;
    private long lastTickNanos;

    private TrafficSimulator(Clock clock, Options options, PlatformCalls calls, SimulatorCast cast, ExecutorService io) {
        this.clock = clock;
        this.options = options;
        this.calls = calls;
        this.cast = cast;
        this.io = io;
        this.plan = new TrafficPlan(options.seed(), options.rps(), clock.getZone());
        this.requests = new TrafficRequests(cast);
        this.startedAt = clock.instant();
        this.startNanos = System.nanoTime();
        this.lastTickNanos = startNanos;
        this.lastTopUp.set(startNanos);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "traffic-simulator"));
    }

    /**
     * Sets the cast up through the admin API of the gateway at {@code baseUrl} (with a lead's token) and starts sending.
     * Throws when the platform cannot be set up (not a demo platform, or not answering).
     */
    public static TrafficSimulator start(String baseUrl, String leadToken, Clock clock, Options options) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService io = Executors.newFixedThreadPool(2, r -> daemon(r, "traffic-simulator-io-" + n.incrementAndGet()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .executor(io).build();
        PlatformCalls calls = new PlatformCalls(http, baseUrl);
        try {
            SimulatorCast cast = SimulatorCast.assemble(calls, leadToken, options.seed());
            TrafficSimulator simulator = new TrafficSimulator(clock, options, calls, cast, io);
            simulator.ticker.scheduleAtFixedRate(simulator::safeTick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
            log.info("traffic simulator: {} keys issued, up to {} requests/s at the busiest hour (seed {})", cast.keys.size(),
                    options.rps(), options.seed());
            return simulator;
        } catch (RuntimeException e) {
            io.shutdownNow();
            throw e;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            if (!closed.get()) { // a tick racing close() finds its executor gone: nothing to report
                log.warn("traffic simulator tick failed; it goes on with the next", e); // a failed tick must not end the schedule
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        Duration dt = Duration.ofNanos(now - lastTickNanos);
        lastTickNanos = now;
        if (paused.get() || closed.get()) {
            return;
        }
        for (TrafficPlan.Planned p : plan.tick(clock.instant(), Duration.ofNanos(now - startNanos), dt)) {
            dispatch(p);
        }
    }

    private void dispatch(TrafficPlan.Planned p) {
        if (!inFlight.tryAcquire()) {
            shed.incrementAndGet();
            return;
        }
        switch (p.scenario()) {
            case TICKET -> calls.adminAsync(cast.operatorToken, "POST", "/admin/v1/tickets", requests.ticket(p.pick()))
                    .whenComplete((status, e) -> {
                        inFlight.release();
                        if (status != null && status == 201) {
                            tally.ticketFiled();
                        }
                    });
            case REFUND -> {
                Object body = requests.refund(p.pick());
                if (body == null) {
                    inFlight.release();
                    return;
                }
                calls.adminAsync(cast.operatorToken, "POST", "/admin/v1/refunds", body).whenComplete((status, e) -> {
                    inFlight.release();
                    if (status != null && status == 201) {
                        tally.refundFiled();
                    }
                });
            }
            default -> {
                TrafficRequests.PlaneRequest r = requests.plane(p);
                if (r == null) {
                    inFlight.release();
                    return;
                }
                calls.plane(r.secret(), r.path(), r.body(), r.headers()).whenComplete((status, e) -> {
                    inFlight.release();
                    int s = status == null ? 0 : status;
                    tally.record(s, second());
                    if (s == 402 && p.scenario() == TrafficPlan.Scenario.DRAIN) {
                        maybeTopUp();
                    }
                });
            }
        }
    }

    /** The drain account's customer buys a little more a while after running out, so the cycle shows again. */
    private void maybeTopUp() {
        long now = System.nanoTime();
        long last = lastTopUp.get();
        if (now - last >= TOP_UP_AFTER.toNanos() && lastTopUp.compareAndSet(last, now)) {
            calls.adminAsync(cast.operatorToken, "POST", "/admin/v1/accounts/" + cast.drainAccountId + "/credits",
                    Map.of("kind", "purchase", "amount", SimulatorCast.DRAIN_CREDIT, "price_paid", SimulatorCast.DRAIN_CREDIT,
                            "reason", "demo traffic simulator: the customer buys a little more"));
        }
    }

    private long second() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    @Override
    public SimulatorStatus status() {
        SimulatorTally.Snapshot s = tally.snapshot(second());
        double current = round(options.rps() * DailyRhythm.share(clock.instant(), clock.getZone()));
        return new SimulatorStatus(paused.get() ? "paused" : "running", options.rps(), paused.get() ? 0 : current, startedAt,
                s.requests(), s.totals(), SimulatorTally.WINDOW_SECONDS, s.recentRequests(), s.recentRefused(), s.recent(),
                s.tickets(), s.refunds(), cast.keys.stream().map(SimulatorCast.Key::shown).toList());
    }

    private static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    @Override
    public SimulatorStatus pause() {
        paused.set(true);
        return status();
    }

    @Override
    public SimulatorStatus resume() {
        paused.set(false);
        return status();
    }

    /** Who it plays: for tests. */
    SimulatorCast cast() {
        return cast;
    }

    /** The keys it drives, with their secrets: for tests that check what the data plane does with them. */
    List<SimulatorCast.Key> keys() {
        return cast.keys;
    }

    @Override
    public void close() {
        closed.set(true);
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdownNow();
    }
}
