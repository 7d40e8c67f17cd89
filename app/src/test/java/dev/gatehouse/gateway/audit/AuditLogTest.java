package dev.gatehouse.gateway.audit;

import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.AuditVerification;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {
    static java.util.stream.Stream<TestDatabases.Kind> databases() {
        return TestDatabases.both();
    }

    private static void appendSome(Database db, int n) {
        for (int i = 0; i < n; i++) {
            int x = i;
            db.jdbi().useTransaction(h -> AuditLog.append(h, new AuditLog.Draft(Instant.now(), "op_test", "account.warn",
                    "acct_TEST" + x, "reason " + x, Map.of("status", "active"), Map.of("status", "warned", "n", x))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void chainVerifiesAndCatchesAnEditedRow(TestDatabases.Kind kind) {
        try (Database db = kind.open().get()) {
            assertThat(AuditLog.verify(db.jdbi())).isEqualTo(new AuditVerification(true, 0, null));
            appendSome(db, 6);
            assertThat(AuditLog.verify(db.jdbi())).isEqualTo(new AuditVerification(true, 6, null));
            db.jdbi().useHandle(h -> h.execute("UPDATE audit_entries SET reason = 'nothing to see' WHERE seq = 4"));
            assertThat(AuditLog.verify(db.jdbi())).isEqualTo(new AuditVerification(false, 6, 4L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void catchesAnEditedSnapshotAndADeletedRow(TestDatabases.Kind kind) {
        try (Database db = kind.open().get()) {
            appendSome(db, 5);
            db.jdbi().useHandle(h -> h.execute("UPDATE audit_entries SET after_json = '{\"status\":\"active\"}' WHERE seq = 2"));
            assertThat(AuditLog.verify(db.jdbi()).firstBroken()).isEqualTo(2L);
        }
        try (Database db = kind.open().get()) {
            appendSome(db, 5);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_entries WHERE seq = 3"));
            AuditVerification v = AuditLog.verify(db.jdbi());
            assertThat(v.ok()).isFalse();
            assertThat(v.entries()).isEqualTo(4);
            assertThat(v.firstBroken()).isEqualTo(4L);
        }
        try (Database db = kind.open().get()) {
            appendSome(db, 5);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_entries WHERE seq = 5"));
            assertThat(AuditLog.verify(db.jdbi())).isEqualTo(new AuditVerification(false, 4, 5L));
        }
    }

    @Test
    void entriesChainAndRoundTripTheirSnapshots() {
        try (Database db = Database.inMemory()) {
            AuditEntry a = db.jdbi().inTransaction(h -> AuditLog.append(h, new AuditLog.Draft(Instant.now(), "op_a", "key.revoke",
                    "key_X", "why", null, Map.of("status", "revoked"))));
            AuditEntry b = db.jdbi().inTransaction(h -> AuditLog.append(h, new AuditLog.Draft(Instant.now(), "op_b", "key.revoke",
                    "key_Y", null, Map.of("status", "active"), null)));
            assertThat(a.seq()).isEqualTo(1);
            assertThat(a.prevHash()).isEqualTo(AuditLog.GENESIS);
            assertThat(b.prevHash()).isEqualTo(a.hash());
            assertThat(a.after().get("status").asText()).isEqualTo("revoked");
            assertThat(a.before()).isNull();
            assertThat(AuditLog.verify(db.jdbi()).ok()).isTrue();
        }
    }

    /** Two gateway processes (two pools) appending to one PostgreSQL at once: the chain stays one chain. */
    @Test
    void concurrentAppendersOnOnePostgresCannotForkTheChain() throws Exception {
        String url = PostgresDatabase.freshUrl();
        try (Database one = Database.open(url, "postgres", null); Database two = Database.open(url, "postgres", null)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Void>> work = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Database db = i % 2 == 0 ? one : two;
                    work.add(() -> {
                        appendSome(db, 10);
                        return null;
                    });
                }
                for (var f : pool.invokeAll(work)) f.get();
            } finally {
                pool.shutdown();
            }
            assertThat(AuditLog.verify(one.jdbi())).isEqualTo(new AuditVerification(true, 80, null));
        }
    }

    /** Actions keep appending while a long walk runs: the walk ends past the head it read first, and that is no break. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void verifiesWhileActionsAppend(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open().get()) {
            List<AuditLog.Draft> drafts = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                drafts.add(new AuditLog.Draft(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), "op_seed", "account.warn",
                        "acct_S" + i, "seeded " + i, Map.of("status", "active"), Map.of("status", "warned")));
            }
            db.jdbi().useTransaction(h -> AuditLog.appendAll(h, drafts, new java.util.Random(1)));
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            ExecutorService appender = Executors.newSingleThreadExecutor();
            var appending = appender.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    appendSome(db, 1);
                    n++;
                    Thread.sleep(2);
                }
                return n;
            });
            try {
                for (int i = 0; i < 5; i++) {
                    assertThat(AuditLog.verify(db.jdbi())).as("walk %d", i).extracting(AuditVerification::ok).isEqualTo(true);
                }
            } finally {
                stop.set(true);
                appender.shutdown();
            }
            assertThat(appending.get()).isPositive();
            assertThat(AuditLog.verify(db.jdbi()).ok()).isTrue();
        }
    }
}
