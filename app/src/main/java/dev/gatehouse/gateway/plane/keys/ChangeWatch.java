package dev.gatehouse.gateway.plane.keys;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the plane's caches true across gateways without a message bus (issue 12 §2, §4): every {@value #POLL_MS} ms it
 * reads {@code audit_head.seq}, which moves on every audited mutation of any gateway sharing the database. When it moved,
 * it reads the new entries' action and target and drops what they touched: a key, an account's keys, or the catalog.
 * An admin mutation on this gateway polls at once before its answer is sent ({@link #pollNow}), so the same gateway
 * refuses a suspended key from the next request; another gateway refuses it within one poll (≤ {@value #POLL_MS} ms
 * plus a query).
 */
public final class ChangeWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeWatch.class);
    public static final long POLL_MS = 50;
    /** More new entries than this in one poll: drop everything rather than read them all. */
    static final int MAX_CHANGES = 500;
    /** The catalog is also read again this often, for changes no audit entry names (none known; a safety net). */
    static final long CATALOG_REFRESH_MS = 30_000;
    /** Actions that cannot change a key, an account's standing or the catalog: nothing to drop. */
    private static final Set<String> UNRELATED = Set.of("ticket.", "macros.", "operator.", "refund.", "appeal.file",
            "abuse_report.file", "abuse_report.comment", "abuse_report.claim", "abuse_report.release", "abuse_report.escalate",
            "price_change.schedule", "price_change.cancel", "policy.", "limits.", "tier.");

    private final Jdbi jdbi;
    private final CachedKeyDirectory keys;
    private final CachedCatalog catalog;
    private final ScheduledExecutorService timer;
    private long seen;
    private long lastCatalogLoad = System.nanoTime();
    static final int LAST_USED_EVERY = 20;
    private int polls;
    private volatile long lastWarning = System.nanoTime() - TimeUnit.MINUTES.toNanos(2);

    public ChangeWatch(Jdbi jdbi, CachedKeyDirectory keys, CachedCatalog catalog) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.catalog = catalog;
        this.seen = jdbi.withHandle(PlaneKeyStore::auditHead);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plane-change-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollQuietly, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** Reads the audit head now and drops what changed since the last poll. */
    public synchronized void pollNow() {
        long head = jdbi.withHandle(PlaneKeyStore::auditHead);
        if (head != seen) {
            List<PlaneKeyStore.Change> changes = jdbi.withHandle(h -> PlaneKeyStore.changesAfter(h, seen, MAX_CHANGES + 1));
            if (changes.size() > MAX_CHANGES || head < seen) {
                keys.dropAll();
                reloadCatalog();
            } else {
                boolean catalogChanged = false;
                for (PlaneKeyStore.Change c : changes) {
                    catalogChanged |= apply(c);
                }
                if (catalogChanged) {
                    reloadCatalog();
                }
            }
            seen = head;
        }
        if (System.nanoTime() - lastCatalogLoad > TimeUnit.MILLISECONDS.toNanos(CATALOG_REFRESH_MS)) {
            reloadCatalog();
        }
    }

    /** Every {@value #LAST_USED_EVERY} polls (about a second): the keys' last use, in one batch. */
    private void flushLastUsed() {
        if (++polls % LAST_USED_EVERY == 0) {
            keys.flushLastUsed();
        }
    }

    /** Drops what one entry touched; true when the catalog must be read again. */
    private boolean apply(PlaneKeyStore.Change c) {
        String target = c.target() == null ? "" : c.target();
        if (target.startsWith("key_")) {
            keys.dropKey(target);
            return false;
        }
        if (target.startsWith("acct_")) {
            keys.dropAccount(target);
            return false;
        }
        if (UNRELATED.stream().anyMatch(c.action()::startsWith)) {
            return false;
        }
        if (target.startsWith("mdl_") || c.action().startsWith("model.") || c.action().startsWith("catalog.")
                || c.action().startsWith("price_change.")) {
            return true;
        }
        keys.dropAll(); // an action this list does not know (an abuse decision, a new kind): assume the worst
        return true;
    }

    private void reloadCatalog() {
        catalog.reload();
        lastCatalogLoad = System.nanoTime();
    }

    private void pollQuietly() {
        try {
            pollNow();
            flushLastUsed();
        } catch (RuntimeException e) {
            // a database that is down would fail every poll: one line a minute says so
            if (!timer.isShutdown() && System.nanoTime() - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
                lastWarning = System.nanoTime();
                log.warn("plane cache poll failed; retrying every {} ms", POLL_MS, e);
            }
        }
    }

    /** Stops polling and waits for a poll under way, so the database can be closed after this. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            keys.flushLastUsed(); // the last second's uses, before the database closes
        } catch (RuntimeException e) {
            log.warn("could not write the keys' last use on close", e);
        }
    }
}
