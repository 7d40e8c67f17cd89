package dev.gatehouse.gateway.accounts;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.audit.AuditLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SuspensionExpiryTest {
    @Test
    void lapsedTimedSuspensionsAreReinstatedOnceWithAuditAndHistory() {
        try (Database db = Database.inMemory()) {
            Instant now = Instant.now();
            String lapsed = TestAccounts.create(db, "Lapsed Co", "free", "suspended", 0).accountId();
            String running = TestAccounts.create(db, "Running Co", "free", "suspended", 0).accountId();
            String open = TestAccounts.create(db, "Indefinite Co", "free", "suspended", 0).accountId();
            db.jdbi().useHandle(h -> {
                h.createUpdate("UPDATE accounts SET suspended_until = :t WHERE id = :id").bind("t", now.minus(Duration.ofMinutes(5))).bind("id", lapsed).execute();
                h.createUpdate("UPDATE accounts SET suspended_until = :t WHERE id = :id").bind("t", now.plus(Duration.ofHours(5))).bind("id", running).execute();
            });
            assertThat(SuspensionExpiry.liftLapsed(db.jdbi(), now)).isEqualTo(1);
            assertThat(SuspensionExpiry.liftLapsed(db.jdbi(), now)).isZero();
            db.jdbi().useHandle(h -> {
                assertThat(AccountStore.find(h, lapsed).orElseThrow().status()).isEqualTo("active");
                assertThat(AccountStore.find(h, lapsed).orElseThrow().suspendedUntil()).isNull();
                assertThat(AccountStore.find(h, lapsed).orElseThrow().version()).isEqualTo(2);
                assertThat(AccountStore.find(h, running).orElseThrow().status()).isEqualTo("suspended");
                assertThat(AccountStore.find(h, open).orElseThrow().status()).isEqualTo("suspended");
                var history = dev.gatehouse.gateway.enforcement.EnforcementStore.history(h, lapsed, null, 10);
                assertThat(history).singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo("reinstate");
                    assertThat(e.actor()).isEqualTo("system");
                });
            });
            var v = AuditLog.verify(db.jdbi());
            assertThat(v.ok()).isTrue();
            assertThat(v.entries()).isEqualTo(1);
        }
    }
}
