package dev.gatehouse.gateway.demo;

import dev.gatehouse.api.SimulatorStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A simulator control that only flips between running and paused: for tests of the routes' rails, not of traffic. */
public final class FlippingSimulator implements SimulatorControl {
    private volatile boolean paused;

    @Override
    public SimulatorStatus status() {
        return new SimulatorStatus(paused ? "paused" : "running", 4, paused ? 0 : 4, Instant.parse("2026-11-28T12:00:00Z"), 0,
                Map.of(), 10, 0, 0, Map.of(), 0, 0, List.of());
    }

    @Override
    public SimulatorStatus pause() {
        paused = true;
        return status();
    }

    @Override
    public SimulatorStatus resume() {
        paused = false;
        return status();
    }
}
