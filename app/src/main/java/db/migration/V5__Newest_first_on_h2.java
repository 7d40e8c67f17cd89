package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Lists are newest first: {@code ORDER BY id DESC} (keys, accounts) and {@code seq DESC} (audit), then LIMIT.
 * PostgreSQL walks any B-tree backwards, so its ascending keys serve that order. H2 cannot: over a million keys it
 * scanned and sorted the whole table for the first page (0.8 s for {@code GET /keys}, 0.4 s with only a mode
 * filter). So on H2 the primary keys of accounts and keys are made descending, which costs nothing at insert time,
 * and the audit trail gets its newest-first indexes. Nothing else changes: the keys are the same columns.
 */
public class V5__Newest_first_on_h2 extends BaseJavaMigration {
    private static final String[] ACCOUNT_REFERENCES = {
            "api_keys:api_keys_account_fk", "credit_lots:credit_lots_account_fk",
            "ledger_entries:ledger_entries_account_fk", "enforcement_actions:enforcement_account_fk"};

    @Override
    public void migrate(Context context) throws Exception {
        if (Engine.isPostgres(context)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            // the foreign keys to accounts hang on its primary key, so they step aside while it is replaced
            for (String ref : ACCOUNT_REFERENCES) {
                s.execute("ALTER TABLE " + ref.split(":")[0] + " DROP CONSTRAINT " + ref.split(":")[1]);
            }
            s.execute("ALTER TABLE accounts DROP PRIMARY KEY");
            s.execute("ALTER TABLE accounts ADD CONSTRAINT accounts_pk PRIMARY KEY (id DESC)");
            for (String ref : ACCOUNT_REFERENCES) {
                s.execute("ALTER TABLE " + ref.split(":")[0] + " ADD CONSTRAINT " + ref.split(":")[1]
                        + " FOREIGN KEY (account_id) REFERENCES accounts (id)");
            }
            s.execute("ALTER TABLE api_keys DROP PRIMARY KEY");
            s.execute("ALTER TABLE api_keys ADD CONSTRAINT api_keys_pk PRIMARY KEY (id DESC)");
            // seq stays the audit table's row key (the chain is verified in seq order); these serve the newest-first list
            s.execute("CREATE INDEX audit_entries_newest_idx ON audit_entries (seq DESC)");
            for (String column : new String[] {"actor", "target", "action"}) {
                s.execute("DROP INDEX audit_entries_" + column + "_idx");
                s.execute("CREATE INDEX audit_entries_" + column + "_idx ON audit_entries (" + column + ", seq DESC)");
            }
        }
    }
}
