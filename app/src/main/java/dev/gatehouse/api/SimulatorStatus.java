package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /admin/v1/simulator: the demo's traffic simulator. state: running | paused. targetRps is the busiest hour's rate;
 * currentRps what the daily rhythm asks for now. outcomes counts the data-plane answers since the start: "ok" for 2xx,
 * each refusal by its status ("402", "429", …), "unreachable" when no answer came. recent* cover the last
 * recentWindowSeconds. tickets and refunds count the admin intakes the simulator filed; keys are the demo keys it
 * issued for itself (named "simulator · …"), which an operator may suspend like any other.
 */
public record SimulatorStatus(
        String state,
        double targetRps,
        double currentRps,
        Instant startedAt,
        long requests,
        Map<String, Long> outcomes,
        int recentWindowSeconds,
        long recentRequests,
        long recentRefused,
        Map<String, Long> recentOutcomes,
        long ticketsFiled,
        long refundsFiled,
        List<Key> keys) {
    /** A key the simulator drives: its id, as operators see it, for which scenario, and whose. */
    public record Key(String id, String masked, String scenario, String accountId, String accountName) {}
}
