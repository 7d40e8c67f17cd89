package dev.gatehouse;

import dev.gatehouse.console.app.ConsoleLauncher;
import dev.gatehouse.console.shell.DemoPlatform;
import dev.gatehouse.console.shell.LaunchOptions;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.demo.DemoData;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.gateway.demo.DemoScale;
import dev.gatehouse.gateway.demo.TrafficSimulator;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Entry point: {@code console} (default) | {@code gateway}. A plain class, so the jar can launch JavaFX. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "Gatehouse " + GatewayServer.VERSION,
        description = "Operations console and gateway for a unified AI API platform.",
        subcommands = {Gatehouse.ConsoleCommand.class, Gatehouse.GatewayCommand.class, Gatehouse.BenchCommand.class})
public final class Gatehouse implements Callable<Integer> {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Gatehouse());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        int code = cli.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** No subcommand: the console in demo mode. */
    @Override
    public Integer call() {
        return new ConsoleCommand().call();
    }

    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "Open the console. Without --url it starts the embedded demo platform and connects to it.")
    static final class ConsoleCommand implements Callable<Integer> {
        @Option(names = "--url", description = "Base URL of the platform, e.g. https://gateway.example.com")
        String url;

        @Option(names = "--token", description = "Operator token (default: $GATEHOUSE_TOKEN)")
        String token = System.getenv("GATEHOUSE_TOKEN");

        @Option(names = "--theme", description = "light or dark (default: light)")
        String theme = "light";

        @Option(names = "--role", description = "Demo mode: the role to sign in as (viewer, support, trust_safety, ops, lead; default lead)")
        String role = "lead";

        @Option(names = "--demo-db", description = "Demo mode: keep the demo platform in this H2 file (a path, e.g. ~/gatehouse-demo/gw), "
                + "seeded on first use and reused after, so changes survive restarts")
        java.nio.file.Path demoDb;

        @Option(names = "--no-simulate", negatable = false, description = "Demo mode: no traffic simulator (by default it drives the demo's "
                + "data plane so queues fill while you watch)")
        boolean noSimulate;

        @Option(names = "--rps", description = "Demo mode: the simulator's requests per second at the busiest hour (default: ${DEFAULT-VALUE})")
        double rps = DEFAULT_CONSOLE_RPS;

        @Option(names = "--area", description = "The area to open after signing in: catalog, pricing, tiers, abuse, keys, "
                + "accounts, refunds, support or team (default: the first), optionally on a subject it understands: "
                + "support/tkt_…, refunds/rfd_…, pricing/<model slug>")
        String area;

        @Override
        public Integer call() {
            String areaId = area == null ? null : area.split("/", 2)[0];
            if (area != null && dev.gatehouse.console.app.ConsoleAreas.all().stream().noneMatch(a -> a.id().equals(areaId) && a.built())) {
                System.err.println("--area must be one of catalog, pricing, tiers, abuse, keys, accounts, refunds, support, team");
                return 2;
            }
            if (Role.fromWire(role).isEmpty()) {
                System.err.println("--role must be one of viewer, support, trust_safety, ops, lead");
                return 2;
            }
            if (demoDb != null && url != null) {
                System.err.println("--demo-db is for demo mode; drop it or --url");
                return 2;
            }
            if (!(rps > 0) || rps > 500) {
                System.err.println("--rps must be more than 0 and at most 500");
                return 2;
            }
            String demoUrl = demoDb == null ? null : "jdbc:h2:file:" + demoDb.toAbsolutePath();
            TrafficSimulator.Options simulate = noSimulate ? null : new TrafficSimulator.Options(rps, DemoGateway.DEFAULT_SEED);
            ConsoleLauncher.launch(new LaunchOptions(url, token, theme, role, area), () -> startEmbeddedDemo(demoUrl, simulate));
            return 0;
        }
    }

    /**
     * The embedded demo platform, started once per console process and stopped with it: in memory, or on the H2 file
     * {@code durableUrl} (seeded once, reused after).
     */
    private static DemoPlatform.Connection startEmbeddedDemo(String durableUrl, TrafficSimulator.Options simulate) {
        synchronized (Gatehouse.class) {
            if (embedded == null) {
                DemoGateway gw = durableUrl == null ? DemoGateway.startLocal()
                        : DemoGateway.startDurable(durableUrl, null, null, DemoGateway.DEFAULT_SEED, DemoScale.SMALL, "127.0.0.1", 0);
                Runtime.getRuntime().addShutdownHook(new Thread(gw::close, "demo-gateway-stop"));
                embedded = gw;
                if (simulate != null) {
                    try {
                        gw.simulate(java.time.Clock.systemDefaultZone(), simulate);
                    } catch (RuntimeException e) {
                        // the demo works without traffic; the status bar then shows no simulator
                        org.slf4j.LoggerFactory.getLogger(Gatehouse.class).warn("the traffic simulator did not start: {}", e.getMessage(), e);
                    }
                }
            }
            Map<String, String> tokens = new LinkedHashMap<>();
            embedded.tokens().forEach((r, t) -> tokens.put(r.wire(), t));
            return new DemoPlatform.Connection(embedded.baseUrl(), tokens);
        }
    }

    private static DemoGateway embedded;
    /** The console demo's simulator rate: lively on screen, light on a laptop. */
    static final double DEFAULT_CONSOLE_RPS = 4;

    @Command(name = "gateway", mixinStandardHelpOptions = true,
            description = "Run the gateway headless (admin API and data plane).",
            subcommands = {Gatehouse.OperatorsCommand.class, Gatehouse.ImportCatalogCommand.class})
    static final class GatewayCommand implements Callable<Integer> {
        @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE})")
        int port = 8080;

        @Option(names = "--host", description = "Address to bind (default: ${DEFAULT-VALUE}; use 0.0.0.0 for a team)")
        String host = "127.0.0.1";

        @Option(names = "--db", description = "JDBC URL (default: an H2 file under ~/.gatehouse)")
        String db;

        @Mixin
        DbCredentials credentials = new DbCredentials();

        @Option(names = "--demo", description = "Demo data: in-memory H2, or with --db seeded into that database once (when empty) and "
                + "reused on later starts, printing new demo tokens each start")
        boolean demo;

        @Option(names = "--scale", description = "Demo data size: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        DemoScale scale = DemoScale.SMALL;

        @Option(names = "--seed", description = "Demo data seed (default: ${DEFAULT-VALUE})")
        long seed = DemoGateway.DEFAULT_SEED;

        @Option(names = "--simulate", description = "With --demo: run the traffic simulator against this gateway's data plane "
                + "(demo keys it issues itself; GET /admin/v1/simulator, POST /admin/v1/simulator/pause and /resume)")
        boolean simulate;

        @Option(names = "--rps", description = "With --simulate: requests per second at the busiest hour of the day (default: ${DEFAULT-VALUE})")
        double rps = 10;

        @Override
        public Integer call() throws InterruptedException {
            if (simulate && !demo) {
                System.err.println("--simulate needs --demo: the simulator issues itself keys on demo accounts");
                return 2;
            }
            if (!(rps > 0) || rps > 500) {
                System.err.println("--rps must be more than 0 and at most 500");
                return 2;
            }
            if (port < 0 || port > 65535) {
                System.err.println("--port must be between 0 and 65535");
                return 2;
            }
            GatewayServer server;
            if (demo) {
                long started = System.nanoTime();
                DemoGateway gw;
                try {
                    gw = db == null ? DemoGateway.start(seed, scale, host, port)
                            : DemoGateway.startDurable(db, credentials.user, credentials.password, seed, scale, host, port);
                } catch (DemoData.NotADemoDatabase e) {
                    System.err.println(e.getMessage());
                    return 2;
                }
                server = gw.server();
                System.err.printf("demo data %s and gateway up in %d ms%n",
                        gw.reused() ? "reused from " + db + " (--scale and --seed apply only to an empty database)"
                                : "seeded (" + scale.name().toLowerCase() + ")",
                        (System.nanoTime() - started) / 1_000_000);
                if (gw.reused()) {
                    System.out.println("Demo operators have new tokens; the ones printed before no longer work:");
                }
                for (Role r : Role.values()) {
                    System.out.println("role=" + r.wire() + " token=" + gw.token(r));
                }
                if (simulate) {
                    try {
                        var sim = gw.simulate(java.time.Clock.systemDefaultZone(), new TrafficSimulator.Options(rps, seed));
                        System.err.println("traffic simulator running: " + sim.status().keys().size() + " demo keys, up to " + rps
                                + " requests/s at the busiest hour; GET /admin/v1/simulator");
                    } catch (RuntimeException e) {
                        System.err.println("The traffic simulator did not start: " + e.getMessage());
                        gw.close();
                        return 1;
                    }
                }
            } else {
                Database database = Database.open(db == null ? Database.defaultFileUrl() : db,
                        db == null ? "sa" : credentials.user, db == null ? "" : credentials.password);
                OperatorStore operators = new OperatorStore(database.jdbi());
                if (operators.count() == 0) {
                    String token = operators.create("op_bootstrap", "Bootstrap lead", "lead@localhost", Role.LEAD);
                    System.out.println("No operators yet; created a lead. Keep this token, it is shown once:");
                    System.out.println("role=lead token=" + token);
                }
                server = new GatewayServer(database, "team").start(host, port);
            }
            System.out.flush();
            System.err.println("gateway listening on http://" + host + ":" + server.port() + " (" + server.database().product() + ")");
            CountDownLatch stopped = new CountDownLatch(1);
            GatewayServer s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s.close();
                stopped.countDown();
            }, "gateway-stop"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Benchmark filtered list pages (accounts, keys) over HTTP on seeded demo data; prints p50/p95/p99.",
            subcommands = {Gatehouse.ActionBenchCommand.class, Gatehouse.PlaneBenchCommand.class})
    static final class BenchCommand implements Callable<Integer> {
        @Option(names = "--scale", description = "Demo data size: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        DemoScale scale = DemoScale.LARGE;

        @Option(names = "--seed", description = "Demo data seed (default: ${DEFAULT-VALUE})")
        long seed = DemoGateway.DEFAULT_SEED;

        @Option(names = "--iterations", description = "Requests per query (default: ${DEFAULT-VALUE})")
        int iterations = 1000;

        @Option(names = "--db", description = "JDBC URL of an EMPTY database to seed (default: in-memory H2)")
        String db;

        @Option(names = "--reuse", description = "Measure a --db that an earlier run seeded as it is, instead of refusing it")
        boolean reuse;

        @Option(names = "--only", split = ",", description = "Measure only the queries whose name contains one of these words")
        java.util.List<String> only = new java.util.ArrayList<>();

        @Mixin
        DbCredentials credentials = new DbCredentials();

        @Override
        public Integer call() throws InterruptedException {
            if (iterations < 1) {
                System.err.println("--iterations must be at least 1");
                return 2;
            }
            dev.gatehouse.gateway.bench.AccountListBenchmark.run(new dev.gatehouse.gateway.bench.AccountListBenchmark.Options(
                    scale, seed, iterations, db, credentials.user, credentials.password, reuse, only), System.out);
            return 0;
        }
    }

    @Command(name = "actions", mixinStandardHelpOptions = true,
            description = "Benchmark operator actions (key suspend/reinstate with Idempotency-Keys) over HTTP by concurrent clients "
                    + "on a durable database; prints actions/s and p50/p95/p99.")
    static final class ActionBenchCommand implements Callable<Integer> {
        @Option(names = "--clients", description = "Concurrent clients (default: ${DEFAULT-VALUE})")
        int clients = 4;

        @Option(names = "--actions", description = "Timed actions in all (default: ${DEFAULT-VALUE})")
        int actions = 2000;

        @Option(names = "--seed", description = "Demo data seed (default: ${DEFAULT-VALUE})")
        long seed = DemoGateway.DEFAULT_SEED;

        @Option(names = "--db", description = "JDBC URL of an EMPTY database to seed (default: an H2 file in a temp dir, deleted after)")
        String db;

        @Mixin
        DbCredentials credentials = new DbCredentials();

        @Override
        public Integer call() throws InterruptedException {
            if (clients < 1 || clients > 64 || actions < clients) {
                System.err.println("--clients must be 1 to 64 and --actions at least --clients");
                return 2;
            }
            dev.gatehouse.gateway.bench.ActionBenchmark.run(new dev.gatehouse.gateway.bench.ActionBenchmark.Options(
                    seed, clients, actions, db, credentials.user, credentials.password), System.out);
            return 0;
        }
    }

    @Command(name = "plane", mixinStandardHelpOptions = true,
            description = "Benchmark the data plane (issue 12): /v1/chat/completions with auth, rate limits and metering against a "
                    + "bare endpoint on the same server (throughput ratio, added p50/p99), and the time from a key suspension to "
                    + "the first refused request on one gateway and across two on one PostgreSQL.")
    static final class PlaneBenchCommand implements Callable<Integer> {
        @Option(names = "--clients", description = "Concurrent client threads for the throughput runs (default: ${DEFAULT-VALUE})")
        int clients = 8;

        @Option(names = "--seconds", description = "Length of each throughput run; two per endpoint, interleaved (default: ${DEFAULT-VALUE})")
        int seconds = 5;

        @Option(names = "--latency-requests", description = "Requests per endpoint for the latency percentiles (default: ${DEFAULT-VALUE})")
        int latencyRequests = 3000;

        @Option(names = "--suspensions", description = "Suspensions timed on one gateway and across two (default: ${DEFAULT-VALUE})")
        int suspensions = 5;

        @Option(names = "--db", description = "JDBC URL of an EMPTY PostgreSQL database for the two-gateway run (default: embedded "
                + "PostgreSQL when on the classpath, else one H2 file database shared by both in this process)")
        String db;

        @Mixin
        DbCredentials credentials = new DbCredentials();

        @Override
        public Integer call() throws Exception {
            if (clients < 1 || clients > 64 || seconds < 1 || latencyRequests < 100 || suspensions < 1) {
                System.err.println("--clients must be 1 to 64, --seconds at least 1, --latency-requests at least 100, --suspensions at least 1");
                return 2;
            }
            dev.gatehouse.gateway.bench.PlaneBenchmark.run(new dev.gatehouse.gateway.bench.PlaneBenchmark.Options(clients, seconds,
                    latencyRequests, suspensions, db, credentials.user, credentials.password), System.out);
            return 0;
        }
    }

    @Command(name = "operators", mixinStandardHelpOptions = true,
            description = "Manage operators straight in the database (for whoever runs it).",
            subcommands = Gatehouse.CreateOperatorCommand.class)
    static final class OperatorsCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            new CommandLine(this).usage(System.err);
            return 2;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Add an operator and print its token once: the way back in when the last lead token is lost.")
    static final class CreateOperatorCommand implements Callable<Integer> {
        @Option(names = "--role", required = true, description = "viewer, support, trust_safety, ops or lead")
        String role;

        @Option(names = "--name", required = true, description = "The operator's name")
        String name;

        @Option(names = "--email", required = true, description = "The operator's email (unique among operators)")
        String email;

        @Option(names = "--expires-at", description = "When the token expires, ISO-8601 (e.g. 2026-12-31T00:00:00Z); default never")
        String expiresAt;

        @Option(names = "--db", required = true, description = "JDBC URL of the gateway's database")
        String db;

        @Mixin
        DbCredentials credentials = new DbCredentials();

        @Override
        public Integer call() {
            Role r = Role.fromWire(role).orElse(null);
            if (r == null) {
                System.err.println("--role must be one of viewer, support, trust_safety, ops, lead");
                return 2;
            }
            java.time.Instant expiry;
            try {
                expiry = expiresAt == null ? null : java.time.Instant.parse(expiresAt);
            } catch (java.time.format.DateTimeParseException e) {
                System.err.println("--expires-at must be an ISO-8601 instant like 2026-12-31T00:00:00Z");
                return 2;
            }
            try (Database database = Database.open(db, credentials.user, credentials.password)) {
                String actor = "cli:" + System.getProperty("user.name", "unknown");
                var created = dev.gatehouse.gateway.team.OperatorRescue.create(database.jdbi(), java.time.Clock.systemUTC(),
                        name, email, r, expiry, actor.length() > 80 ? actor.substring(0, 80) : actor);
                System.out.println("Created operator " + created.id() + " (" + r.wire() + "). Keep this token, it is shown once:");
                System.out.println("role=" + r.wire() + " token=" + created.token());
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "import-catalog", mixinStandardHelpOptions = true,
            description = "Import a catalog file (Gatehouse's own JSON or LiteLLM's model_prices_and_context_window.json) into the "
                    + "gateway's database: prints the preview entry by entry, then writes it in one transaction.")
    static final class ImportCatalogCommand implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0", description = "The catalog file")
        java.nio.file.Path file;

        @Option(names = "--db", required = true, description = "JDBC URL of the gateway's database")
        String db;

        @Mixin
        DbCredentials credentials = new DbCredentials();

        @Option(names = "--format", description = "gatehouse or litellm (default: told from the content)")
        String format;

        @Option(names = "--dry-run", description = "Print the preview only; write nothing")
        boolean dryRun;

        @Option(names = "--reason", description = "Why, for the audit trail (default: names the file)")
        String reason;

        @Override
        public Integer call() {
            String content;
            try {
                content = java.nio.file.Files.readString(file);
            } catch (java.io.IOException e) {
                System.err.println("Cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            try (Database database = Database.open(db, credentials.user, credentials.password)) {
                String actor = "cli:" + System.getProperty("user.name", "unknown");
                return dev.gatehouse.gateway.catalogimport.CatalogImportCommand.run(database.jdbi(), java.time.Clock.systemUTC(), content,
                        format, dryRun, actor.length() > 80 ? actor.substring(0, 80) : actor,
                        reason != null && !reason.isBlank() ? reason : "imported " + file.getFileName() + " with gateway import-catalog",
                        java.util.Optional.of(new dev.gatehouse.gateway.catalogimport.ScheduledByPricing()), System.out, System.err);
            }
        }
    }

    /** The database login every command with --db takes. */
    static final class DbCredentials {
        @Option(names = "--db-user", description = "Database user")
        String user;

        @Option(names = "--db-password", description = "Database password (default: $GATEHOUSE_DB_PASSWORD)")
        String password = System.getenv("GATEHOUSE_DB_PASSWORD");
    }
}
