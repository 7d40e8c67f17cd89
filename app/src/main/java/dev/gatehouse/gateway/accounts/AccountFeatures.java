package dev.gatehouse.gateway.accounts;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PeriodicSweep;
import dev.gatehouse.gateway.audit.AuditRoutes;
import dev.gatehouse.gateway.credits.LedgerRoutes;
import dev.gatehouse.gateway.keys.KeyRoutes;
import io.javalin.Javalin;

import java.time.Clock;

/** Registers accounts, keys, the ledger and the audit trail on the gateway (issue 3): the one line GatewayServer calls. */
public final class AccountFeatures {
    private AccountFeatures() {}

    public static void register(Javalin app, Database db) {
        register(app, db, Clock.systemUTC());
    }

    public static void register(Javalin app, Database db, Clock clock) {
        new AccountRoutes(db.jdbi(), clock).register(app);
        new LedgerRoutes(db.jdbi()).register(app);
        new KeyRoutes(db.jdbi(), clock).register(app);
        new AuditRoutes(db.jdbi(), clock).register(app);
        // timed suspensions end while the server runs
        PeriodicSweep.whileServing(app, "suspension-expiry", 30, () -> SuspensionExpiry.sweep(db.jdbi(), clock));
    }
}
