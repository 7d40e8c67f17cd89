package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataTest {
    @Test
    void aDurableDemoIsSeededOnceAndReusedWithNewTokens(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("demo");
        DemoData.Seeded first;
        long accounts;
        try (Database db = Database.open(url, "sa", "")) {
            first = DemoData.seedOrReuse(db, 7, DemoScale.SMALL);
            assertThat(first.reused()).isFalse();
            accounts = count(db, "accounts");
            assertThat(accounts).isEqualTo(2_000);
        }
        try (Database db = Database.open(url, "sa", "")) {
            db.jdbi().useHandle(h -> h.execute("UPDATE accounts SET name = 'Kept Across Restarts' WHERE id = (SELECT MIN(id) FROM accounts)"));
            DemoData.Seeded again = DemoData.seedOrReuse(db, 7, DemoScale.SMALL);
            assertThat(again.reused()).isTrue();
            assertThat(count(db, "accounts")).isEqualTo(accounts);
            long kept = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts WHERE name = 'Kept Across Restarts'")
                    .mapTo(Long.class).one());
            assertThat(kept).isEqualTo(1);
            OperatorStore operators = new OperatorStore(db.jdbi());
            for (Role r : Role.values()) {
                assertThat(again.tokens().get(r)).isNotEqualTo(first.tokens().get(r));
                assertThat(operators.findByToken(again.tokens().get(r))).get().extracting(o -> o.role()).isEqualTo(r);
                assertThat(operators.findByToken(first.tokens().get(r))).isEmpty();
            }
        }
    }

    @Test
    void aDatabaseHoldingOtherDataIsRefused(@TempDir Path dir) {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("team"), "sa", "")) {
            new OperatorStore(db.jdbi()).create("op_bootstrap", "Bootstrap lead", "lead@localhost", Role.LEAD);
            assertThatThrownBy(() -> DemoData.seedOrReuse(db, 7, DemoScale.SMALL))
                    .isInstanceOf(DemoData.NotADemoDatabase.class).hasMessageContaining("empty database");
            assertThat(count(db, "accounts")).isZero();
        }
    }

    private static long count(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
