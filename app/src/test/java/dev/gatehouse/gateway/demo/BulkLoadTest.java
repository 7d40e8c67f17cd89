package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkLoadTest {
    private static final String ACCOUNT = "INSERT INTO accounts (id, name, name_lower, email, email_domain, status, tier, created_at) "
            + "VALUES ('acct_1', 'A', 'a', 'a@x.io', 'x.io', 'active', 'free', CURRENT_TIMESTAMP)";
    private static final String KEY = "INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4, status, created_at) "
            + "VALUES ('key_1', 'acct_1', 'k', 'live', 'h1', 'sk-live-abcd', 'wxyz', 'active', CURRENT_TIMESTAMP)";
    private static final String LEDGER = "INSERT INTO ledger_entries (id, account_id, at, kind, amount, balance_after, actor) "
            + "VALUES ('led_1', 'acct_1', CURRENT_TIMESTAMP, 'grant', 5, 5, 'system')";

    private static List<String> schema(Database db) {
        // index and constraint definitions only: row counts and sequence positions change with the load
        return db.jdbi().withHandle(h -> h.createQuery("SCRIPT NODATA").mapTo(String.class).list()).stream()
                .filter(line -> line.matches("(?s)^(CREATE (UNIQUE )?(NULLS DISTINCT )?INDEX|ALTER TABLE).*")).toList();
    }

    @Test
    void everyIndexAndForeignKeyIsBackAfterTheLoad() {
        try (Database db = Database.inMemory()) {
            List<String> before = schema(db);
            assertThat(before).anyMatch(line -> line.contains("api_keys_prefix_idx")).anyMatch(line -> line.contains("api_keys_account_fk"));
            BulkLoad.withoutIndexes(db.jdbi(), List.of(
                    new BulkLoad.Load(List.of("api_keys"), h -> h.execute(KEY)),
                    new BulkLoad.Load(List.of("accounts", "ledger_entries"), h -> {
                        h.execute(ACCOUNT);
                        h.execute(LEDGER);
                    })));
            assertThat(schema(db)).containsExactlyInAnyOrderElementsOf(before);
            int keys = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_keys WHERE secret_hash = 'h1'")
                    .mapTo(Integer.class).one());
            assertThat(keys).isEqualTo(1);
        }
    }

    @Test
    void theMemorySettingIsPutBack() {
        try (Database db = Database.inMemory()) {
            BulkLoad.withoutIndexes(db.jdbi(), List.of(new BulkLoad.Load(List.of("accounts"), h -> h.execute(ACCOUNT))));
            // SCRIPT lists the settings made with SET
            List<String> script = db.jdbi().withHandle(h -> h.createQuery("SCRIPT NODATA").mapTo(String.class).list());
            assertThat(script).noneMatch(line -> line.contains("MAX_MEMORY_ROWS 2000000"));
        }
    }

    private static int lockMode(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT LOCK_MODE()").mapTo(Integer.class).one());
    }

    @Test
    void tableLocksAreBackAfterTheLoadEvenWhenItFails() {
        try (Database db = Database.inMemory()) {
            int before = lockMode(db);
            assertThat(before).isNotZero();
            BulkLoad.withoutIndexes(db.jdbi(), List.of(new BulkLoad.Load(List.of("accounts"), h -> h.execute(ACCOUNT))));
            assertThat(lockMode(db)).isEqualTo(before);
            assertThatThrownBy(() -> BulkLoad.withoutIndexes(db.jdbi(), List.of(
                    new BulkLoad.Load(List.of("ledger_entries"), (Handle h) -> h.execute("INSERT INTO no_such_table VALUES (1)")))));
            assertThat(lockMode(db)).isEqualTo(before);
        }
    }

    @Test
    void theIndexesAreEnforcedAgainAfterwards() {
        try (Database db = Database.inMemory()) {
            BulkLoad.withoutIndexes(db.jdbi(), List.of(
                    new BulkLoad.Load(List.of("api_keys"), h -> h.execute(KEY)),
                    new BulkLoad.Load(List.of("accounts"), h -> h.execute(ACCOUNT))));
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(KEY.replace("'key_1'", "'key_2'"))))
                    .hasMessageContaining("API_KEYS_SECRET_HASH_IDX".toLowerCase());
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(KEY.replace("'key_1'", "'key_3'")
                    .replace("'h1'", "'h3'").replace("'acct_1'", "'acct_missing'"))))
                    .hasMessageContaining("api_keys_account_fk");
        }
    }

    @Test
    void aFailedLoadIsReported() {
        try (Database db = Database.inMemory()) {
            assertThatThrownBy(() -> BulkLoad.withoutIndexes(db.jdbi(), List.of(
                    new BulkLoad.Load(List.of("api_keys"), (Handle h) -> h.execute("INSERT INTO no_such_table VALUES (1)")))))
                    .hasMessageContaining("bulk load failed");
        }
    }
}
