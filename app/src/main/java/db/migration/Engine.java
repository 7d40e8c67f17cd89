package db.migration;

import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;

/** Which database a Java migration runs on: some physical choices differ between H2 and PostgreSQL. */
final class Engine {
    private Engine() {}

    static boolean isPostgres(Context context) throws SQLException {
        return context.getConnection().getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
}
