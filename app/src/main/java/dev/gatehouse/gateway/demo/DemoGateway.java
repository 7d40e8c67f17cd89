package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.policy.Role;

import java.util.Map;

/** A gateway over a fresh in-memory H2 seeded with demo data: the console's demo mode and the tests' platform. */
public final class DemoGateway implements AutoCloseable {
    public static final long DEFAULT_SEED = 20261122L;

    private final GatewayServer server;
    private final Map<Role, String> tokens;

    private DemoGateway(GatewayServer server, Map<Role, String> tokens) {
        this.server = server;
        this.tokens = Map.copyOf(tokens);
    }

    public static DemoGateway start(long seed, DemoScale scale, String host, int port) {
        Database db = Database.inMemory();
        try {
            Map<Role, String> tokens = DemoData.seed(db, seed, scale);
            GatewayServer server = new GatewayServer(db, "demo").start(host, port);
            return new DemoGateway(server, tokens);
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

    public GatewayServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
