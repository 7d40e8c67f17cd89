package db.migration;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PostgresDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL each arm of an account search, tier or status filter included, is answered from its index alone. */
class AccountSearchOnPostgresTest {
    @ParameterizedTest
    @ValueSource(strings = {"name_lower", "email", "email_domain"})
    void aSearchArmNeedsNoHeapRows(String column) {
        try (Database db = PostgresDatabase.fresh()) {
            db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE accounts")); // an index-only scan needs the visibility map
            String plan = db.jdbi().withHandle(h -> {
                // an empty table would otherwise just be scanned; what is left is whether the index covers the query
                h.execute("SET enable_seqscan = off");
                h.execute("SET enable_bitmapscan = off");
                return String.join("\n", h.createQuery("EXPLAIN SELECT id FROM accounts WHERE " + column + " LIKE 'nor%' ESCAPE '!' "
                        + "AND LOWER(tier) = 'pro' AND LOWER(status) = 'active'").mapTo(String.class).list());
            });
            assertThat(plan).contains("Index Only Scan using accounts_" + column + "_like_idx");
        }
    }
}
