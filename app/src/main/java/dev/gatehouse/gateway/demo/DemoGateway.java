package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.policy.Role;

import java.util.Map;

/**
 * A gateway seeded with demo data: over a fresh in-memory H2 (the console's demo mode and the tests' platform), or
 * over a durable database seeded once and reused on later starts ({@code gateway --demo --db}).
 */
public final class DemoGateway implements AutoCloseable {
    public static final long DEFAULT_SEED = 20261122L;

    private final GatewayServer server;
    private final Map<Role, String> tokens;
    private final boolean reused;
    private TrafficSimulator simulator;

    private DemoGateway(GatewayServer server, Map<Role, String> tokens, boolean reused) {
        this.server = server;
        this.tokens = Map.copyOf(tokens);
        this.reused = reused;
    }

    public static DemoGateway start(long seed, DemoScale scale, String host, int port) {
        Database db = Database.inMemory();
        try {
            Map<Role, String> tokens = DemoData.seed(db, seed, scale);
            GatewayServer server = new GatewayServer(db, "demo").start(host, port);
            return new DemoGateway(server, tokens, false);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Over a durable database: seeds it when empty, reuses the demo data when this class seeded it before (the demo
     * operators then get new tokens, see {@link DemoData#seedOrReuse}); refuses any other database.
     */
    public static DemoGateway startDurable(String jdbcUrl, String user, String password, long seed, DemoScale scale, String host, int port) {
        Database db = Database.open(jdbcUrl, user, password);
        try {
            DemoData.Seeded seeded = DemoData.seedOrReuse(db, seed, scale);
            GatewayServer server = new GatewayServer(db, "demo").start(host, port);
            return new DemoGateway(server, seeded.tokens(), seeded.reused());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Loopback on a free port, default seed, small scale. */
    public static DemoGateway startLocal() {
        return start(DEFAULT_SEED, DemoScale.SMALL, "127.0.0.1", 0);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    public Map<Role, String> tokens() {
        return tokens;
    }

    /** True when the demo data was already in the database and this start reused it. */
    public boolean reused() {
        return reused;
    }

    public GatewayServer server() {
        return server;
    }

    /**
     * Starts the traffic simulator on this demo (issue 12 item 3), with the lead's token for its setup, on the injected
     * {@code clock}'s hours; the admin API's /simulator reads and pauses it. Stopped with the gateway.
     */
    public synchronized TrafficSimulator simulate(java.time.Clock clock, TrafficSimulator.Options options) {
        if (simulator == null) {
            simulator = TrafficSimulator.start(baseUrl(), token(Role.LEAD), clock, options);
            server.simulator().attach(simulator);
        }
        return simulator;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (simulator != null) {
                server.simulator().detach(simulator);
                simulator.close();
            }
        }
        server.close();
    }
}
