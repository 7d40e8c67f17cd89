package dev.gatehouse.gateway.plane.limits;

import dev.gatehouse.gateway.abuse.AutomatedReports;
import dev.gatehouse.gateway.plane.Caller;
import dev.gatehouse.gateway.plane.PlaneRefusal;
import dev.gatehouse.gateway.plane.RateLimits;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import dev.gatehouse.policy.ReportCategory;
import dev.gatehouse.policy.Tier;
import dev.gatehouse.policy.TierLimits;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rate limits per key and per account by the tier in force (issue 12 §2; DESIGN §4 "rate-limit tiers", "limits apply
 * per key and per account", ai-visual-studio §4): requests per minute and per day in fixed UTC windows (the minute and
 * day buckets usage_records groups on), and requests in flight.
 *
 * <p><b>Across gateways.</b> A node admits only requests it holds a grant for: a rate_grants row (V16) taken under the
 * account's row lock, where the grants of all nodes for one window never exceed the limit. Far from the limit a grant is
 * a chunk (an eighth of what is left, at most 1,000); with fewer than sixteen left it is one request, so the last requests
 * of a window go to whichever node asks first. Tolerance: no window ever admits more than its limit on any number of
 * nodes; a node may sit on at most (chunk − 1) unused grants until it has been idle for {@link #IDLE_RETURN}, and during
 * that time another node may refuse while the window still has room. Concurrency slots work the same and stop counting
 * {@link #SLOT_TTL} after their node's last heartbeat (a dead node). Limits and tiers are cached; an audited change
 * (tier edit, custom limits) is picked up within {@link #SYNC_INTERVAL} on every node.
 *
 * <p><b>Persistent 429s</b> (ai-visual-studio §4, §7 "Attempt to bypass … rate limits"): a key refused
 * {@link #REPORT_AFTER} times within {@link #REPORT_WINDOW} opens one rate_limit_circumvention report through
 * {@link AutomatedReports}, which keeps at most one unresolved report per key on every node. One node counts its own
 * refusals as they happen; refusals spread over several nodes are counted in the request log they all write, at most
 * every {@link #COUNT_ACROSS_NODES_EVERY} per key while it is being refused (so such a report comes a few seconds late).
 */
public final class TierRateLimits implements RateLimits, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TierRateLimits.class);
    static final int REPORT_AFTER = 50;
    static final Duration REPORT_WINDOW = Duration.ofMinutes(10);
    static final Duration COUNT_ACROSS_NODES_EVERY = Duration.ofSeconds(2);
    /** Counts per sync at most (each is one indexed query); the rest wait for the next sync. */
    static final int COUNTS_PER_SYNC = 32;
    static final Duration SYNC_INTERVAL = Duration.ofMillis(250);
    static final Duration IDLE_RETURN = Duration.ofSeconds(1);
    static final Duration SLOT_TTL = Duration.ofSeconds(10);
    /** After the database said a window is full, ask again no sooner than this (another node may give some back). */
    static final Duration FULL_RECHECK = Duration.ofMillis(500);
    static final int CHUNK_DIVISOR = 8;
    static final int CHUNK_MAX = 1_000;
    static final String DETECTOR = "rate-limits";

    private final Jdbi jdbi;
    private final Clock clock;
    private final String nodeId;
    private final LimitsInForce limits;
    private final Map<Window, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Refusals> refusals = new ConcurrentHashMap<>();
    /** Keys refused here since their last count across nodes. */
    private final Set<String> toCount = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sync;
    private volatile long changeSeq;
    private volatile long generation;
    private long lastSweepNanos = System.nanoTime();

    /** One window of one subject: {@code key:<id>} or {@code acct:<id>}; kind rpm, rpd or con (bucket 0). */
    record Window(String subject, String kind, long bucket) {}

    /** This node's grant for one window and how much of it is used (requests admitted, or in flight for con). */
    private static final class Counter {
        final ReentrantLock granting = new ReentrantLock();
        int granted;
        int used;
        /** What the other nodes held when this node last asked: remaining = limit − others − used. */
        int others;
        long lastUsedNanos = System.nanoTime();
        long fullUntilNanos;
        long fullGeneration;
    }

    /** Recent refusals of one key, for the persistent-429 report. */
    private static final class Refusals {
        final ArrayDeque<Instant> at = new ArrayDeque<>();
        Instant quietUntil = Instant.MIN;
        /** The last refusal here: whose key, and which limit, for the report. */
        String accountId;
        Step last;
        long countedNanos = System.nanoTime() - COUNT_ACROSS_NODES_EVERY.toNanos();
        long lastRefusedNanos;
    }

    public TierRateLimits(Jdbi jdbi, Clock clock, String nodeId) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.nodeId = nodeId;
        this.limits = new LimitsInForce(jdbi);
        this.sync = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rate-limits-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        jdbi.useHandle(h -> RateGrantStore.heartbeat(h, nodeId, clock.instant())); // its slots count from the first one
        this.changeSeq = jdbi.withHandle(RateGrantStore::changeSeq); // limits read from now on are at least this fresh
        sync.scheduleWithFixedDelay(this::syncQuietly, SYNC_INTERVAL.toMillis(), SYNC_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- admission

    /** One limit a request is checked against. */
    private record Step(Window window, int limit, String what) {}

    @Override
    public Admission admit(Caller caller, Instant now) {
        TierLimits account;
        TierLimits key;
        try {
            account = limits.account(caller.accountId(), now).orElseThrow(() -> new PlaneRefusal(401,
                    "invalid_request_error", "invalid_api_key", null, "Incorrect API key provided."));
            // test keys are held to the Free tier (issue 12 §1); their requests still count against their account
            key = caller.test() ? limits.tier(Tier.FREE, now) : account;
        } catch (PlaneRefusal r) {
            throw r;
        } catch (RuntimeException e) { // the limits were not cached and the database did not answer
            log.error("cannot read the limits of {}", caller.accountId(), e);
            throw new PlaneRefusal(503, "server_error", "service_unavailable", null,
                    "The server could not check your rate limits just now. Please retry.");
        }
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        long day = Math.floorDiv(now.getEpochSecond(), 86_400);
        String k = "key:" + caller.keyId();
        String a = "acct:" + caller.accountId();
        List<Step> steps = List.of(
                new Step(new Window(k, "rpm", minute), key.rpm(), "requests per minute (RPM) of this key"),
                new Step(new Window(k, "rpd", day), key.rpd(), "requests per day (RPD) of this key"),
                new Step(new Window(a, "rpm", minute), account.rpm(), "requests per minute (RPM) of this account"),
                new Step(new Window(a, "rpd", day), account.rpd(), "requests per day (RPD) of this account"),
                new Step(new Window(k, "con", 0), key.concurrent(), "concurrent requests of this key"),
                new Step(new Window(a, "con", 0), account.concurrent(), "concurrent requests of this account"));
        Counter[] cs = new Counter[steps.size()];
        List<Integer> missing = new ArrayList<>(0);
        for (int i = 0; i < cs.length; i++) {
            cs[i] = counters.computeIfAbsent(steps.get(i).window(), w -> new Counter());
            if (!takeLocal(cs[i], steps.get(i).limit())) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            Integer full = grant(steps, cs, missing, caller.accountId(), now);
            if (full != null) {
                for (int i = 0; i < cs.length; i++) {
                    if (!missing.contains(i)) {
                        synchronized (cs[i]) { // a refused request counts against no window
                            cs[i].used--;
                        }
                    }
                }
                refused(caller, steps.get(full), now);
                throw refusal(steps.get(full), now);
            }
        }
        return new Held(headers(steps.subList(0, 4), List.of(cs).subList(0, 4), now), cs[4], cs[5]);
    }

    /** An admitted request: its headers, and the two concurrency slots it holds until closed. */
    private static final class Held implements Admission {
        private final Map<String, String> headers;
        private final Counter keySlots;
        private final Counter accountSlots;
        private final AtomicBoolean closed = new AtomicBoolean();

        Held(Map<String, String> headers, Counter keySlots, Counter accountSlots) {
            this.headers = headers;
            this.keySlots = keySlots;
            this.accountSlots = accountSlots;
        }

        @Override
        public Map<String, String> headers() {
            return headers;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                for (Counter c : List.of(keySlots, accountSlots)) {
                    synchronized (c) {
                        c.used--;
                        c.lastUsedNanos = System.nanoTime();
                    }
                }
            }
        }
    }

    /**
     * Takes the windows this node's grants could not cover from new grants, all in one transaction under the account's
     * row lock (so a sparse key costs one round trip, not one per window). Returns the index of the first window that
     * is full (then nothing of {@code missing} is taken), or null when every one was taken.
     */
    private Integer grant(List<Step> steps, Counter[] cs, List<Integer> missing, String accountId, Instant now) {
        for (int i : missing) {
            synchronized (cs[i]) {
                if (cs[i].fullGeneration == generation && System.nanoTime() < cs[i].fullUntilNanos) {
                    return i; // the database said so a moment ago: refuse without asking again
                }
            }
        }
        for (int i : missing) { // always in step order, so two requests never wait on each other's locks
            cs[i].granting.lock();
        }
        List<Integer> taken = new ArrayList<>();
        try {
            List<Integer> ask = new ArrayList<>();
            for (int i : missing) {
                if (takeLocal(cs[i], steps.get(i).limit())) {
                    taken.add(i);
                } else {
                    ask.add(i);
                }
            }
            if (ask.isEmpty()) {
                return null;
            }
            Instant alive = clock.instant().minus(SLOT_TTL);
            int[][] got = jdbi.inTransaction(h -> {
                int[][] out = new int[ask.size()][2];
                if (!RateGrantStore.lockAccount(h, accountId)) {
                    return out;
                }
                for (int j = 0; j < ask.size(); j++) {
                    Window w = steps.get(ask.get(j)).window();
                    int others = RateGrantStore.others(h, w.subject(), w.kind(), w.bucket(), nodeId, alive);
                    int mine = RateGrantStore.mine(h, w.subject(), w.kind(), w.bucket(), nodeId);
                    int free = steps.get(ask.get(j)).limit() - others - mine;
                    out[j][1] = others;
                    if (free > 0) {
                        // far from the limit an eighth of what is left; near it one request at a time
                        int chunk = Math.max(1, Math.min(free / CHUNK_DIVISOR, CHUNK_MAX));
                        RateGrantStore.add(h, w.subject(), w.kind(), w.bucket(), nodeId, chunk, expiry(w, now));
                        out[j][0] = chunk;
                    }
                }
                return out;
            });
            Integer full = null;
            for (int j = 0; j < ask.size(); j++) {
                Counter c = cs[ask.get(j)];
                synchronized (c) {
                    c.others = got[j][1];
                    c.granted += got[j][0];
                    if (got[j][0] == 0) {
                        c.fullGeneration = generation;
                        c.fullUntilNanos = System.nanoTime() + FULL_RECHECK.toNanos();
                    }
                }
                if (full == null) {
                    if (takeLocal(c, steps.get(ask.get(j)).limit())) {
                        taken.add(ask.get(j));
                    } else {
                        full = ask.get(j);
                    }
                }
            }
            if (full != null) {
                for (int i : taken) {
                    synchronized (cs[i]) {
                        cs[i].used--;
                    }
                }
            }
            return full;
        } catch (RuntimeException e) {
            for (int i : taken) {
                synchronized (cs[i]) {
                    cs[i].used--;
                }
            }
            log.error("cannot take rate-limit grants for {}", accountId, e);
            throw new PlaneRefusal(503, "server_error", "service_unavailable", null,
                    "The server could not check your rate limits just now. Please retry.");
        } finally {
            for (int k = missing.size() - 1; k >= 0; k--) {
                cs[missing.get(k)].granting.unlock();
            }
        }
    }

    private static boolean takeLocal(Counter c, int limit) {
        synchronized (c) {
            if (c.used < c.granted && c.used + c.others < limit) {
                c.used++;
                c.lastUsedNanos = System.nanoTime();
                return true;
            }
            return false;
        }
    }

    /** When a grant stops counting: a minute or day window a minute after it ends; a concurrency slot after SLOT_TTL. */
    private static Instant expiry(Window w, Instant now) {
        return switch (w.kind()) {
            case "rpm" -> Instant.ofEpochSecond((w.bucket() + 2) * 60);
            case "rpd" -> Instant.ofEpochSecond((w.bucket() + 1) * 86_400 + 60);
            default -> now.plus(SLOT_TTL);
        };
    }

    /** When the window of a step starts over. */
    private static Instant reset(Window w, Instant now) {
        return switch (w.kind()) {
            case "rpm" -> Instant.ofEpochSecond((w.bucket() + 1) * 60);
            case "rpd" -> Instant.ofEpochSecond((w.bucket() + 1) * 86_400);
            default -> now.plusSeconds(1);
        };
    }

    /** The x-ratelimit-* headers of the window with the least room left (per key or per account, minute or day). */
    private static Map<String, String> headers(List<Step> steps, List<Counter> counters, Instant now) {
        int best = 0;
        int bestRemaining = Integer.MAX_VALUE;
        for (int i = 0; i < steps.size(); i++) {
            int remaining;
            Counter c = counters.get(i);
            synchronized (c) {
                remaining = Math.max(0, steps.get(i).limit() - c.others - c.used);
            }
            if (remaining < bestRemaining) {
                best = i;
                bestRemaining = remaining;
            }
        }
        Step s = steps.get(best);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-ratelimit-limit-requests", Integer.toString(s.limit()));
        h.put("x-ratelimit-remaining-requests", Integer.toString(bestRemaining));
        h.put("x-ratelimit-reset-requests", duration(Duration.between(now, reset(s.window(), now))));
        return h;
    }

    private static PlaneRefusal refusal(Step s, Instant now) {
        Duration wait = Duration.between(now, reset(s.window(), now));
        long retryAfter = Math.max(1, (wait.toMillis() + 999) / 1000);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Retry-After", Long.toString(retryAfter));
        h.put("x-ratelimit-limit-requests", Integer.toString(s.limit()));
        h.put("x-ratelimit-remaining-requests", "0");
        h.put("x-ratelimit-reset-requests", duration(wait));
        return new PlaneRefusal(429, "requests", "rate_limit_exceeded", null, "Rate limit reached for " + s.what()
                + ": limit " + s.limit() + ". Please try again in " + duration(wait) + ".", h);
    }

    /** A duration as OpenAI writes it in x-ratelimit-reset-*: 6m0s, 59s, 1h2m3s, 250ms. */
    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return ms + "ms";
        }
        long s = (ms + 999) / 1_000;
        long hours = s / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        StringBuilder b = new StringBuilder();
        if (hours > 0) {
            b.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            b.append(minutes).append('m');
        }
        return b.append(seconds).append('s').toString();
    }

    // ---------------------------------------------------------------- persistent 429s

    private void refused(Caller caller, Step s, Instant now) {
        Refusals r = refusals.computeIfAbsent(caller.keyId(), id -> new Refusals());
        Instant first;
        synchronized (r) {
            if (now.isBefore(r.quietUntil)) {
                return;
            }
            r.accountId = caller.accountId();
            r.last = s;
            r.lastRefusedNanos = System.nanoTime();
            r.at.addLast(now);
            while (!r.at.isEmpty() && r.at.peekFirst().isBefore(now.minus(REPORT_WINDOW))) {
                r.at.pollFirst();
            }
            if (r.at.size() < REPORT_AFTER) {
                toCount.add(caller.keyId()); // other nodes may be refusing it too
                return;
            }
            first = r.at.peekFirst();
            r.at.clear();
            // one report per key and episode: the intake also refuses a second unresolved one, on every node
            r.quietUntil = now.plus(REPORT_WINDOW);
        }
        report(r, caller.accountId(), caller.keyId(), "was refused " + REPORT_AFTER + " times for exceeding its rate limits between "
                + first + " and " + now, s, now);
    }

    private void report(Refusals r, String accountId, String keyId, String what, Step s, Instant now) {
        try {
            var filed = AutomatedReports.file(jdbi, ReportCategory.RATE_LIMIT_CIRCUMVENTION, accountId, keyId,
                    "Key " + keyId + " " + what + " (last: " + s.what() + ", limit " + s.limit() + "). ai-visual-studio §4: "
                            + "persistent attempts to exceed the limits are treated as circumvention.",
                    DETECTOR, now);
            if (filed.opened()) {
                log.info("opened rate-limit circumvention report {} for key {}", filed.reportId(), keyId);
            }
        } catch (RuntimeException e) {
            log.error("cannot file the rate-limit circumvention report of key {}", keyId, e);
            synchronized (r) {
                r.quietUntil = now.plus(Duration.ofMinutes(1));
            }
        }
    }

    /**
     * The keys refused here since their last count, counted in the request log of every node: {@link #REPORT_AFTER}
     * within {@link #REPORT_WINDOW} there is persistent too, though no one node saw that many.
     */
    void countAcrossNodes(Instant now) {
        long nanos = System.nanoTime();
        int counted = 0;
        for (String keyId : toCount) {
            if (counted == COUNTS_PER_SYNC) {
                return;
            }
            Refusals r = refusals.get(keyId);
            if (r == null || !toCount.remove(keyId)) {
                continue;
            }
            String accountId;
            Step last;
            boolean recent;
            synchronized (r) {
                if (now.isBefore(r.quietUntil)) {
                    continue;
                }
                if (nanos - r.countedNanos < COUNT_ACROSS_NODES_EVERY.toNanos()) {
                    toCount.add(keyId); // counted a moment ago: again at a later sync
                    continue;
                }
                r.countedNanos = nanos;
                accountId = r.accountId;
                last = r.last;
                // the request log is written behind the answers (within a second): a count this soon after the last
                // refusal may miss it, so the key is counted once more later
                recent = nanos - r.lastRefusedNanos < COUNT_ACROSS_NODES_EVERY.toNanos();
            }
            if (recent) {
                toCount.add(keyId);
            }
            counted++;
            int refused = jdbi.withHandle(h -> RequestLogStore.refusedForLimits(h, keyId, now.minus(REPORT_WINDOW), now));
            if (refused < REPORT_AFTER) {
                continue;
            }
            synchronized (r) {
                r.at.clear();
                r.quietUntil = now.plus(REPORT_WINDOW);
            }
            report(r, accountId, keyId, "was refused " + refused + " times for exceeding its rate limits across the gateways in the "
                    + "ten minutes to " + now, last, now);
        }
    }

    // ---------------------------------------------------------------- background sync

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.error("rate-limit sync failed; will retry", e);
        }
    }

    /** A grant given back: how much, of which window. */
    private record Return(Window window, Counter counter, int amount) {}

    /**
     * Every {@link #SYNC_INTERVAL}: picks up limit changes (the audit head moved), gives back grants idle for
     * {@link #IDLE_RETURN}, keeps this node's concurrency slots alive and forgets windows that have passed.
     */
    void sync() {
        Instant now = clock.instant();
        long nanos = System.nanoTime();
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        long day = Math.floorDiv(now.getEpochSecond(), 86_400);
        List<Return> returns = new ArrayList<>();
        for (var e : counters.entrySet()) {
            Window w = e.getKey();
            Counter c = e.getValue();
            boolean past = w.kind().equals("rpm") ? w.bucket() < minute : w.kind().equals("rpd") && w.bucket() < day;
            if (past) {
                counters.remove(w, c);
                continue;
            }
            if (!c.granting.tryLock()) {
                continue;
            }
            try {
                synchronized (c) {
                    int unused = c.granted - c.used;
                    if (unused > 0 && nanos - c.lastUsedNanos > IDLE_RETURN.toNanos()) {
                        c.granted -= unused;
                        returns.add(new Return(w, c, unused));
                    }
                }
            } finally {
                c.granting.unlock();
            }
        }
        // each statement on its own: a give-back or the heartbeat never holds one row while waiting for another, so it
        // cannot deadlock with a grant (which locks the account row, then its grant rows)
        for (int i = 0; i < returns.size(); i++) {
            Return r = returns.get(i);
            try {
                jdbi.useHandle(h -> RateGrantStore.giveBack(h, r.window().subject(), r.window().kind(), r.window().bucket(),
                        nodeId, r.amount()));
            } catch (RuntimeException e) {
                for (Return back : returns.subList(i, returns.size())) {
                    synchronized (back.counter()) {
                        back.counter().granted += back.amount();
                    }
                }
                throw e;
            }
        }
        jdbi.useHandle(h -> RateGrantStore.heartbeat(h, nodeId, now));
        if (nanos - lastSweepNanos > Duration.ofSeconds(30).toNanos()) {
            jdbi.useHandle(h -> RateGrantStore.sweep(h, now, now.minus(Duration.ofMinutes(1))));
            lastSweepNanos = nanos;
        }
        long seq = jdbi.withHandle(RateGrantStore::changeSeq);
        if (seq != changeSeq) {
            limits.invalidate();
            generation++;
            changeSeq = seq;
        }
        countAcrossNodes(now);
    }

    /** Stops the sync thread and gives this node's concurrency slots back. */
    @Override
    public void close() {
        sync.shutdown();
        try {
            sync.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            jdbi.useTransaction(h -> RateGrantStore.leave(h, nodeId));
        } catch (RuntimeException e) {
            log.warn("could not give back the concurrency slots of {}; they lapse in {}", nodeId, SLOT_TTL, e);
        }
    }
}
