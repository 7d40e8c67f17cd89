package dev.gatehouse.gateway.plane.limits;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.plane.Caller;
import dev.gatehouse.gateway.plane.PlaneRefusal;
import dev.gatehouse.gateway.plane.RateLimits;
import dev.gatehouse.gateway.pricing.MovableClock;
import dev.gatehouse.gateway.tiers.TierStore;
import dev.gatehouse.policy.TierLimits;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every tier edge with the injected clock, the 429 headers, and one report for persistent 429s. */
class TierRateLimitsTest {
    /** A minute boundary, 12:00:00 UTC. */
    private static final Instant START = Instant.parse("2026-10-01T12:00:00Z");
    private static Database db;

    @BeforeAll
    static void open() {
        db = Database.inMemory();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private record Setup(TierRateLimits limits, MovableClock clock, Caller key, Caller other, Caller testKey) implements AutoCloseable {
        @Override
        public void close() {
            limits.close();
        }
    }

    /** An account of {@code tier} with two live keys and a test key, and a limiter on a clock of its own. */
    private static Setup setup(String tier, Instant start) {
        var acct = TestAccounts.create(db, "Limits " + tier + " " + System.nanoTime(), tier, "active", 3);
        MovableClock clock = new MovableClock(start);
        return new Setup(new TierRateLimits(db.jdbi(), clock, "node-a"), clock,
                new Caller(acct.keyIds().get(0), acct.accountId(), "live", tier),
                new Caller(acct.keyIds().get(1), acct.accountId(), "live", tier),
                new Caller(acct.keyIds().get(2), acct.accountId(), "test", tier));
    }

    /** Admits and closes {@code n} requests; returns the headers of the last. */
    private static RateLimits.Admission admitClosed(TierRateLimits rl, Caller c, Instant at, int n) {
        RateLimits.Admission last = null;
        for (int i = 0; i < n; i++) {
            last = rl.admit(c, at);
            last.close();
        }
        return last;
    }

    @ParameterizedTest(name = "{0}: {1} per minute, {2} per day")
    @CsvSource({"free, 10, 100", "starter, 60, 1000", "pro, 120, 10000"})
    void rpmEdgeOfEveryTier(String tier, int rpm, int rpd) {
        try (Setup s = setup(tier, START)) {
            Instant at = START.plusSeconds(15);
            RateLimits.Admission last = admitClosed(s.limits(), s.key(), at, rpm);
            assertThat(last.headers()).containsEntry("x-ratelimit-limit-requests", Integer.toString(rpm))
                    .containsEntry("x-ratelimit-remaining-requests", "0")
                    .containsEntry("x-ratelimit-reset-requests", "45s");
            PlaneRefusal r = catchThrowableOfType(() -> s.limits().admit(s.key(), at), PlaneRefusal.class);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.code()).isEqualTo("rate_limit_exceeded");
            assertThat(r.headers()).containsEntry("Retry-After", "45").containsEntry("x-ratelimit-remaining-requests", "0")
                    .containsEntry("x-ratelimit-limit-requests", Integer.toString(rpm));
            assertThat(r.getMessage()).contains("per minute").contains("limit " + rpm);
            // the last millisecond of the minute is still refused; the next minute starts over
            assertThatThrownBy(() -> s.limits().admit(s.key(), START.plusMillis(59_999))).isInstanceOf(PlaneRefusal.class);
            assertThat(s.limits().admit(s.key(), START.plusSeconds(60)).headers())
                    .containsEntry("x-ratelimit-remaining-requests", Integer.toString(Math.min(rpm - 1, rpd - rpm - 1)));
        }
    }

    @Test
    void headersCountDownInTheBindingWindow() {
        try (Setup s = setup("free", START)) {
            for (int i = 1; i <= 10; i++) {
                var a = s.limits().admit(s.key(), START.plusSeconds(30));
                a.close();
                assertThat(a.headers()).containsEntry("x-ratelimit-remaining-requests", Integer.toString(10 - i))
                        .containsEntry("x-ratelimit-limit-requests", "10").containsEntry("x-ratelimit-reset-requests", "30s");
            }
        }
    }

