package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestDatabases;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import dev.gatehouse.policy.ReportCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The system's own intake: joins the case, cites evidence, one audit entry by system:<detector>, never a duplicate. */
class AutomatedReportsTest {
    /** A fixed instant: the intake takes its time from the caller, never the wall clock. */
    private static final Instant NOW = Instant.parse("2026-11-02T10:15:30.123Z");

    static Stream<TestDatabases.Kind> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void filesJoinsTheCaseCitesEvidenceAndRefusesADuplicate(TestDatabases.Kind kind) {
        try (Database db = kind.open().get()) {
            var acct = TestAccounts.create(db, "Burst Co", "free", "active", 2);
            String key = acct.keyIds().get(0);
            Instant now = NOW;
            db.jdbi().useHandle(h -> RequestLogStore.insert(h, List.of(
                    new RequestLogStore.Row(PrefixedIds.next("req_", now), key, acct.accountId(), "openai/gpt-4.1",
                            now.minusSeconds(60), 429, 1, BigDecimal.ZERO, "tokens", BigDecimal.ZERO, "hello"),
                    new RequestLogStore.Row(PrefixedIds.next("req_", now), key, acct.accountId(), "openai/gpt-4.1",
                            now.minusSeconds(30), 429, 1, BigDecimal.ZERO, "tokens", BigDecimal.ZERO, "again"))));
            // an earlier report by a person opens the account's case; the automated one joins it
            var earlier = AutomatedReports.file(db.jdbi(), ReportCategory.SPAM, acct.accountId(), null, "spam seen", "spam-filter", now);
            long auditBefore = auditCount(db);

            var filed = AutomatedReports.file(db.jdbi(), ReportCategory.RATE_LIMIT_CIRCUMVENTION, acct.accountId(), key,
                    "50 refusals in 10 minutes", "rate-limits", now);

            assertThat(filed.opened()).isTrue();
            assertThat(filed.caseId()).isEqualTo(earlier.caseId());
            assertThat(filed.evidenceCited()).isEqualTo(2);
            assertThat(auditCount(db)).isEqualTo(auditBefore + 1);
            var audit = db.jdbi().withHandle(h -> h.createQuery("SELECT actor, action, target FROM audit_entries ORDER BY seq DESC LIMIT 1")
                    .mapToMap().one());
            assertThat(audit).containsEntry("actor", "system:rate-limits").containsEntry("action", "abuse_report.file")
                    .containsEntry("target", filed.reportId());
            var row = db.jdbi().withHandle(h -> ReportStore.find(h, filed.reportId())).orElseThrow();
            assertThat(row.reporterKind()).isEqualTo("automated");
            assertThat(row.reporterDetector()).isEqualTo("rate-limits");
            assertThat(row.severity()).isEqualTo("medium");
            assertThat(row.keyId()).isEqualTo(key);

            // the detector fires again: the same report, nothing written
            var again = AutomatedReports.file(db.jdbi(), ReportCategory.RATE_LIMIT_CIRCUMVENTION, acct.accountId(), key,
                    "still bursting", "rate-limits", now.plusSeconds(60));
            assertThat(again.opened()).isFalse();
            assertThat(again.reportId()).isEqualTo(filed.reportId());
            assertThat(auditCount(db)).isEqualTo(auditBefore + 1);

            // another key, or another category, is another report
            assertThat(AutomatedReports.file(db.jdbi(), ReportCategory.RATE_LIMIT_CIRCUMVENTION, acct.accountId(),
                    acct.keyIds().get(1), "other key", "rate-limits", now).opened()).isTrue();
            assertThat(AutomatedReports.file(db.jdbi(), ReportCategory.KEY_SHARING_RESALE, acct.accountId(), key,
                    "many places", "key-sharing", now).opened()).isTrue();

            // once resolved, a new episode opens a new report
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE abuse_reports SET state = 'resolved', unresolved = FALSE, resolved_at = :at "
                    + "WHERE id = :id").bind("at", now).bind("id", filed.reportId()).execute());
            var next = AutomatedReports.file(db.jdbi(), ReportCategory.RATE_LIMIT_CIRCUMVENTION, acct.accountId(), key,
                    "bursting again", "rate-limits", now.plusSeconds(3_600));
            assertThat(next.opened()).isTrue();
            assertThat(next.reportId()).isNotEqualTo(filed.reportId());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentDetectorsOpenOneReport(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open().get()) {
            var acct = TestAccounts.create(db, "Race Co", "free", "active", 1);
            String key = acct.keyIds().get(0);
            Instant now = NOW;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<AutomatedReports.Filed>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Callable<AutomatedReports.Filed> task = () -> {
                        start.await();
                        return AutomatedReports.file(db.jdbi(), ReportCategory.RATE_LIMIT_CIRCUMVENTION, acct.accountId(), key,
                                "burst", "rate-limits", now);
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                int opened = 0;
                for (var f : results) {
                    opened += f.get().opened() ? 1 : 0;
                }
                assertThat(opened).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            int reports = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE key_id = :k")
                    .bind("k", key).mapTo(Integer.class).one());
            assertThat(reports).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusesAKeyOfAnotherAccountAndAnUnknownAccount(TestDatabases.Kind kind) {
        try (Database db = kind.open().get()) {
            var a = TestAccounts.create(db, "Owner Co", "free", "active", 1);
            var b = TestAccounts.create(db, "Other Co", "free", "active", 1);
            Instant now = NOW;
            assertThatThrownBy(() -> AutomatedReports.file(db.jdbi(), ReportCategory.SPAM, b.accountId(), a.keyIds().get(0),
                    "x", "d", now)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to account");
            assertThatThrownBy(() -> AutomatedReports.file(db.jdbi(), ReportCategory.SPAM, "acct_nope", null, "x", "d", now))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no account");
            assertThat(auditCount(db)).isZero();
        }
    }

    private static long auditCount(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entries").mapTo(Long.class).one());
    }
}
