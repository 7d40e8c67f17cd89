package dev.gatehouse.gateway;

import dev.gatehouse.gateway.demo.DemoGateway;

/**
 * Gateways shared by the test classes of one JVM, as {@link PostgresDatabase} shares its server: starting and seeding
 * one costs seconds, and most classes only read it or make rows of their own. A class that asserts on the whole
 * database (counts of all rows), throttles its client, or moves the clock starts its own.
 */
public final class SharedGateways {
    private static DemoGateway demo;
    private static TestGateway plain;

    private SharedGateways() {}

    /** The demo gateway (default seed, small scale); callers read it and never change it. */
    public static synchronized DemoGateway demo() {
        if (demo == null) {
            demo = DemoGateway.startLocal();
            stopOnExit(demo, "shared-demo-gateway-stop");
        }
        return demo;
    }

    /** A gateway with no demo data, where each caller creates the accounts and keys it changes. */
    public static synchronized TestGateway plain() {
        if (plain == null) {
            plain = new TestGateway(Database.inMemory());
            stopOnExit(plain, "shared-test-gateway-stop");
        }
        return plain;
    }

    private static void stopOnExit(AutoCloseable gateway, String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } catch (Exception ignored) {
                // the JVM is exiting anyway
            }
        }, name));
    }
}