    @Test
    void freeRpdEdgeRefusesUntilTheNextUtcDay() {
        Instant day = Instant.parse("2026-10-02T00:00:00Z");
        try (Setup s = setup("free", day)) {
            for (int m = 0; m < 10; m++) {
                admitClosed(s.limits(), s.key(), day.plusSeconds(60L * m), 10);
            }
            Instant late = Instant.parse("2026-10-02T23:00:00Z");
            PlaneRefusal r = catchThrowableOfType(() -> s.limits().admit(s.key(), late), PlaneRefusal.class);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.getMessage()).contains("per day");
            assertThat(r.headers()).containsEntry("Retry-After", "3600").containsEntry("x-ratelimit-limit-requests", "100")
                    .containsEntry("x-ratelimit-reset-requests", "1h0m0s");
            s.limits().admit(s.key(), Instant.parse("2026-10-03T00:00:00Z")).close();
        }
    }

    @Test
    void concurrencyEdgeFreesASlotOnClose() {
        try (Setup s = setup("free", START)) {
            Instant at = START.plusSeconds(1);
            var first = s.limits().admit(s.key(), at);
            var second = s.limits().admit(s.key(), at);
            PlaneRefusal r = catchThrowableOfType(() -> s.limits().admit(s.key(), at), PlaneRefusal.class);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.getMessage()).contains("concurrent");
            assertThat(r.headers()).containsEntry("Retry-After", "1");
            first.close();
            first.close(); // closing twice frees one slot, not two
            var third = s.limits().admit(s.key(), at);
            assertThatThrownBy(() -> s.limits().admit(s.key(), at)).isInstanceOf(PlaneRefusal.class);
            second.close();
            third.close();
        }
    }

    @Test
    void limitsApplyPerAccountAcrossItsKeys() {
        try (Setup s = setup("free", START)) {
            Instant at = START.plusSeconds(5);
            admitClosed(s.limits(), s.key(), at, 6);
            admitClosed(s.limits(), s.other(), at, 4);
            PlaneRefusal r = catchThrowableOfType(() -> s.limits().admit(s.other(), at), PlaneRefusal.class);
            assertThat(r.getMessage()).contains("of this account");
            // the refused request took nothing: the next minute both keys have their whole limit
            admitClosed(s.limits(), s.other(), START.plusSeconds(60), 10);
        }
    }

    @Test
    void testKeysAreHeldToTheFreeTierOnAProAccount() {
        try (Setup s = setup("pro", START)) {
            Instant at = START.plusSeconds(5);
            admitClosed(s.limits(), s.testKey(), at, 10);
            PlaneRefusal r = catchThrowableOfType(() -> s.limits().admit(s.testKey(), at), PlaneRefusal.class);
            assertThat(r.headers()).containsEntry("x-ratelimit-limit-requests", "10");
            assertThat(r.getMessage()).contains("of this key");
            admitClosed(s.limits(), s.key(), at, 100); // the live key still has Pro's 120, less the test key's 10 on the account
            assertThatThrownBy(() -> admitClosed(s.limits(), s.key(), at, 11)).isInstanceOf(PlaneRefusal.class);
        }
    }

    @Test
    void enterpriseUsesItsCustomLimitsAndProWithoutThem() {
        try (Setup s = setup("enterprise", START)) {
            Instant at = START.plusSeconds(5);
            admitClosed(s.limits(), s.key(), at, 120); // no custom limits yet: Pro's 120
            assertThatThrownBy(() -> s.limits().admit(s.key(), at)).isInstanceOf(PlaneRefusal.class);
        }
        try (Setup s = setup("enterprise", START)) {
            db.jdbi().useTransaction(h -> TierStore.setCustom(h, s.key().accountId(), new TierLimits(7, 50, 3), "op_ops", START));
            Instant at = START.plusSeconds(5);
            var a = admitClosed(s.limits(), s.key(), at, 7);
            assertThat(a.headers()).containsEntry("x-ratelimit-limit-requests", "7");
            assertThatThrownBy(() -> s.limits().admit(s.key(), at)).isInstanceOf(PlaneRefusal.class);
            var held = new ArrayList<RateLimits.Admission>();
            Instant next = START.plusSeconds(65);
            for (int i = 0; i < 3; i++) {
                held.add(s.limits().admit(s.key(), next));
            }
            assertThat(catchThrowableOfType(() -> s.limits().admit(s.key(), next), PlaneRefusal.class).getMessage()).contains("concurrent");
            held.forEach(RateLimits.Admission::close);
        }
    }

    @Test
    void anAuditedTierChangeBitesWithinASecond() throws Exception {
        try (Setup s = setup("starter", START)) {
            Instant at = START.plusSeconds(5);
            admitClosed(s.limits(), s.key(), at, 3);
            Thread.sleep(400); // the first sync reads the audit head
            db.jdbi().useTransaction(h -> {
                TierStore.setTier(h, "starter", new TierLimits(4, 1000, 4), at);
                AuditLog.append(h, new AuditLog.Draft(at, "op_ops", "tier.update", "starter", "test", null, null));
            });
            long t0 = System.nanoTime();
            boolean refused = false;
            while (!refused && System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos()) {
                try {
                    s.limits().admit(s.key(), at).close();
                    s.limits().admit(s.key(), at).close();
                } catch (PlaneRefusal r) {
                    refused = true;
                    assertThat(r.headers()).containsEntry("x-ratelimit-limit-requests", "4");
                }
                Thread.sleep(20);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(refused).isTrue();
            assertThat(ms).isLessThan(1_000);
        } finally {
            db.jdbi().useTransaction(h -> TierStore.setTier(h, "starter", new TierLimits(60, 1_000, 5), START));
        }
    }

    @Test
    void aScheduledLimitChangeTakesEffectAtItsInstant() {
        try (Setup s = setup("enterprise", START)) {
            String acct = s.key().accountId();
            Instant effective = START.plus(Duration.ofDays(31));
            db.jdbi().useTransaction(h -> {
                TierStore.setCustom(h, acct, new TierLimits(20, 1000, 5), "op_ops", START);
                TierStore.insertChange(h, new TierStore.NewChange("lim_test" + System.nanoTime(), "account", acct, "scheduled",
                        "tightening", new TierLimits(20, 1000, 5), new TierLimits(5, 1000, 5), effective, START, effective,
                        "contract change", "op_ops", false, null));
            });
            admitClosed(s.limits(), s.key(), START.plusSeconds(1), 20);
            Instant before = effective.minusSeconds(30);
            admitClosed(s.limits(), s.key(), before, 20);
            // the sweep has not applied it; it is in force from its instant anyway
            var a = admitClosed(s.limits(), s.key(), effective, 5);
            assertThat(a.headers()).containsEntry("x-ratelimit-limit-requests", "5");
            assertThatThrownBy(() -> s.limits().admit(s.key(), effective)).isInstanceOf(PlaneRefusal.class);
        }
    }

    @Test
    void refusalsSpreadOverMoreThanTenMinutesOpenNoReport() {
        try (Setup s = setup("free", START)) {
            Instant at = START.plusSeconds(1);
            // both concurrency slots held: every further request is refused, whatever the minute
            var one = s.limits().admit(s.key(), at);
            var two = s.limits().admit(s.key(), at);
            for (int i = 0; i < 49; i++) {
                refuse(s, s.key(), at.plusSeconds(i));
            }
            // the 50th comes after the first 49 aged out of the ten minutes
            refuse(s, s.key(), at.plus(Duration.ofMinutes(11)));
            assertThat(reports(s.key().keyId())).isZero();
            for (int i = 0; i < 48; i++) {
                refuse(s, s.key(), at.plus(Duration.ofMinutes(11)).plusSeconds(1 + i));
            }
            assertThat(reports(s.key().keyId())).isZero();
            refuse(s, s.key(), at.plus(Duration.ofMinutes(12)));
            assertThat(reports(s.key().keyId())).isEqualTo(1);
            one.close();
            two.close();
        }
    }

    @Test
    void fiftyRefusalsWithinTenMinutesOpenExactlyOneReport() {
        try (Setup s = setup("free", START)) {
            Instant at = START.plusSeconds(1);
            admitClosed(s.limits(), s.key(), at, 10);
            admitClosed(s.limits(), s.other(), START.plusSeconds(61), 10);
            for (int i = 0; i < 49; i++) {
                refuse(s, s.key(), at.plusMillis(i));
            }
            assertThat(reports(s.key().keyId())).isZero();
            refuse(s, s.key(), at.plusMillis(50));
            assertThat(reports(s.key().keyId())).isEqualTo(1);
            // the key keeps going: 500 more refusals, still one report
            for (int i = 0; i < 500; i++) {
                refuse(s, s.key(), at.plusMillis(100 + i));
            }
            assertThat(reports(s.key().keyId())).isEqualTo(1);
            // even after the quiet period, while the report is unresolved
            admitClosed(s.limits(), s.key(), at.plus(Duration.ofMinutes(11)), 10);
            for (int i = 0; i < 60; i++) {
                refuse(s, s.key(), at.plus(Duration.ofMinutes(11)).plusMillis(i));
            }
            assertThat(reports(s.key().keyId())).isEqualTo(1);
            var row = db.jdbi().withHandle(h -> h.createQuery("SELECT category, reporter_kind, reporter_detector FROM abuse_reports "
                    + "WHERE key_id = :k").bind("k", s.key().keyId()).mapToMap().one());
            assertThat(row).containsEntry("category", "rate_limit_circumvention").containsEntry("reporter_kind", "automated")
                    .containsEntry("reporter_detector", "rate-limits");
            // the other key of the account, refused 50 times, gets its own
            for (int i = 0; i < 50; i++) {
                refuse(s, s.other(), START.plusSeconds(62).plusMillis(i));
            }
            assertThat(reports(s.other().keyId())).isEqualTo(1);
        }
    }

    @Test
    void refusalsSpreadOverGatewaysAreCountedInTheRequestLogTheyAllWrite() {
        try (Setup s = setup("free", START)) {
            Instant at = START.plusSeconds(1);
            // another gateway refused the key 45 times in the last minutes, and its request log says so
            db.jdbi().useHandle(h -> RequestLogStore.insert(h, java.util.stream.IntStream.range(0, 45)
                    .mapToObj(i -> new RequestLogStore.Row("req_elsewhere_" + i + "_" + System.nanoTime(), s.key().keyId(),
                            s.key().accountId(), "m", at.minusSeconds(60 + i), 429, 1, BigDecimal.ZERO, "tokens", BigDecimal.ZERO, null))
                    .toList()));
            var one = s.limits().admit(s.key(), at);
            var two = s.limits().admit(s.key(), at);
            // this gateway refuses it 4 times (and logs them, as the data plane does): 49 in all, no report yet
            for (int i = 0; i < 4; i++) {
                refuseAndLog(s, s.key(), at.plusSeconds(i));
            }
            s.limits().countAcrossNodes(at.plusSeconds(4));
            assertThat(reports(s.key().keyId())).isZero();
            // the 50th, counted at the next sync more than two seconds on: one report, though no gateway saw 50 itself
            refuseAndLog(s, s.key(), at.plusSeconds(5));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (reports(s.key().keyId()) == 0 && System.nanoTime() < deadline) {
                s.limits().countAcrossNodes(at.plusSeconds(6));
                sleep(100);
            }
            assertThat(reports(s.key().keyId())).isEqualTo(1);
            String text = db.jdbi().withHandle(h -> h.createQuery("SELECT description FROM abuse_reports WHERE key_id = :k")
                    .bind("k", s.key().keyId()).mapTo(String.class).one());
            assertThat(text).contains("was refused 50 times", "across the gateways");
            one.close();
            two.close();
        }
    }

    private static void refuseAndLog(Setup s, Caller c, Instant at) {
        refuse(s, c, at);
        db.jdbi().useHandle(h -> RequestLogStore.insert(h, List.of(new RequestLogStore.Row("req_here_" + System.nanoTime(), c.keyId(),
                c.accountId(), "m", at, 429, 1, BigDecimal.ZERO, "tokens", BigDecimal.ZERO, null))));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request that must be refused with 429. */
    private static void refuse(Setup s, Caller c, Instant at) {
        s.clock().set(at);
        PlaneRefusal r = catchThrowableOfType(() -> s.limits().admit(c, at).close(), PlaneRefusal.class);
        assertThat(r).as("refused at " + at).isNotNull();
        assertThat(r.status()).isEqualTo(429);
    }

    private static int reports(String keyId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE key_id = :k AND category = "
                + "'rate_limit_circumvention'").bind("k", keyId).mapTo(Integer.class).one());
    }
}
