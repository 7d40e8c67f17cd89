package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.GatewayHttpClient;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A second start on the same platform (a durable demo restarted) retires the keys of the first run and reuses its operator. */
class TrafficSimulatorRestartTest {
    @Test
    void aRestartRevokesTheEarlierRunsKeysAndIssuesNewOnes() {
        try (DemoGateway demo = DemoGateway.startLocal()) {
            GatewayHttpClient http = new GatewayHttpClient(demo.baseUrl());
            List<SimulatorCast.Key> first;
            try (TrafficSimulator run = TrafficSimulator.start(demo.baseUrl(), demo.token(Role.LEAD), Clock.systemUTC(),
                    new TrafficSimulator.Options(1, 5))) {
                first = run.keys();
            }
            try (TrafficSimulator again = TrafficSimulator.start(demo.baseUrl(), demo.token(Role.LEAD), Clock.systemUTC(),
                    new TrafficSimulator.Options(1, 5))) {
                for (SimulatorCast.Key k : first) {
                    assertThat(http.get("/admin/v1/keys/" + k.id(), demo.token(Role.VIEWER)).json().get("key").get("status").asText())
                            .as(k.scenario() + " key of the first run").isEqualTo("revoked");
                }
                for (SimulatorCast.Key k : again.keys()) {
                    assertThat(http.get("/admin/v1/keys/" + k.id(), demo.token(Role.VIEWER)).json().get("key").get("status").asText())
                            .isEqualTo("active");
                }
                // one operator for the simulator, however often it starts
                var operators = http.get("/admin/v1/operators?limit=200", demo.token(Role.LEAD)).json().get("data");
                long simulators = 0;
                for (var o : operators) {
                    simulators += SimulatorCast.OPERATOR_EMAIL.equals(o.get("email").asText()) ? 1 : 0;
                }
                assertThat(simulators).isEqualTo(1);
                // the drain account is reused too
                assertThat(again.cast().drainAccountId).isEqualTo(first.stream()
                        .filter(k -> k.scenario() == TrafficPlan.Scenario.DRAIN).findFirst().orElseThrow().accountId());
            }
        }
    }
}
