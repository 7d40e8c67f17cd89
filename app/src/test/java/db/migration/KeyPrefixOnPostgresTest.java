package db.migration;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PostgresDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL a key prefix page is one range of the (prefix, id) index, read in order: no sort of every match. */
class KeyPrefixOnPostgresTest {
    @Test
    void aBroadPrefixIsARangeOfTheIndexInItsOwnOrder() {
        try (Database db = PostgresDatabase.fresh()) {
            List<String> plan = db.jdbi().withHandle(h -> {
                h.execute("SET enable_seqscan = off"); // an empty table would otherwise just be scanned
                return h.createQuery("EXPLAIN SELECT id FROM api_keys WHERE prefix LIKE 'sk-test-%' ESCAPE '!' "
                        + "ORDER BY prefix, id LIMIT 51").mapTo(String.class).list();
            });
            String text = String.join("\n", plan);
            assertThat(text).contains("api_keys_prefix_idx").contains("Index Cond").doesNotContain("Sort");
        }
    }
}
