package dev.gatehouse.gateway.plane.metering;

import dev.gatehouse.api.PriceLine;
import dev.gatehouse.api.PriceVersion;
import dev.gatehouse.gateway.credits.CreditHolds;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.plane.Caller;
import dev.gatehouse.gateway.plane.Meter;
import dev.gatehouse.gateway.plane.PlaneRefusal;
import dev.gatehouse.gateway.pricing.PricesInForce;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import dev.gatehouse.gateway.usage.UsageStore;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Pricing;
import dev.gatehouse.policy.VolumeDiscounts;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Metering of the data plane (issue 12 §2) with credit leases and a write-behind flush, so a request never waits on
 * the database while its node holds enough leased credit.
 *
 * <p><b>Never below zero, across nodes.</b> A node spends only credit it has leased: a credit_leases row (V16) taken
 * under the account's row lock, where the leases of all nodes never add up to more than the spendable credit (the
 * balance less held refund credits, issue 10 §3; expired lots count for nothing, decart §5.3). While the account's
 * free credit is large a lease is a chunk (an eighth of what is free, at most 1,000 requests' worth); below 64 requests'
 * worth it is exactly the request being served, so the last credits go one request at a time to whichever node asks
 * first: 50 concurrent requests against a balance for 10 get 10 successes on any number of nodes. A node gives back a
 * lease idle for {@link #IDLE_RELEASE}, and on close.
 *
 * <p><b>Durability window.</b> The debit and the lease (one transaction), then the usage rows (one per priced line,
 * {@link UsageStore}) and request-log rows (redacted excerpt, {@link RequestLogStore}) are written every
 * {@link #flushInterval}; the ledger gets one 'usage' line per account and flush (batched), drawn soonest-expiring lot
 * first and never from held credits ({@link CreditStore#use}). A request never waits unless the oldest unwritten request
 * is older than {@link #MAX_UNWRITTEN}: then it flushes first, so a crash loses at most ~1 s of metering (the served
 * requests of that window go unbilled; their lease lapses after {@link #LEASE_TTL} and the credit is spendable again).
 * A row the database refuses for good is set aside (logged at ERROR, not retried) and the others are written.
 *
 * <p><b>While the database fails</b> no request waits on a flush or sees its failure; the flusher retries every
 * {@link #flushInterval} and the rows stay in memory. Paid requests go on only until the lease is unusable,
 * {@code LEASE_TTL − LEASE_MARGIN} (7 s) after the last successful flush (a top-up needs the database: 503), so a crash
 * during an outage loses at most those 7 s of debits, plus the request-log rows of test keys and refusals since the
 * outage began.
 *
 * <p><b>Volume discounts</b> (apimart §6, schedule edited by ops, issue 11). Each request is discounted by the schedule in
 * force at its instant ({@link DiscountSchedules}, cached like the cards) at the step earned by what the account was
 * charged earlier in the UTC month ({@link MonthSpends}, in memory). What a usage row stores: {@code unit_price} is the
 * API price of the card in force (traceable to the card; quantity × unit_price is the list cost) and {@code cost} is that
 * line's list cost after the discount, six decimals half-even ({@link VolumeDiscounts#apply}). The request's charge, its
 * request-log cost and what is debited are the sum of those row costs, so usage_records costs add up exactly to the
 * ledger's usage debits (except what the warning in {@link #writeDebit} reports and the usage rows set aside).
 */
public final class CreditMeter implements Meter, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CreditMeter.class);
    /** How long a lease outlives its node's last renewal; a node stops spending it {@link #LEASE_MARGIN} earlier. */
    static final Duration LEASE_TTL = Duration.ofSeconds(10);
    static final Duration LEASE_MARGIN = Duration.ofSeconds(3);
    /** A lease nobody on this node used for this long goes back, so other nodes can spend it. */
    static final Duration IDLE_RELEASE = Duration.ofSeconds(1);
    /** A request flushes before it is answered when the oldest unwritten request is this old (the crash window). */
    static final Duration MAX_UNWRITTEN = Duration.ofMillis(750);
    /** Below this many requests' worth of free credit, leases are exactly one request. */
    static final int SMALL_REQUESTS = 64;
    static final int CHUNK_DIVISOR = 8;
    static final int CHUNK_MAX_REQUESTS = 1_000;
    static final String ACTOR = "system:plane";

    private final Jdbi jdbi;
    private final Clock clock;
    private final String nodeId;
    private final Duration flushInterval;
    private final PriceCards prices;
    private final DiscountSchedules discounts;
    private final MonthSpends monthSpends;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Written> unwritten = new ConcurrentLinkedQueue<>();
    /** System.nanoTime() of the oldest unwritten request, 0 when none. */
    private final AtomicLong oldestUnwritten = new AtomicLong();
    private final ReentrantLock flushing = new ReentrantLock();
    private final ScheduledExecutorService flusher;
    private volatile long changeSeq;
    private volatile boolean closed;
    /** System.nanoTime() when flushes began to fail (0 while they succeed): the request path then does not wait on one. */
    private volatile long failingSinceNanos;
    private volatile long failureLoggedNanos;
    /** Rows the database refused for good (logged at ERROR with their request id, never retried). */
    private final AtomicLong setAside = new AtomicLong();
    private long lastSweepNanos = System.nanoTime();

    /** A node's leased credit for one account: free (not spent), pending (spent, not yet debited), reserved (videos). */
    private static final class Lease {
        final String accountId;
        final ReentrantLock topUp = new ReentrantLock();
        BigDecimal free = Money.zero();
        BigDecimal pending = Money.zero();
        BigDecimal reserved = Money.zero();
        int pendingRequests;
        Instant usableUntil = Instant.MIN;
        long lastUsedNanos = System.nanoTime();
        /**
         * Checks of the free credit against the account's spendable balance, asked for (an admin change such as a refund
         * hold, reserved credit coming back) and done (a top-up under the account's row lock). Free credit is spent only
         * while every check asked for is done.
         */
        int checksAsked;
        int checksDone;

        Lease(String accountId) {
            this.accountId = accountId;
        }

        boolean usable(Instant at) {
            return checksDone == checksAsked && at.isBefore(usableUntil);
        }
    }

    /**
     * What one request leaves to write: its usage rows (none for test keys and refusals) and its request-log row (null when
     * only usage rows are left to retry).
     */
    private record Written(List<UsageStore.Row> usage, RequestLogStore.Row logged) {}

    /** Flushes every 200 ms (the durability window is then at most ~1 s, see {@link #MAX_UNWRITTEN}). */
    public CreditMeter(Jdbi jdbi, Clock clock, String nodeId) {
        this(jdbi, clock, nodeId, Duration.ofMillis(200));
    }

    public CreditMeter(Jdbi jdbi, Clock clock, String nodeId, Duration flushInterval) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.nodeId = nodeId;
        this.flushInterval = flushInterval;
        this.prices = new PriceCards(jdbi);
        this.discounts = new DiscountSchedules(jdbi);
        this.monthSpends = new MonthSpends(jdbi, flushing);
        this.changeSeq = jdbi.withHandle(CreditLeaseStore::changeSeq); // cards read from now on are at least this fresh
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "meter-flush-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String nodeId() {
        return nodeId;
    }

    // ---------------------------------------------------------------- Meter

    @Override
    public Charge charge(Caller caller, String modelId, List<PricesInForce.Metered> lines, Logged logged, Instant at) {
        String requestId = requestId(at);
        if (caller.test()) { // test keys spend nothing (issue 12 §1); the request is still logged
            enqueue(new Written(List.of(), logRow(requestId, caller, logged, at, lines, Money.zero())));
            return new Charge(requestId, Money.zero());
        }
        Priced p = price(requestId, caller, modelId, lines, at);
        if (p.total().signum() > 0) {
            spend(caller.accountId(), p.total(), at, false);
            monthSpends.charged(caller.accountId(), at, p.total());
        }
        enqueue(new Written(p.rows(), logRow(requestId, caller, logged, at, lines, p.total())));
        return new Charge(requestId, p.total());
    }

    @Override
    public Charge reserve(Caller caller, String modelId, List<PricesInForce.Metered> lines, Instant at) {
        String requestId = requestId(at);
        if (caller.test()) {
            return new Charge(requestId, Money.zero());
        }
        Priced p = price(requestId, caller, modelId, lines, at);
        if (p.total().signum() > 0) {
            spend(caller.accountId(), p.total(), at, true);
        }
        return new Charge(requestId, p.total());
    }

    @Override
    public void settle(Charge reservation, Caller caller, String modelId, List<PricesInForce.Metered> lines, Logged logged,
                       Instant madeAt) {
        if (caller.test()) {
            enqueue(new Written(List.of(), logRow(reservation.requestId(), caller, logged, madeAt, lines, Money.zero())));
            return;
        }
        // billed at the card in force when the task was made, which is what was reserved
        Priced p = price(reservation.requestId(), caller, modelId, lines, madeAt);
        Lease l = lease(caller.accountId());
        synchronized (l) {
            BigDecimal held = reservation.cost().min(l.reserved);
            l.reserved = l.reserved.subtract(held);
            l.pending = l.pending.add(held);
            l.pendingRequests++;
            l.lastUsedNanos = System.nanoTime();
            BigDecimal extra = p.total().subtract(held);
            if (extra.signum() < 0) {
                l.pending = l.pending.add(extra);
                l.free = l.free.add(extra.negate());
                l.checksAsked++; // reserved before a refund hold, perhaps: spent again only after a check
            }
        }
        monthSpends.charged(caller.accountId(), madeAt, p.total());
        BigDecimal extra = p.total().subtract(reservation.cost());
        if (extra.signum() > 0) {
            try {
                spend(caller.accountId(), extra, clock.instant(), false);
            } catch (PlaneRefusal r) {
                log.warn("video {} of {} cost {} more than reserved and the credits cannot cover it", reservation.requestId(),
                        caller.accountId(), extra.toPlainString());
            }
        }
        enqueue(new Written(p.rows(), logRow(reservation.requestId(), caller, logged, madeAt, lines, p.total())));
    }

    @Override
    public void release(Charge reservation, Caller caller) {
        if (caller.test() || reservation.cost().signum() == 0) {
            return;
        }
        Lease l = lease(caller.accountId());
        synchronized (l) {
            BigDecimal back = reservation.cost().min(l.reserved);
            l.reserved = l.reserved.subtract(back);
            l.free = l.free.add(back);
            l.checksAsked++; // reserved before a refund hold, perhaps: spent again only after a check
        }
    }

    @Override
    public void logRefused(Caller caller, Logged logged, Instant at) {
        enqueue(new Written(List.of(), logRow(requestId(at), caller, logged, at, List.of(), Money.zero())));
    }

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    /**
     * {@code req_}, the time as {@link PrefixedIds} writes it (10 characters) and 16 random Crockford characters: 80 random
     * bits, 30 characters in all (request_log.id, usage_records.request_id and abuse_evidence.request_id are VARCHAR(40)).
     * It is request_log's primary key: with PrefixedIds' 30 random bits, thousands of requests a second in the same
     * millisecond collide about daily; with 80 bits, never in practice.
     */
    static String requestId(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[30];
        PrefixedIds.next("req_", at, random).getChars(0, 14, out, 0); // the prefix and the time
        long bits = random.nextLong();
        for (int i = 14; i < 26; i++) { // 12 × 5 = 60 bits
            out[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        int more = random.nextInt();
        for (int i = 26; i < 30; i++) { // 4 × 5 = 20 bits
            out[i] = CROCKFORD[more & 31];
            more >>>= 5;
        }
        return new String(out);
    }

    // ---------------------------------------------------------------- pricing

    private record Priced(BigDecimal total, List<UsageStore.Row> rows) {}

    /**
     * The request's usage rows at the card in force at {@code at} (as {@link PricesInForce#bill} prices them), each line's
     * cost discounted by the volume discount in force at {@code at} for the account's month spend so far (apimart §6).
     */
    private Priced price(String requestId, Caller caller, String modelId, List<PricesInForce.Metered> lines, Instant at) {
        Optional<PriceVersion> found;
        try {
            found = prices.card(modelId, at);
        } catch (RuntimeException e) { // the card was not cached and the database did not answer
            log.error("cannot read the price card of {}", modelId, e);
            throw new PlaneRefusal(503, "server_error", "service_unavailable", null,
                    "The server could not price this request just now. Please retry.");
        }
        PriceVersion card = found.orElseThrow(() -> new PlaneRefusal(404, "invalid_request_error",
                "model_not_found", "model", "The model `" + modelId + "` does not exist or you do not have access to it."));
        VolumeDiscounts discount = null;
        BigDecimal spent = null; // no schedule, no discount: the month spend is not even looked at
        try {
            VolumeDiscounts schedule = discounts.at(at);
            if (!schedule.steps().isEmpty()) {
                spent = monthSpends.before(caller.accountId(), at);
                discount = schedule;
            }
        } catch (RuntimeException e) { // not cached and the database did not answer
            log.error("cannot read the volume discounts or the month spend of {}", caller.accountId(), e);
            throw new PlaneRefusal(503, "server_error", "service_unavailable", null,
                    "The server could not price this request just now. Please retry.");
        }
        List<UsageStore.Row> rows = new ArrayList<>(lines.size());
        BigDecimal total = Money.zero();
        boolean first = true;
        for (PricesInForce.Metered m : lines) {
            PriceLine line = PriceCards.line(card, m.unit(), m.variant()).orElseThrow(() -> new PlaneRefusal(400,
                    "invalid_request_error", "unsupported_value", null, "The model `" + modelId + "` is not priced for "
                    + m.unit() + (m.variant() == null ? "" : " " + m.variant()) + "."));
            BigDecimal cost = Money.normalize(Pricing.cost(m.unit(), m.quantity(), line.api()));
            if (discount != null) {
                cost = discount.apply(cost, spent);
            }
            rows.add(new UsageStore.Row(requestId, caller.accountId(), caller.keyId(), modelId, at, first, m.unit(), m.variant(),
                    m.quantity(), line.api(), cost));
            total = total.add(cost);
            first = false;
        }
        return new Priced(Money.normalize(total), rows);
    }

    // ---------------------------------------------------------------- leases

    private Lease lease(String accountId) {
        return leases.computeIfAbsent(accountId, Lease::new);
    }

    /** Takes {@code amount} from this node's lease, topping it up in the database when it is short; or throws 402. */
    private void spend(String accountId, BigDecimal amount, Instant at, boolean reserve) {
        Lease l = lease(accountId);
        while (true) {
            if (take(l, amount, at, reserve)) {
                return;
            }
            l.topUp.lock();
            try {
                if (take(l, amount, at, reserve)) {
                    return;
                }
                topUp(l, amount, at);
            } finally {
                l.topUp.unlock();
            }
        }
    }

    private static boolean take(Lease l, BigDecimal amount, Instant at, boolean reserve) {
        synchronized (l) {
            if (!l.usable(at) || l.free.compareTo(amount) < 0) {
                return false;
            }
            l.free = l.free.subtract(amount);
            if (reserve) {
                l.reserved = l.reserved.add(amount);
            } else {
                l.pending = l.pending.add(amount);
                l.pendingRequests++;
            }
            l.lastUsedNanos = System.nanoTime();
            return true;
        }
    }

    /**
     * Leases at least {@code amount − free} more under the account's row lock, or throws 402 when the spendable credit
     * less every other node's lease cannot cover it. A lease that is no longer usable here (its renewal is overdue, so
     * another node may count it lapsed) is given back first.
     */
    private void topUp(Lease l, BigDecimal amount, Instant at) {
        Grant g;
        try {
            g = jdbi.inTransaction(h -> {
                if (CreditStore.lockBalance(h, l.accountId).isEmpty()) {
                    return new Grant(Money.zero(), Money.zero(), -1);
                }
                BigDecimal spendable = CreditHolds.summary(h, l.accountId, at).spendable();
                BigDecimal others = CreditLeaseStore.others(h, l.accountId, nodeId, at);
                BigDecimal mine = CreditLeaseStore.mine(h, l.accountId, nodeId);
                BigDecimal localFree;
                BigDecimal dropped;
                int checks;
                synchronized (l) {
                    boolean usable = l.usable(at);
                    localFree = usable ? l.free : Money.zero();
                    dropped = usable ? Money.zero() : l.free;
                    checks = l.checksAsked;
                }
                // what the row holds beyond the dropped free credit (pending, reserved); at least zero: after a long pause
                // another node's sweep may have deleted the row while this node still held free credit locally
                BigDecimal kept = mine.subtract(dropped).max(Money.zero());
                BigDecimal free = spendable.subtract(others).subtract(kept);
                BigDecimal need = amount.subtract(localFree);
                BigDecimal grant;
                if (free.compareTo(need) < 0) {
                    grant = Money.zero();
                } else if (free.compareTo(amount.multiply(BigDecimal.valueOf(SMALL_REQUESTS))) < 0) {
                    grant = need; // near the end of the credits: exactly this request
                } else {
                    // whole requests of this size, so a node is not left with a fraction no request fits in
                    long requests = Math.min(CHUNK_MAX_REQUESTS, free.divide(amount.multiply(BigDecimal.valueOf(CHUNK_DIVISOR)),
                            0, RoundingMode.DOWN).longValue());
                    grant = amount.multiply(BigDecimal.valueOf(requests)).subtract(localFree).max(need);
                }
                // need is below zero when the lease already covers the request (another top-up ran first): nothing to add
                grant = grant.max(Money.zero());
                if (grant.signum() > 0 || dropped.signum() > 0) { // the absolute amount: a delta cannot recreate a deleted row
                    CreditLeaseStore.set(h, l.accountId, nodeId, kept.add(grant), at.plus(LEASE_TTL));
                }
                return new Grant(grant, dropped, checks);
            });
        } catch (RuntimeException e) {
            log.error("cannot lease credits for {}", l.accountId, e);
            throw new PlaneRefusal(503, "server_error", "service_unavailable", null,
                    "The server could not check your credits just now. Please retry.");
        }
        boolean covered;
        boolean askedAgain;
        synchronized (l) { // only the top-up lock holder adds to free, so this is what the database now holds
            l.free = l.free.subtract(g.dropped()).add(g.granted());
            if (g.granted().signum() > 0) {
                l.usableUntil = at.plus(LEASE_TTL).minus(LEASE_MARGIN);
            }
            if (g.checks() >= 0) {
                l.checksDone = g.checks(); // what was asked before the balance was read is now checked
            }
            askedAgain = l.checksAsked != l.checksDone;
            covered = l.usable(at) && l.free.compareTo(amount) >= 0;
        }
        if (g.granted().signum() == 0 && !covered && !askedAgain) {
            throw new PlaneRefusal(402, "insufficient_quota", "insufficient_quota", null,
                    "You exceeded your current quota: your credits cannot cover this request. Add credits to continue.");
        }
    }

    /** {@code checks}: the checks asked for when the balance was read (−1: the account is gone, nothing was read). */
    private record Grant(BigDecimal granted, BigDecimal dropped, int checks) {}

    // ---------------------------------------------------------------- write-behind

    private void enqueue(Written w) {
        if (closed) {
            throw new PlaneRefusal(503, "server_error", "service_unavailable", null, "The server is shutting down. Please retry.");
        }
        unwritten.add(w);
        long now = System.nanoTime();
        oldestUnwritten.compareAndSet(0, now);
        long oldest = oldestUnwritten.get();
        if (oldest != 0 && now - oldest > MAX_UNWRITTEN.toNanos() && failingSinceNanos == 0) {
            // the flusher is behind: this request waits, so a crash never loses more than the window. While the database
            // fails it does not wait (the flusher retries every flushInterval) and a failure never reaches the request.
            try {
                flush();
            } catch (RuntimeException e) {
                log.error("metering flush on the request path failed; the request is served and its rows stay queued", e);
            }
        }
    }

    private RequestLogStore.Row logRow(String requestId, Caller caller, Logged logged, Instant at,
                                       List<PricesInForce.Metered> lines, BigDecimal cost) {
        String unit = "tokens";
        BigDecimal units = Money.zero();
        if (!lines.isEmpty()) {
            unit = switch (lines.get(0).unit()) {
                case "image" -> "images";
                case "video_second" -> "seconds";
                default -> "tokens";
            };
            for (PricesInForce.Metered m : lines) {
                units = units.add(m.quantity());
            }
        }
        return new RequestLogStore.Row(requestId, caller.keyId(), caller.accountId(), logged.model(), at, logged.httpStatus(),
                Math.max(0, logged.latencyMs()), Money.normalize(units), unit, cost, logged.prompt());
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (failureLoggedNanos == 0 || now - failureLoggedNanos > Duration.ofSeconds(10).toNanos()) { // once per 10 s while failing
                failureLoggedNanos = now;
                log.error("metering flush failed; retried every {} ms, {} requests' rows held in memory", flushInterval.toMillis(),
                        unwritten.size(), e);
            }
        }
    }

    private void failing() {
        if (failingSinceNanos == 0) {
            failingSinceNanos = System.nanoTime();
        }
        oldestUnwritten.compareAndSet(0, System.nanoTime());
    }

    /** A debit of one account in this flush, and the lease credit given back with it. */
    private record Debit(Lease lease, BigDecimal amount, int requests, BigDecimal givenBack) {}

    /**
     * Writes everything served so far, in two steps. First the money, in one transaction: per account one debit (ledger
     * 'usage' line) and the lease lowered by it, idle leases given back and the rest renewed; when it fails everything is
     * put back for the next round and the failure is thrown. Then the usage and request-log rows, each kind in one
     * transaction: a batch the database refuses for good (a constraint, a value it cannot store) is bisected, the rows it
     * refuses are set aside (logged at ERROR with their request id, not retried) and the rest written; rows that failed
     * because the database did not answer are queued again. So one bad row never stops a node's metering.
     */
    public void flush() {
        flushing.lock();
        try {
            Instant now = clock.instant();
            oldestUnwritten.set(0);
            List<Written> batch = new ArrayList<>();
            for (Written w; (w = unwritten.poll()) != null; ) {
                batch.add(w);
            }
            long nanos = System.nanoTime();
            List<Debit> debits = new ArrayList<>();
            for (Lease l : leases.values()) {
                // free credit is given back only while no top-up is reading it
                boolean mayGiveBack = l.topUp.tryLock();
                try {
                    synchronized (l) {
                        boolean idle = nanos - l.lastUsedNanos > IDLE_RELEASE.toNanos() && l.reserved.signum() == 0;
                        BigDecimal back = mayGiveBack && (idle || !l.usable(now)) ? l.free : Money.zero();
                        if (l.pending.signum() > 0 || back.signum() > 0) {
                            debits.add(new Debit(l, l.pending, l.pendingRequests, back));
                            l.free = l.free.subtract(back);
                            l.pending = Money.zero();
                            l.pendingRequests = 0;
                        }
                    }
                } finally {
                    if (mayGiveBack) {
                        l.topUp.unlock();
                    }
                }
            }
            debits.sort(Comparator.comparing(d -> d.lease().accountId)); // one lock order on every node: no deadlocks
            boolean sweep = nanos - lastSweepNanos > Duration.ofSeconds(10).toNanos();
            long seq;
            try {
                seq = jdbi.inTransaction(h -> {
                    for (Debit d : debits) {
                        writeDebit(h, d, now);
                    }
                    CreditLeaseStore.renew(h, nodeId, now.plus(LEASE_TTL));
                    if (sweep) {
                        CreditLeaseStore.sweep(h, nodeId, now.minus(Duration.ofMinutes(1)));
                    }
                    return CreditLeaseStore.changeSeq(h);
                });
            } catch (RuntimeException e) {
                for (Debit d : debits) {
                    synchronized (d.lease()) {
                        d.lease().pending = d.lease().pending.add(d.amount());
                        d.lease().pendingRequests += d.requests();
                        d.lease().free = d.lease().free.add(d.givenBack());
                    }
                }
                unwritten.addAll(batch);
                failing();
                throw e;
            }
            if (sweep) {
                lastSweepNanos = nanos;
            }
            Instant usableUntil = now.plus(LEASE_TTL).minus(LEASE_MARGIN);
            for (Lease l : leases.values()) {
                synchronized (l) {
                    if (l.free.signum() > 0 || l.reserved.signum() > 0 || l.pending.signum() > 0) {
                        if (usableUntil.isAfter(l.usableUntil)) {
                            l.usableUntil = usableUntil;
                        }
                    }
                }
            }
            if (seq != changeSeq) { // something was changed through the admin API: prices or discounts may have moved
                prices.invalidate();
                discounts.invalidate();
                // and credits may have been held for a refund (issue 10 §3): credit leased before that is not spent on
                // trust; each lease is checked again against the spendable balance at its account's next request
                for (Lease l : leases.values()) {
                    synchronized (l) {
                        if (l.free.signum() > 0 || l.reserved.signum() > 0) {
                            l.checksAsked++;
                        }
                    }
                }
                changeSeq = seq;
            }

            List<UsageStore.Row> usage = new ArrayList<>(batch.size() * 2);
            List<RequestLogStore.Row> logged = new ArrayList<>(batch.size());
            for (Written w : batch) {
                usage.addAll(w.usage());
                if (w.logged() != null) {
                    logged.add(w.logged());
                }
            }
            List<UsageStore.Row> usageWritten = new ArrayList<>(usage.size());
            List<UsageStore.Row> usageRetry = new ArrayList<>();
            writeRows(usage, MeteredRowsStore::insertUsage, UsageStore.Row::requestId, "usage", usageWritten, usageRetry);
            List<RequestLogStore.Row> logRetry = new ArrayList<>();
            writeRows(logged, MeteredRowsStore::insertLog, RequestLogStore.Row::id, "request-log", new ArrayList<>(), logRetry);
            if (usageRetry.isEmpty() && logRetry.isEmpty()) {
                failingSinceNanos = 0;
                failureLoggedNanos = 0;
            } else {
                if (!usageRetry.isEmpty()) {
                    unwritten.add(new Written(usageRetry, null));
                }
                for (RequestLogStore.Row r : logRetry) {
                    unwritten.add(new Written(List.of(), r));
                }
                failing();
                log.warn("metering: {} usage and {} request-log rows could not be written just now; retried next flush",
                        usageRetry.size(), logRetry.size());
            }
            try {
                // set-aside usage rows stay in the month spend (the account was charged for them); retried ones until written
                monthSpends.flushed(charged(usageWritten), discounts.at(now));
            } catch (RuntimeException e) { // only the refresh of other nodes' spend failed; it is retried next flush
                log.warn("could not refresh month spends", e);
            }
        } finally {
            flushing.unlock();
        }
    }

    /**
     * Writes {@code rows} in one transaction; when the database refuses the batch for good, bisects it so only the rows
     * it refuses are set aside. Rows that failed for another reason (the database did not answer) go to {@code retry}.
     */
    private <T> void writeRows(List<T> rows, java.util.function.BiConsumer<org.jdbi.v3.core.Handle, List<T>> insert,
                               java.util.function.Function<T, String> requestId, String what, List<T> written, List<T> retry) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(h -> insert.accept(h, rows));
            written.addAll(rows);
        } catch (RuntimeException e) {
            if (!refused(e)) {
                retry.addAll(rows);
            } else if (rows.size() == 1) {
                setAside.incrementAndGet();
                log.error("metering: the {} row of request {} cannot be written and is set aside (not retried)", what,
                        requestId.apply(rows.get(0)), e);
            } else {
                int half = rows.size() / 2;
                writeRows(rows.subList(0, half), insert, requestId, what, written, retry);
                writeRows(rows.subList(half, rows.size()), insert, requestId, what, written, retry);
            }
        }
    }

    /**
     * Whether the database refused the values for good: SQLSTATE class 22 (data exception, e.g. a NUL in a text on
     * PostgreSQL, a value too long) or 23 (integrity constraint, e.g. a duplicate primary key), rather than not answering.
     */
    static boolean refused(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof java.sql.SQLException sql) {
                int chained = 0;
                for (java.sql.SQLException n = sql; n != null && chained < 20; n = n.getNextException(), chained++) {
                    String state = n.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What the written usage rows charged per account and UTC month. */
    private static List<MonthSpends.Written> charged(List<UsageStore.Row> written) {
        Map<String, Map<Instant, BigDecimal>> sums = new java.util.HashMap<>();
        Instant month = null;
        Instant next = null;
        for (UsageStore.Row r : written) {
            if (month == null || r.at().isBefore(month) || !r.at().isBefore(next)) {
                month = VolumeDiscounts.monthStart(r.at());
                next = month.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant();
            }
            sums.computeIfAbsent(r.accountId(), k -> new java.util.HashMap<>()).merge(month, r.cost(), BigDecimal::add);
        }
        List<MonthSpends.Written> out = new ArrayList<>();
        sums.forEach((a, byMonth) -> byMonth.forEach((m, amount) -> out.add(new MonthSpends.Written(a, m, amount))));
        return out;
    }

    private void writeDebit(org.jdbi.v3.core.Handle h, Debit d, Instant now) {
        String acct = d.lease().accountId;
        if (d.amount().signum() > 0) {
            CreditStore.lockBalance(h, acct);
            BigDecimal spendable = CreditHolds.summary(h, acct, now).spendable();
            BigDecimal debit = d.amount().min(spendable);
            if (debit.signum() > 0) {
                CreditStore.use(h, acct, debit, now, "API usage: " + d.requests() + (d.requests() == 1 ? " request" : " requests")
                        + " (gateway " + nodeId + ")", ACTOR);
            }
            if (debit.compareTo(d.amount()) < 0) {
                // the leased credit was taken meanwhile (its lot expired, or a refund held or took it)
                log.warn("account {}: {} of served usage could not be debited", acct, d.amount().subtract(debit).toPlainString());
            }
        } else {
            CreditStore.lockBalance(h, acct);
        }
        CreditLeaseStore.add(h, acct, nodeId, d.amount().add(d.givenBack()).negate(), now.plus(LEASE_TTL));
    }

    /** Rows set aside since this meter started (tests). */
    long setAside() {
        return setAside.get();
    }

    /** Requests whose rows are not written yet (tests). */
    int unwritten() {
        return unwritten.size();
    }

    /** What this node holds for the account: free, pending and reserved (tests). */
    BigDecimal[] held(String accountId) {
        Lease l = lease(accountId);
        synchronized (l) {
            return new BigDecimal[] {l.free, l.pending, l.reserved};
        }
    }

    /** The month spend this node holds for the account, null when not loaded (tests). */
    BigDecimal monthSpend(String accountId) {
        return monthSpends.held(accountId);
    }

    /** Prices the cached cards answer for (tests). */
    PriceCards prices() {
        return prices;
    }

    /** Stops at once without writing anything or giving leases back, as a killed process would (tests). */
    void halt() {
        closed = true;
        flusher.shutdownNow();
    }

    /** Flushes what was served, gives every lease back and stops the flusher. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
            if (!unwritten.isEmpty()) { // one more try for rows the database did not take in the first
                flush();
            }
            jdbi.useTransaction(h -> CreditLeaseStore.releaseAll(h, nodeId));
        } catch (RuntimeException e) {
            log.error("metering could not flush on close; unwritten requests are lost", e);
        }
        if (!unwritten.isEmpty()) {
            log.error("metering closed with {} requests' rows unwritten; they are lost", unwritten.size());
        }
    }
}
