package dev.gatehouse.gateway;

import dev.gatehouse.api.Health;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.abuse.AbuseRoutes;
import dev.gatehouse.gateway.abuse.AppealRoutes;
import dev.gatehouse.gateway.accounts.AccountRoutes;
import dev.gatehouse.gateway.accounts.AccountStore;
import dev.gatehouse.gateway.audittrail.AuditTrailRoutes;
import dev.gatehouse.gateway.catalog.CatalogRoutes;
import dev.gatehouse.gateway.contract.ContractRoutes;
import dev.gatehouse.gateway.credits.LedgerRoutes;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Idempotency;
import dev.gatehouse.gateway.http.JettyProblemErrors;
import dev.gatehouse.gateway.http.OperatorAuth;
import dev.gatehouse.gateway.http.ProblemResponses;
import dev.gatehouse.gateway.http.RequestLine;
import dev.gatehouse.gateway.http.SignInThrottle;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.gateway.keys.KeyRoutes;
import dev.gatehouse.gateway.requestlog.RequestLogRetention;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.gateway.team.OperatorRoutes;
import dev.gatehouse.gateway.support.TicketRoutes;
import dev.gatehouse.gateway.session.SessionRoutes;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.plane.PlaneEnforcement;
import dev.gatehouse.gateway.plane.limits.TierRateLimits;
import dev.gatehouse.gateway.plane.metering.CreditMeter;
import dev.gatehouse.gateway.plane.PlaneErrorDialect;
import dev.gatehouse.gateway.plane.PlaneRoutes;
import dev.gatehouse.gateway.plane.PromptReports;
import dev.gatehouse.gateway.plane.VideoTasks;
import dev.gatehouse.gateway.plane.keys.CachedCatalog;
import dev.gatehouse.gateway.plane.keys.CachedKeyDirectory;
import dev.gatehouse.gateway.plane.keys.ChangeWatch;
import dev.gatehouse.gateway.pricing.PricingRoutes;
import dev.gatehouse.gateway.tiers.TierRoutes;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;

import java.time.Clock;
import java.util.List;

