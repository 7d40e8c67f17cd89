package dev.gatehouse.console;

import dev.gatehouse.api.ProviderSummary;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.policy.Role;

import java.util.concurrent.TimeUnit;

/** A real demo gateway (in-memory H2, deterministic seed) for console tests to talk to over HTTP. */
public final class PlatformFixture implements AutoCloseable {
    private final DemoGateway gateway;
    private final int modelCount;

    private PlatformFixture(DemoGateway gateway) {
        this.gateway = gateway;
        try (PlatformClient c = new PlatformClient(gateway.baseUrl(), gateway.token(Role.LEAD))) {
            this.modelCount = c.providers().get(30, TimeUnit.SECONDS).stream().mapToInt(ProviderSummary::models).sum();
        } catch (Exception e) {
            gateway.close();
            throw new IllegalStateException("demo gateway did not answer /providers", e);
        }
    }

    public static PlatformFixture start() {
        return new PlatformFixture(DemoGateway.startLocal());
    }

    public String baseUrl() {
        return gateway.baseUrl();
    }

    public String token() {
        return gateway.token(Role.LEAD);
    }

    public PlatformClient client() {
        return new PlatformClient(baseUrl(), token());
    }

    /** How many models the whole catalog has, as /providers counts them. */
    public int modelCount() {
        return modelCount;
    }

    /** Stops the gateway; a second call does nothing (tests stop it early to see the console cope). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            gateway.close();
        }
    }

    private boolean closed;
}
