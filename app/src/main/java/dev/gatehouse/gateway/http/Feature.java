package dev.gatehouse.gateway.http;

import java.util.List;

/** A feature of the gateway: its routes, declared with their rails, and the background sweeps it needs. */
public interface Feature {
    void register(Routes routes);

    default List<Sweep> sweeps() {
        return List.of();
    }

    /** Work the server runs every {@code periodSeconds} while it serves. */
    record Sweep(String name, long periodSeconds, Runnable work) {}
}
