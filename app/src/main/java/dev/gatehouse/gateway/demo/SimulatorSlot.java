package dev.gatehouse.gateway.demo;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a gateway keeps the traffic simulator that drives it, if any: the simulator is a client of the server, so it
 * starts after the server is listening and is attached here; a gateway without one (team mode) answers 404.
 */
public final class SimulatorSlot {
    private final AtomicReference<SimulatorControl> control = new AtomicReference<>();

    public void attach(SimulatorControl simulator) {
        control.set(simulator);
    }

    public void detach(SimulatorControl simulator) {
        control.compareAndSet(simulator, null);
    }

    public Optional<SimulatorControl> current() {
        return Optional.ofNullable(control.get());
    }
}
