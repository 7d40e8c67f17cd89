package dev.gatehouse.gateway.demo;

import dev.gatehouse.api.SimulatorStatus;

/** What the admin API may do to a running traffic simulator (issue 12 item 3): read it, pause it, resume it. */
public interface SimulatorControl {
    SimulatorStatus status();

    /** Stops sending (requests in flight finish); pausing a paused simulator changes nothing. */
    SimulatorStatus pause();

    /** Sends again; resuming a running simulator changes nothing. */
    SimulatorStatus resume();
}
