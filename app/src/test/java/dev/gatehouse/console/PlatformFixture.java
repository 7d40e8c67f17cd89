package dev.gatehouse.console;

import dev.gatehouse.api.ProviderSummary;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.policy.Role;

import java.util.concurrent.TimeUnit;

/**
 * A real demo gateway (in-memory H2, deterministic seed) for console tests to talk to over HTTP.
 *
 * <p>{@link #shared()} is one gateway per test JVM (seeding one takes seconds): for tests that read, or that change
 * only rows no other test looks at. A test that stops its platform, or needs untouched data, starts its own.
 */
public final class PlatformFixture implements AutoCloseable {
    private static PlatformFixture shared;

    private final DemoGateway gateway;
    private final int modelCount;
    private final boolean isShared;
    private boolean closed;

    private PlatformFixture(DemoGateway gateway, boolean isShared) {
        this.gateway = gateway;
        this.isShared = isShared;
        try (PlatformClient c = new PlatformClient(gateway.baseUrl(), gateway.token(Role.LEAD))) {
            this.modelCount = c.providers().get(30, TimeUnit.SECONDS).stream().mapToInt(ProviderSummary::models).sum();
        } catch (Exception e) {
            gateway.close();
            throw new IllegalStateException("demo gateway did not answer /providers", e);
        }
    }

    /** A gateway of its own, which the test may stop. */
    public static PlatformFixture start() {
        return new PlatformFixture(DemoGateway.startLocal(), false);
    }

    /** The JVM's shared gateway, started on first use and stopped when the JVM exits; {@link #close()} leaves it running. */
    public static synchronized PlatformFixture shared() {
        if (shared == null) {
            PlatformFixture started = new PlatformFixture(DemoGateway.startLocal(), true);
            Runtime.getRuntime().addShutdownHook(new Thread(started.gateway::close, "shared-demo-gateway-stop"));
            shared = started;
        }
        return shared;
    }

    /** The demo gateway itself: to start its traffic simulator (issue 12). */
    public DemoGateway demo() {
        return gateway;
    }

    public String baseUrl() {
        return gateway.baseUrl();
    }

    /** A lead's token. */
    public String token() {
        return gateway.token(Role.LEAD);
    }

    public String token(Role role) {
        return gateway.token(role);
    }

    /** A client signed in as a lead. */
    public PlatformClient client() {
        return new PlatformClient(baseUrl(), token());
    }

    public PlatformClient client(Role role) {
        return new PlatformClient(baseUrl(), token(role));
    }

    /** How many models the whole catalog has, as /providers counts them. */
    public int modelCount() {
        return modelCount;
    }

    /** Stops a gateway of its own; a second call does nothing (tests stop it early to see the console cope). */
    @Override
    public synchronized void close() {
        if (!closed && !isShared) {
            closed = true;
            gateway.close();
        }
    }
}
