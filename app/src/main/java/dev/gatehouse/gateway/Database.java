package dev.gatehouse.gateway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

import java.util.UUID;

/** The gateway's database: a HikariCP pool, Flyway-migrated, used through JDBI. H2 or PostgreSQL. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** H2 in PostgreSQL mode so one set of migrations and queries serves both databases. */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String product;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbi = Jdbi.create(dataSource);
        this.product = jdbi.withHandle(h -> {
            try {
                return h.getConnection().getMetaData().getDatabaseProductName();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read database metadata", e);
            }
        });
        int delay = h2WriteDelayMillis();
        if (delay > 0) {
            log.warn("H2 WRITE_DELAY={} ms: actions acknowledged in the last {} ms before a crash will be lost; drop WRITE_DELAY "
                    + "from the URL to write every commit before answering", delay, delay);
        }
    }

    /** H2's effective WRITE_DELAY (how long a commit may stay unwritten after it returns); 0 on PostgreSQL. */
    int h2WriteDelayMillis() {
        if (!product.equals("H2")) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                .mapTo(String.class).findOne().map(Integer::parseInt).orElse(0));
    }

    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(withH2Options(jdbcUrl));
        if (user != null) cfg.setUsername(user);
        if (password != null) cfg.setPassword(password);
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // a JDBC batch goes over as multi-row INSERTs instead of one round trip per row (the large seed, the audit)
            cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        cfg.setMaximumPoolSize(Integer.getInteger("gatehouse.db.pool", 16));
        cfg.setPoolName("gatehouse");
        return new Database(new HikariDataSource(cfg));
    }

    /** A private in-memory H2 database, gone when closed. */
    public static Database inMemory() {
        return open("jdbc:h2:mem:gatehouse-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static String defaultFileUrl() {
        return "jdbc:h2:file:" + System.getProperty("user.home") + "/.gatehouse/gateway";
    }

    static String withH2Options(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        String options = upper.contains(";MODE=") ? "" : H2_OPTIONS;
        // H2 writes a commit to its file up to WRITE_DELAY (500 ms) after answering it, so a killed gateway loses
        // actions it acknowledged (issue 8). At 0 every commit is in the file before commit() returns; an explicit
        // WRITE_DELAY in the URL is the operator's own trade and is kept.
        if (!upper.contains(";WRITE_DELAY=")) {
            options += ";WRITE_DELAY=0";
        }
        // H2 gives up on a row lock after 2 s and the request fails; twenty twins of one Idempotency-Key wait on the
        // first one's row, which on a loaded machine can take longer. PostgreSQL waits without a limit.
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            options += ";LOCK_TIMEOUT=10000";
        }
        return url + options;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** "H2" or "PostgreSQL". */
    public String product() {
        return product;
    }

    public boolean isPostgres() {
        return product.toLowerCase().contains("postgres");
    }

    @Override
    public void close() {
        if (product.equals("H2") && dataSource.getJdbcUrl().startsWith("jdbc:h2:mem:")) {
            // SHUTDOWN closes the connection it runs on, so H2 then reports "already closed" (90121)
            // to whoever touches it next (JDBI, the pool); that is the success case here.
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (java.sql.SQLException e) {
                if (e.getErrorCode() != 90121) {
                    throw new IllegalStateException("cannot shut down the in-memory database", e);
                }
            }
        }
        dataSource.close();
    }
}
