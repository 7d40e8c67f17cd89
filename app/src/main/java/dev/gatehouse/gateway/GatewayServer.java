package dev.gatehouse.gateway;

import dev.gatehouse.api.Health;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.http.Idempotency;
import dev.gatehouse.gateway.http.JettyProblemErrors;
import dev.gatehouse.gateway.http.OperatorAuth;
import dev.gatehouse.gateway.http.ProblemResponses;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.gateway.session.SessionRoutes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;

import java.time.Instant;

/** The gateway's HTTP server: admin API under /admin/v1, health outside it. */
public final class GatewayServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    private final Database db;
    private final Javalin app;
    private final String mode;

    public GatewayServer(Database db, String mode) {
        this.db = db;
        this.mode = mode;
        OperatorStore operators = new OperatorStore(db.jdbi());
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = 1L << 20;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrors()));
        });
        ProblemResponses.register(app);
        app.get("/healthz", ctx -> ctx.json(new Health("ok", VERSION, db.product())));
        app.before("/admin/v1/*", new OperatorAuth(operators));
        new SessionRoutes(mode).register(app);
        new dev.gatehouse.gateway.catalog.CatalogRoutes(db.jdbi()).register(app);
        dev.gatehouse.gateway.accounts.AccountFeatures.register(app, db);
        new dev.gatehouse.gateway.contract.ContractRoutes().register(app);
        PeriodicSweep.whileServing(app, "idempotency-expiry", 3600, () -> Idempotency.forgetExpired(db.jdbi(), Instant.now()));
    }

    public GatewayServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public String mode() {
        return mode;
    }

    public Database database() {
        return db;
    }

    /** The Javalin app, for tests that enumerate its routes. */
    Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
        db.close();
    }
}
