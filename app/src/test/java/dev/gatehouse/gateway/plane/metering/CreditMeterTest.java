package dev.gatehouse.gateway.plane.metering;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestDatabases;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.credits.CreditHolds;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.plane.Caller;
import dev.gatehouse.gateway.plane.Meter;
import dev.gatehouse.gateway.plane.PlaneRefusal;
import dev.gatehouse.gateway.pricing.MovableClock;
import dev.gatehouse.gateway.pricing.PricesInForce;
import dev.gatehouse.gateway.pricing.TestPrices;
import dev.gatehouse.policy.Money;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Pricing at the card in force, debits from leases, held credits, the 50-against-10 race on one and two nodes. */
class CreditMeterTest {
    /** 1,000 input tokens at 3.00 and 500 output tokens at 12.00 per 1M (base 2.00 / 8.00 × 1.5): 0.009000. */
    static final List<PricesInForce.Metered> LINES = List.of(
            new PricesInForce.Metered("input_mtok", null, new BigDecimal("1000")),
            new PricesInForce.Metered("output_mtok", null, new BigDecimal("500")));
    static final BigDecimal COST = new BigDecimal("0.009000");
    /**
     * The meters' clock and the charges' time: real time, since lease expiry and flush timing run on it here (moving it
     * by hand would race the flusher). The requests' instants come from the same clock the meter is given.
     */
    static final Clock CLOCK = Clock.systemUTC();
    static final Meter.Logged LOGGED = new Meter.Logged("mdl_meter", 200, 12, "hello, my card is 4111 1111 1111 1111");

    static Stream<TestDatabases.Kind> databases() {
        return TestDatabases.both();
    }

    private record Account(String accountId, Caller live, Caller test, String lotId) {}

