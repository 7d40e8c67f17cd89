package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Prefix searches (accounts by name/email/domain, keys by prefix) are {@code LIKE 'x%'}. H2 answers them
 * from the plain indexes of V3; PostgreSQL only does when the database collation is C, so under any other
 * collation it needs {@code varchar_pattern_ops} indexes, which H2 has no syntax for. Hence Java, not SQL.
 */
public class V4__Prefix_search_indexes extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        if (!Engine.isPostgres(context)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE INDEX accounts_name_lower_like_idx ON accounts (name_lower varchar_pattern_ops)");
            s.execute("CREATE INDEX accounts_email_like_idx ON accounts (email varchar_pattern_ops)");
            s.execute("CREATE INDEX accounts_email_domain_like_idx ON accounts (email_domain varchar_pattern_ops)");
            s.execute("CREATE INDEX api_keys_prefix_like_idx ON api_keys (prefix varchar_pattern_ops)");
        }
    }
}
