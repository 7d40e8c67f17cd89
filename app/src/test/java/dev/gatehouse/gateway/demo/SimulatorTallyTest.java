package dev.gatehouse.gateway.demo;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorTallyTest {
    @Test
    void countsByOutcomeSinceTheStartAndOverTheLastTenSeconds() {
        SimulatorTally t = new SimulatorTally();
        t.record(200, 0);
        t.record(201, 0);
        t.record(429, 3);
        t.record(402, 9);
        t.record(0, 9);
        t.record(503, 9);
        t.ticketFiled();
        var s = t.snapshot(9);
        assertThat(s.requests()).isEqualTo(6);
        assertThat(s.totals()).isEqualTo(Map.of("ok", 2L, "429", 1L, "402", 1L, "unreachable", 1L, "5xx", 1L));
        assertThat(s.recentRequests()).isEqualTo(6);
        assertThat(s.recentRefused()).isEqualTo(4);
        assertThat(s.tickets()).isEqualTo(1);
        // ten seconds on, the first second has left the window; its bucket is reused, not added to
        t.record(200, 10);
        var later = t.snapshot(12);
        assertThat(later.recent()).isEqualTo(Map.of("429", 1L, "402", 1L, "unreachable", 1L, "5xx", 1L, "ok", 1L));
        assertThat(later.totals().get("ok")).isEqualTo(3L);
        assertThat(t.snapshot(30).recentRequests()).isZero();
    }
}
