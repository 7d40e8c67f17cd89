package db.migration;

import dev.gatehouse.gateway.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The newest-first pages of keys, accounts and the audit trail, as the stores query them, are read off an index in order. */
class NewestFirstOnH2Test {
    private static String plan(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery("EXPLAIN " + sql).mapTo(String.class).one());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT id FROM api_keys ORDER BY id DESC LIMIT 51",
            "SELECT id FROM api_keys WHERE mode = 'test' AND id < 'key_01M' ORDER BY id DESC LIMIT 51",
            "SELECT id FROM accounts ORDER BY id DESC LIMIT 51",
            "SELECT id FROM accounts WHERE id < 'acct_01M' ORDER BY id DESC LIMIT 51",
            "SELECT seq FROM audit_entries ORDER BY seq DESC LIMIT 51",
            "SELECT seq FROM audit_entries WHERE actor = 'op_lead' AND seq < 900 ORDER BY actor, seq DESC LIMIT 51",
            "SELECT seq FROM audit_entries WHERE action = 'key.suspend' ORDER BY action, seq DESC LIMIT 51",
            "SELECT seq FROM audit_entries WHERE target = 'key_01M' ORDER BY target, seq DESC LIMIT 51"})
    void pagesAreReadInIndexOrderNotSorted(String sql) {
        try (Database db = Database.inMemory()) {
            assertThat(plan(db, sql)).contains("index sorted");
        }
    }

    @Test
    void theForeignKeysToAccountsStillHold() {
        try (Database db = Database.inMemory()) {
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4, status, created_at) "
                            + "VALUES ('key_1', 'acct_none', 'k', 'live', 'h1', 'sk-live-abcd', 'wxyz', 'active', CURRENT_TIMESTAMP)")))
                    .hasMessageContaining("api_keys_account_fk");
        }
    }
}