/** The gateway's HTTP server: admin API under /admin/v1, health outside it. */
public final class GatewayServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    private final Database db;
    private final Javalin app;
    private final String mode;
    private final Routes routes;
    /** The demo's traffic simulator, once one drives this gateway (issue 12); empty in team mode. */
    private final dev.gatehouse.gateway.demo.SimulatorSlot simulator = new dev.gatehouse.gateway.demo.SimulatorSlot();
    private static final PlaneErrorDialect PLANE_ERRORS = new PlaneErrorDialect();
    private final ChangeWatch planeWatch;
    private final PlaneEnforcement plane;
    private final PromptReports planeReports;

    public GatewayServer(Database db, String mode) {
        this(db, mode, Clock.systemUTC());
    }

    /** {@code clock} is the gateway's one source of time: tests move it to cross SLA, refund and notice deadlines. */
    public GatewayServer(Database db, String mode, Clock clock) {
        this(db, mode, clock, standardPlane(db, clock));
    }

    /** The data plane's real rate limits and metering (plane/limits, plane/metering), under a node id of this process. */
    public static PlaneEnforcement standardPlane(Database db, Clock clock) {
        String node = PrefixedIds.next("node_", clock.instant());
        return new PlaneEnforcement(new TierRateLimits(db.jdbi(), clock, node), new CreditMeter(db.jdbi(), clock, node));
    }

    /**
     * {@code plane} is the data plane's rate limiting and metering, closed with the server; null serves no /v1 (tests of
     * the admin API that need no data plane).
     */
    public GatewayServer(Database db, String mode, Clock clock, PlaneEnforcement plane) {
        this.db = db;
        this.mode = mode;
        OperatorStore operators = new OperatorStore(db.jdbi(), clock);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = 1L << 20;
            cfg.http.prefer405over404 = true;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrors(clock, List.of(PLANE_ERRORS))));
            // Jetty's per-connection header cache matched values ignoring case: a token differing only in case
            // was accepted on a connection that had carried the real one
            cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            cfg.router.mount(router -> router.before(RequestLine::check));
        });
        ProblemResponses.register(app, List.of(PLANE_ERRORS));
        app.get("/healthz", ctx -> ctx.json(new Health("ok", VERSION, db.product())));
        app.before("/admin/v1/*", new OperatorAuth(operators, new SignInThrottle(clock)));
        this.routes = new Routes(app, db.jdbi(), clock);
        for (Feature feature : features(db, mode, clock, simulator)) {
            feature.register(routes);
            feature.sweeps().forEach(s -> PeriodicSweep.whileServing(app, s.name(), s.periodSeconds(), s.work()));
        }
        // data plane /v1 (issue 12)
        this.plane = plane;
        this.planeReports = plane == null ? null : new PromptReports(db.jdbi());
        this.planeWatch = plane == null ? null : plane(db, clock, plane);

        PeriodicSweep.whileServing(app, "idempotency-expiry", 3600, () -> Idempotency.forgetExpired(db.jdbi(), clock.instant()));
    }

    /** The data plane: cached keys and catalog kept true by one change watch, its routes, the video sweep. */
    private ChangeWatch plane(Database db, Clock clock, PlaneEnforcement enforcement) {
        CachedKeyDirectory keys = new CachedKeyDirectory(db.jdbi());
        CachedCatalog catalog = new CachedCatalog(db.jdbi());
        ChangeWatch watch = new ChangeWatch(db.jdbi(), keys, catalog);
        // video reservations live in the meter's memory: tasks remember the node that made them (V20)
        VideoTasks videos = new VideoTasks(db.jdbi(), enforcement.meter(), catalog,
                enforcement.meter() instanceof CreditMeter credit ? credit.nodeId() : null);
        new PlaneRoutes(keys, catalog, enforcement.limits(), enforcement.meter(), videos, planeReports, clock).register(app);
        // an admin change on this gateway drops what it touched before its answer is sent: refused from the next request
        app.after("/admin/v1/*", ctx -> {
            if (!ctx.method().equals(HandlerType.GET) && ctx.statusCode() < 400) {
                try {
                    watch.pollNow();
                } catch (RuntimeException e) {
                    // the change has committed and must be answered as done; the 50 ms poll catches up with it
                    org.slf4j.LoggerFactory.getLogger(GatewayServer.class).warn("data plane change watch could not poll after {}", ctx.path(), e);
                }
            }
        });
        PeriodicSweep.whileServing(app, "plane-videos", 1, () -> videos.sweep(clock.instant()));
        return watch;
    }

    /**
     * Bench only ({@code bench plane}, issue 12 §5, plane-enforce): serves {@code handler} at POST {@code path} on this
     * server's own app, so the bare endpoint the data plane is compared with runs in the same server. Call before start.
     */
    public GatewayServer benchRoute(String path, io.javalin.http.Handler handler) {
        app.post(path, handler);
        return this;
    }

    private static void closeQuietly(Object part) {
        if (part instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(GatewayServer.class).warn("closing {} failed", part.getClass().getSimpleName(), e);
            }
        }
    }

    private static List<Feature> features(Database db, String mode, Clock clock, dev.gatehouse.gateway.demo.SimulatorSlot simulator) {
        return List.of(
                new SessionRoutes(mode, VERSION),
                new CatalogRoutes(db.jdbi()),
                new AccountRoutes(db.jdbi(), clock),
                new LedgerRoutes(db.jdbi(), AccountStore::find),
                new KeyRoutes(db.jdbi(), AccountStore::find),
                new AuditTrailRoutes(db.jdbi(), clock),
                new OperatorRoutes(db.jdbi(), clock),
                // abuse and appeals (issue 9)
                new AbuseRoutes(db.jdbi(), clock),
                new AppealRoutes(db.jdbi()),
                new RequestLogRetention(db.jdbi(), clock),
                //
                // support tickets and macros (issue 10)
                new TicketRoutes(db.jdbi(), clock, AccountStore::find),
                // refunds and policy (issue 10)
                new dev.gatehouse.gateway.refunds.RefundRoutes(db.jdbi(), clock, new dev.gatehouse.gateway.refunds.SimulatedPayouts()),
                new dev.gatehouse.gateway.settings.PolicyRoutes(db.jdbi(), dev.gatehouse.gateway.refunds.RefundWorkflow::reevaluateOpen),
                //
                // pricing and tiers (issue 11)
                new PricingRoutes(db.jdbi(), clock),
                new TierRoutes(db.jdbi(), clock),
                new dev.gatehouse.gateway.pricing.VolumeDiscountRoutes(db.jdbi(), clock),
                // key issuance and simulator control (issue 12)
                new dev.gatehouse.gateway.keys.KeyIssuanceRoutes(),
                new dev.gatehouse.gateway.demo.SimulatorRoutes(simulator),

                // team platform: accounts, credits, import (issue 13)
                new dev.gatehouse.gateway.accounts.AccountOpeningRoutes(),
                new dev.gatehouse.gateway.credits.CreditGrants(db.jdbi(),
                        () -> db.jdbi().withHandle(dev.gatehouse.gateway.settings.PolicyStore::settings)),
                new dev.gatehouse.gateway.catalogimport.CatalogImportRoutes(
                        () -> db.jdbi().withHandle(dev.gatehouse.gateway.settings.PolicyStore::settings),
                        java.util.Optional.of(new dev.gatehouse.gateway.catalogimport.ScheduledByPricing())),
                //
                new ContractRoutes());
    }

    /** Every admin route as declared with its rails. */
    public List<Routes.Declared> declaredRoutes() {
        return routes.declared();
    }

    /** Every endpoint Javalin serves, as "METHOD path" (before/after filters left out), declared or not. */
    public List<String> registeredEndpoints() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> e.getEndpoint())
                .filter(e -> e.getMethod().isHttpMethod())
                .map(e -> e.getMethod() + " " + e.getPath())
                .toList();
    }

    /** Where a traffic simulator driving this gateway is attached, for the admin API to pause and read it. */
    public dev.gatehouse.gateway.demo.SimulatorSlot simulator() {
        return simulator;
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

    @Override
    public void close() {
        app.stop();
        if (planeWatch != null) {
            planeWatch.close();
        }
        if (planeReports != null) {
            planeReports.close();
        }
        if (plane != null) { // limits give back grants and slots, the meter flushes: before the database closes
            closeQuietly(plane.limits());
            closeQuietly(plane.meter());
        }
        db.close();
    }
}