    /** An account on {@code db} whose spendable balance is exactly {@code balance}, with a live and a test key. */
    private static Account account(Database db, BigDecimal balance) {
        var acct = TestAccounts.create(db, "Meter " + System.nanoTime(), "pro", "active", 3);
        Instant now = CLOCK.instant();
        if (balance.compareTo(Money.of("25")) < 0) {
            db.jdbi().useTransaction(h -> CreditStore.use(h, acct.accountId(), Money.of("25").subtract(balance), now, "test setup", "system"));
        }
        String lot = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM credit_lots WHERE account_id = :a").bind("a", acct.accountId())
                .mapTo(String.class).one());
        return new Account(acct.accountId(), new Caller(acct.keyIds().get(0), acct.accountId(), "live", "pro"),
                new Caller(acct.keyIds().get(2), acct.accountId(), "test", "pro"), lot);
    }

    private static BigDecimal balance(Database db, String accountId) {
        return db.jdbi().withHandle(h -> CreditStore.lockBalance(h, accountId).orElseThrow());
    }

    private static int count(Database db, String sql, String accountId) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).bind("a", accountId).mapTo(Integer.class).one());
    }

    @Test
    void chargesAtTheCardInForceFromTheSoonestExpiringLotAndWritesUsageAndRequestLog() {
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            Instant now = CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
            String soon = db.jdbi().withHandle(h -> CreditStore.addLot(h, a.accountId(), "promotion", Money.of("1"), Money.zero(),
                    now.plus(Duration.ofDays(3)), now, "system", "promo"));
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a")) {
                Meter.Charge c = meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now);
                assertThat(c.cost()).isEqualByComparingTo(COST);
                assertThat(c.requestId()).startsWith("req_");
                meter.flush();
                var usage = db.jdbi().withHandle(h -> h.createQuery("SELECT unit, quantity, unit_price, cost, first_line FROM usage_records "
                        + "WHERE request_id = :r ORDER BY unit").bind("r", c.requestId()).mapToMap().list());
                assertThat(usage).hasSize(2);
                assertThat((BigDecimal) usage.get(0).get("unit_price")).isEqualByComparingTo("3.00");
                assertThat((BigDecimal) usage.get(1).get("cost")).isEqualByComparingTo("0.006");
                var logged = db.jdbi().withHandle(h -> h.createQuery("SELECT http_status, cost, units, unit, prompt_excerpt FROM request_log "
                        + "WHERE id = :r").bind("r", c.requestId()).mapToMap().one());
                assertThat((BigDecimal) logged.get("cost")).isEqualByComparingTo(COST);
                assertThat((BigDecimal) logged.get("units")).isEqualByComparingTo("1500");
                assertThat(logged.get("unit")).isEqualTo("tokens");
                assertThat((String) logged.get("prompt_excerpt")).doesNotContain("4111 1111 1111 1111").startsWith("hello, my card is");
                // the promotion expiring in 3 days is drawn first; one ledger line for the flush
                var ledger = db.jdbi().withHandle(h -> h.createQuery("SELECT lot_id, amount FROM ledger_entries WHERE account_id = :a "
                        + "AND kind = 'usage' AND actor = 'system:plane'").bind("a", a.accountId()).mapToMap().list());
                assertThat(ledger).hasSize(1);
                assertThat(ledger.get(0).get("lot_id")).isEqualTo(soon);
                assertThat((BigDecimal) ledger.get(0).get("amount")).isEqualByComparingTo(COST.negate());
                assertThat(balance(db, a.accountId())).isEqualByComparingTo(new BigDecimal("25.991"));
            }
            // closed: every lease given back
            assertThat(count(db, "SELECT COUNT(*) FROM credit_leases WHERE account_id = :a", a.accountId())).isZero();
        }
    }

    @Test
    void testKeysSpendNothingButAreLogged() {
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("1"));
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a")) {
                for (int i = 0; i < 200; i++) {
                    assertThat(meter.charge(a.test(), "mdl_meter", LINES, LOGGED, CLOCK.instant()).cost()).isZero();
                }
            }
            assertThat(balance(db, a.accountId())).isEqualByComparingTo("1");
            assertThat(count(db, "SELECT COUNT(*) FROM usage_records WHERE account_id = :a", a.accountId())).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM request_log WHERE account_id = :a AND cost = 0", a.accountId())).isEqualTo(200);
        }
    }

    @Test
    void heldRefundCreditsCannotBeSpent() {
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            Instant now = CLOCK.instant();
            // a pending refund holds all but two requests' worth
            db.jdbi().useTransaction(h -> {
                CreditStore.lockBalance(h, a.accountId());
                assertThat(CreditHolds.hold(h, a.accountId(), a.lotId(), "rfd_test", Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(2))), now))
                        .isEmpty();
            });
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a")) {
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now);
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now);
                PlaneRefusal r = catchThrowableOfType(() -> meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now), PlaneRefusal.class);
                assertThat(r.status()).isEqualTo(402);
                assertThat(r.code()).isEqualTo("insufficient_quota");
            }
            assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(2))));
        }
    }

    @Test
    void aRefundHoldPlacedWhileANodeHoldsALeaseStopsItsSpendingAtTheNextFlush() {
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            Instant now = CLOCK.instant();
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a", Duration.ofHours(1))) {
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now); // leases a chunk of hundreds of requests
                meter.flush();
                assertThat(meter.held(a.accountId())[0]).isGreaterThan(COST.multiply(BigDecimal.valueOf(100)));
                // support files a refund: all but two requests' worth is held, and the audit trail moves with it
                BigDecimal spendableAfter = COST.multiply(BigDecimal.valueOf(2));
                db.jdbi().useTransaction(h -> {
                    BigDecimal balance = CreditStore.lockBalance(h, a.accountId()).orElseThrow();
                    assertThat(CreditHolds.hold(h, a.accountId(), a.lotId(), "rfd_test", balance.subtract(spendableAfter), now)).isEmpty();
                    AuditLog.append(h, new AuditLog.Draft(now, "op_support", "refund.create", "rfd_test", "test", null, null));
                });
                meter.flush(); // what the flusher does within 200 ms
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now);
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now);
                PlaneRefusal r = catchThrowableOfType(() -> meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now), PlaneRefusal.class);
                assertThat(r).as("the lease taken before the hold must not spend held credit").isNotNull();
                assertThat(r.status()).isEqualTo(402);
            }
            assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(3))));
            BigDecimal spendable = db.jdbi().withHandle(h -> CreditHolds.summary(h, a.accountId(), now).spendable());
            assertThat(spendable).isEqualByComparingTo("0");
        }
    }

    @Test
    void aReservationGivenBackAfterARefundHoldIsNotSpentWithoutACheck() {
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            Instant now = CLOCK.instant();
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a", Duration.ofHours(1))) {
                Meter.Charge video = meter.reserve(a.live(), "mdl_meter", LINES, now); // a task that may still fail
                meter.flush();
                // a refund holds everything spendable
                db.jdbi().useTransaction(h -> {
                    BigDecimal balance = CreditStore.lockBalance(h, a.accountId()).orElseThrow();
                    assertThat(CreditHolds.hold(h, a.accountId(), a.lotId(), "rfd_test", balance, now)).isEmpty();
                    AuditLog.append(h, new AuditLog.Draft(now, "op_support", "refund.create", "rfd_test", "test", null, null));
                });
                meter.flush();
                PlaneRefusal first = catchThrowableOfType(() -> meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now), PlaneRefusal.class);
                assertThat(first).isNotNull();
                assertThat(first.status()).isEqualTo(402);
                meter.release(video, a.live()); // the task failed: its reservation comes back to the lease
                PlaneRefusal second = catchThrowableOfType(() -> meter.charge(a.live(), "mdl_meter", LINES, LOGGED, now), PlaneRefusal.class);
                assertThat(second).as("credit reserved before the hold must not be spent after it").isNotNull();
                assertThat(second.status()).isEqualTo(402);
            }
            assertThat(balance(db, a.accountId())).isEqualByComparingTo("25");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void fiftyConcurrentRequestsAgainstABalanceForTenGetTenSuccesses(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open().get()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, COST.multiply(BigDecimal.TEN));
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a")) {
                assertThat(race(a, List.of(meter))).containsEntry(200, 10).containsEntry(402, 40);
            }
            assertThat(balance(db, a.accountId())).isEqualByComparingTo("0");
            assertThat(count(db, "SELECT COUNT(*) FROM usage_records WHERE account_id = :a AND first_line = TRUE", a.accountId())).isEqualTo(10);
        }
    }

    @Test
    void fiftyConcurrentRequestsAcrossTwoNodesOnOnePostgresGetTenSuccesses() throws Exception {
        String url = PostgresDatabase.freshUrl();
        try (Database one = Database.open(url, "postgres", null); Database two = Database.open(url, "postgres", null)) {
            TestPrices.chatModel(one, "mdl_meter", "2.00", "8.00");
            for (int round = 0; round < 3; round++) {
                Account a = account(one, COST.multiply(BigDecimal.TEN));
                try (CreditMeter nodeA = new CreditMeter(one.jdbi(), CLOCK, "node-a");
                     CreditMeter nodeB = new CreditMeter(two.jdbi(), CLOCK, "node-b")) {
                    assertThat(race(a, List.of(nodeA, nodeB))).containsEntry(200, 10).containsEntry(402, 40);
                }
                assertThat(balance(one, a.accountId())).isEqualByComparingTo("0");
            }
            // a large balance: both nodes lease chunks, and together never spend more than it holds
            Account rich = account(one, COST.multiply(BigDecimal.valueOf(400)));
            try (CreditMeter nodeA = new CreditMeter(one.jdbi(), CLOCK, "node-a");
                 CreditMeter nodeB = new CreditMeter(two.jdbi(), CLOCK, "node-b")) {
                Map<Integer, Integer> outcome = race(rich, List.of(nodeA, nodeB), 500);
                int served = outcome.get(200);
                // never more than the balance; a chunk a node still held as the race ended may go unspent
                assertThat(served).isBetween(390, 400);
                assertThat(outcome.get(402)).isEqualTo(500 - served);
                nodeA.close();
                nodeB.close();
                assertThat(balance(one, rich.accountId())).isEqualByComparingTo(COST.multiply(BigDecimal.valueOf(400 - served)));
            }
        }
    }

    private static Map<Integer, Integer> race(Account a, List<CreditMeter> nodes) throws Exception {
        return race(a, nodes, 50);
    }

    /** {@code n} requests at once, spread over the nodes in turn; counts of 200 and 402. */
    private static Map<Integer, Integer> race(Account a, List<CreditMeter> nodes, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                CreditMeter meter = nodes.get(i % nodes.size());
                Callable<Integer> request = () -> {
                    start.await();
                    try {
                        meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant());
                        return 200;
                    } catch (PlaneRefusal r) {
                        return r.status();
                    }
                };
                results.add(pool.submit(request));
            }
            start.countDown();
            Map<Integer, Integer> counts = new java.util.TreeMap<>();
            for (Future<Integer> f : results) {
                counts.merge(f.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void billingFollowsAScheduledPriceChangeAtItsEffectiveInstant() throws Exception {
        Instant start = Instant.parse("2026-10-01T12:00:00Z");
        MovableClock clock = new MovableClock(start);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            Database db = gw.db();
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            try (CreditMeter meter = new CreditMeter(db.jdbi(), clock, "node-a")) {
                // priced (and cached) before the change is scheduled
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, start).cost()).isEqualByComparingTo(COST);
                Instant effective = start.plus(Duration.ofDays(31));
                var r = gw.post(Role.OPS, "/admin/v1/price-changes", "{\"model_id\":\"mdl_meter\",\"lines\":[{\"unit\":\"input_mtok\","
                        + "\"base\":\"4.00\"},{\"unit\":\"output_mtok\",\"base\":\"8.00\"}],\"effective_at\":\"" + effective
                        + "\",\"reason\":\"Provider list price moved (ai-visual-studio §18)\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                meter.flush(); // a flush sees the audit head move and forgets its cards (the flusher would, within 200 ms)
                Instant justBefore = effective.minusMillis(1);
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, justBefore).cost()).isEqualByComparingTo(COST);
                // 1,000 input tokens at 6.00 per 1M now: 0.006 + 0.006, though no sweep has applied the change yet
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, effective).cost()).isEqualByComparingTo("0.012");
                meter.flush();
                var prices = db.jdbi().withHandle(h -> h.createQuery("SELECT unit_price FROM usage_records WHERE account_id = :a "
                        + "AND unit = 'input_mtok' ORDER BY at").bind("a", a.accountId()).mapTo(BigDecimal.class).list());
                assertThat(prices).extracting(BigDecimal::stripTrailingZeros)
                        .containsExactly(new BigDecimal("3"), new BigDecimal("3"), new BigDecimal("6"));
            }
        }
    }

    @Test
    void aDeadNodesLeaseLapsesAndItsUnflushedUsageIsTheOnlyLoss() {
        MovableClock clock = new MovableClock(Instant.parse("2026-10-01T12:00:00Z"));
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            CreditMeter dead = new CreditMeter(db.jdbi(), clock, "node-dead", Duration.ofHours(1));
            dead.charge(a.live(), "mdl_meter", LINES, LOGGED, clock.instant()); // leases a chunk of 25 / 8
            dead.halt(); // killed: no flush, no give-back
            // 24.00 of input: more than what node-dead left free while its lease stands
            List<PricesInForce.Metered> big = List.of(new PricesInForce.Metered("input_mtok", null, new BigDecimal("8000000")));
            try (CreditMeter live = new CreditMeter(db.jdbi(), clock, "node-live")) {
                PlaneRefusal r = catchThrowableOfType(() -> live.charge(a.live(), "mdl_meter", big, LOGGED, clock.instant()), PlaneRefusal.class);
                assertThat(r.status()).isEqualTo(402);
                clock.advance(CreditMeter.LEASE_TTL.plusSeconds(1));
                assertThat(live.charge(a.live(), "mdl_meter", big, LOGGED, clock.instant()).cost()).isEqualByComparingTo("24");
            }
            // the dead node's one request (0.009) was never debited: that is the durability window
            assertThat(balance(db, a.accountId())).isEqualByComparingTo("1");
        }
    }

    @Test
    void closeFlushesAndRowsLandWithinTheWindowWithoutIt() throws Exception {
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a");
            long t0 = System.nanoTime();
            meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant());
            while (count(db, "SELECT COUNT(*) FROM request_log WHERE account_id = :a", a.accountId()) == 0) {
                Thread.sleep(10);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("written by the flusher within the 1 s window").isLessThan(1_000);
            for (int i = 0; i < 5; i++) {
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant());
            }
            meter.close();
            assertThat(count(db, "SELECT COUNT(*) FROM request_log WHERE account_id = :a", a.accountId())).isEqualTo(6);
            assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(6))));
            assertThat(count(db, "SELECT COUNT(*) FROM credit_leases WHERE account_id = :a", a.accountId())).isZero();
            assertThat(catchThrowableOfType(() -> meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant()),
                    PlaneRefusal.class).status()).isEqualTo(503);
        }
    }

    @Test
    void requestIdsOfOneMillisecondDoNotCollide() {
        // 300,000 ids in one millisecond: with 30 random bits about 42 pairs would collide, with 80 none
        Instant at = Instant.parse("2026-10-01T12:00:00.123Z");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            String id = CreditMeter.requestId(at);
            assertThat(seen.add(id)).as("duplicate %s after %d ids", id, i).isTrue();
        }
        String id = CreditMeter.requestId(at);
        assertThat(id).startsWith("req_").hasSize(30).matches("req_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(dev.gatehouse.gateway.ids.PrefixedIds.millis(id)).isEqualTo(at.toEpochMilli());
    }

    @Test
    void aNodePausedPastTheSweepOfItsLeaseLeasesNoMoreThanIsFree() {
        Instant t0 = Instant.parse("2026-10-01T12:00:00Z");
        MovableClock clock = new MovableClock(t0);
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            try (CreditMeter nodeA = new CreditMeter(db.jdbi(), clock, "node-a", Duration.ofHours(1));
                 CreditMeter nodeB = new CreditMeter(db.jdbi(), clock, "node-b", Duration.ofHours(1))) {
                nodeA.charge(a.live(), "mdl_meter", LINES, LOGGED, t0); // leases a chunk of about 25 / 8
                nodeA.flush();
                assertThat(nodeA.held(a.accountId())[0]).isGreaterThan(Money.of("3"));
                // node-a pauses (a long GC, a suspended VM) for 2 minutes; node-b's sweep deletes node-a's lapsed row
                clock.advance(Duration.ofMinutes(2));
                db.jdbi().useTransaction(h -> CreditLeaseStore.sweep(h, "node-b", clock.instant().minus(Duration.ofMinutes(1))));
                assertThat(count(db, "SELECT COUNT(*) FROM credit_leases WHERE account_id = :a", a.accountId())).isZero();
                // node-a resumes: its local free credit is dropped and it leases afresh; the row holds all it may spend
                nodeA.charge(a.live(), "mdl_meter", LINES, LOGGED, clock.instant());
                BigDecimal[] held = nodeA.held(a.accountId());
                BigDecimal row = db.jdbi().withHandle(h -> CreditLeaseStore.mine(h, a.accountId(), "node-a"));
                assertThat(row).isEqualByComparingTo(held[0].add(held[1]).add(held[2]));
                BigDecimal spendable = Money.of("25").subtract(COST);
                // node-b may lease only what node-a does not hold: 22.50 of input does not fit beside node-a's chunk
                BigDecimal freeForB = spendable.subtract(row);
                assertThat(freeForB).isLessThan(Money.of("22.5"));
                List<PricesInForce.Metered> big = List.of(new PricesInForce.Metered("input_mtok", null, new BigDecimal("7500000")));
                PlaneRefusal r = catchThrowableOfType(() -> nodeB.charge(a.live(), "mdl_meter", big, LOGGED, clock.instant()), PlaneRefusal.class);
                assertThat(r).as("node-b must not lease credit node-a holds").isNotNull();
                assertThat(r.status()).isEqualTo(402);
                BigDecimal leased = db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM credit_leases WHERE account_id = :a")
                        .bind("a", a.accountId()).mapTo(BigDecimal.class).one());
                assertThat(leased).isLessThanOrEqualTo(spendable);
            }
            assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(2))));
        }
    }

    @Test
    void aRowTheDatabaseRefusesIsSetAsideAndTheRestIsWritten() {
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a", Duration.ofHours(1))) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    ids.add(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant()).requestId());
                }
                // a request_log row with the id of the fourth request is already there: its row can never be inserted
                String taken = ids.get(3);
                db.jdbi().useHandle(h -> h.execute("INSERT INTO request_log (id, key_id, account_id, model, at, http_status, latency_ms, "
                        + "units, unit, cost) VALUES (?, 'key_other', 'acct_other', 'm', CURRENT_TIMESTAMP, 200, 1, 0, 'tokens', 0)", taken));
                meter.flush();
                assertThat(meter.setAside()).isEqualTo(1);
                assertThat(meter.unwritten()).isZero();
                assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(7))));
                assertThat(count(db, "SELECT COUNT(*) FROM usage_records WHERE account_id = :a AND first_line = TRUE", a.accountId())).isEqualTo(7);
                assertThat(count(db, "SELECT COUNT(*) FROM request_log WHERE account_id = :a", a.accountId())).isEqualTo(6);
                assertThat(count(db, "SELECT COUNT(*) FROM request_log WHERE id = :a AND account_id = 'acct_other'", taken)).isEqualTo(1);
                // metering goes on: the next requests are written, the set-aside row is not tried again
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant());
                meter.flush();
                assertThat(meter.setAside()).isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM request_log WHERE account_id = :a", a.accountId())).isEqualTo(7);
                assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(8))));
            }
        }
    }

    @Test
    void whileTheDatabaseFailsRequestsAreServedAndTheirRowsWrittenWhenItAnswers() throws Exception {
        try (Database db = Database.inMemory()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a", Duration.ofHours(1))) {
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant()); // leases a chunk
                // the money transaction fails (a table it reads is gone): the request path's flush must not throw
                db.jdbi().useHandle(h -> h.execute("ALTER TABLE audit_head RENAME TO audit_head_away"));
                Thread.sleep(CreditMeter.MAX_UNWRITTEN.toMillis() + 50);
                assertThat(meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant()).cost()).isEqualByComparingTo(COST);
                meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant());
                assertThat(meter.unwritten()).isEqualTo(3);
                assertThat(count(db, "SELECT COUNT(*) FROM request_log WHERE account_id = :a", a.accountId())).isZero();
                // the money is written but the request log is not there: its rows wait, none is set aside
                db.jdbi().useHandle(h -> h.execute("ALTER TABLE audit_head_away RENAME TO audit_head"));
                db.jdbi().useHandle(h -> h.execute("ALTER TABLE request_log RENAME TO request_log_away"));
                meter.flush();
                assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(3))));
                assertThat(count(db, "SELECT COUNT(*) FROM usage_records WHERE account_id = :a AND first_line = TRUE", a.accountId())).isEqualTo(3);
                assertThat(meter.unwritten()).isEqualTo(3);
                db.jdbi().useHandle(h -> h.execute("ALTER TABLE request_log_away RENAME TO request_log"));
                meter.flush();
                assertThat(meter.unwritten()).isZero();
                assertThat(meter.setAside()).isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM request_log WHERE account_id = :a", a.accountId())).isEqualTo(3);
                assertThat(count(db, "SELECT COUNT(*) FROM usage_records WHERE account_id = :a AND first_line = TRUE", a.accountId())).isEqualTo(3);
                assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(3))));
            }
        }
    }

    @Test
    void aPromptWithANulIsStoredWithoutItOnPostgres() {
        // PostgreSQL refuses NUL in text; the request log's excerpt strips it (the plane also refuses it with a 400), so the
        // row is written and nothing is set aside (the set-aside path itself: aRowTheDatabaseRefusesIsSetAsideAndTheRestIsWritten)
        try (Database db = PostgresDatabase.fresh()) {
            TestPrices.chatModel(db, "mdl_meter", "2.00", "8.00");
            Account a = account(db, Money.of("25"));
            try (CreditMeter meter = new CreditMeter(db.jdbi(), CLOCK, "node-a", Duration.ofHours(1))) {
                String nul = meter.charge(a.live(), "mdl_meter", LINES, new Meter.Logged("mdl_meter", 200, 12, "nul \u0000 here"),
                        CLOCK.instant()).requestId();
                String good = meter.charge(a.live(), "mdl_meter", LINES, LOGGED, CLOCK.instant()).requestId();
                meter.flush();
                assertThat(meter.setAside()).isZero();
                List<String> logged = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM request_log WHERE account_id = :a")
                        .bind("a", a.accountId()).mapTo(String.class).list());
                assertThat(logged).containsExactlyInAnyOrder(nul, good);
                String excerpt = db.jdbi().withHandle(h -> h.createQuery("SELECT prompt_excerpt FROM request_log WHERE id = :id")
                        .bind("id", nul).mapTo(String.class).one());
                assertThat(excerpt).doesNotContain("\u0000").contains("here");
                assertThat(balance(db, a.accountId())).isEqualByComparingTo(Money.of("25").subtract(COST.multiply(BigDecimal.valueOf(2))));
            }
        }
    }
}
