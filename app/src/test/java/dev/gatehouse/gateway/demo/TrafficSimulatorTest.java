package dev.gatehouse.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.GatewayHttpClient;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traffic simulator against a real demo gateway over HTTP: it sets itself up through the admin API (its operator,
 * its demo keys, the drain account), sends, files tickets, and pauses and resumes through /admin/v1/simulator.
 */
class TrafficSimulatorTest {
    private static DemoGateway demo;
    private static TrafficSimulator simulator;

    @BeforeAll
    static void start() {
        demo = DemoGateway.startLocal();
        simulator = demo.simulate(Clock.fixed(Instant.parse("2026-11-28T14:00:00Z"), ZoneOffset.UTC), new TrafficSimulator.Options(20, 42));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static GatewayHttpClient.Reply send(DemoGateway gw, Role role, String method, String path, String body) {
        GatewayHttpClient http = new GatewayHttpClient(gw.baseUrl());
        return body == null ? http.get(path, gw.token(role))
                : http.send(method, path, gw.token(role), "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode get(Role role, String path) {
        var r = send(demo, role, "GET", path, null);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode post(Role role, String path, String body) {
        var r = send(demo, role, "POST", path, body);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(until);
            Thread.sleep(100);
        }
    }

    @Test
    void issuesItsOwnDemoKeysThroughTheAdminApiSoOperatorsSeeThem() throws Exception {
        JsonNode status = get(Role.VIEWER, "/admin/v1/simulator");
        List<String> scenarios = new ArrayList<>();
        status.get("keys").forEach(k -> scenarios.add(k.get("scenario").asText()));
        assertThat(scenarios).contains("steady", "burst", "drain", "leaked", "misuse");
        for (JsonNode k : status.get("keys")) {
            JsonNode key = get(Role.VIEWER, "/admin/v1/keys/" + k.get("id").asText()).get("key");
            assertThat(key.get("name").asText()).isEqualTo("simulator · " + k.get("scenario").asText());
            assertThat(key.get("status").asText()).isIn("active", "suspended"); // another test suspends the leaked key
            assertThat(key.get("masked").asText()).isEqualTo(k.get("masked").asText());
        }
        // issued by the simulator's own support operator, audited like any key
        JsonNode audit = get(Role.LEAD, "/admin/v1/audit?action=key.issue&limit=50").get("data");
        assertThat(audit).hasSizeGreaterThanOrEqualTo(scenarios.size())
                .allSatisfy(e -> assertThat(e.toString()).doesNotContain(simulator.keys().get(0).secret().substring(12)));
        // the secrets stay with the simulator, as with any customer: never in an admin answer
        assertThat(status.toString()).doesNotContain(simulator.keys().get(0).secret().substring(12));
    }

    @Test
    void sendsRequestsAndFilesTicketsWhilePausingAndResumingThroughTheAdminApi() throws Exception {
        waitFor("requests and a ticket", () -> simulator.status().requests() > 20 && simulator.status().ticketsFiled() > 0);
        JsonNode running = get(Role.SUPPORT, "/admin/v1/simulator");
        assertThat(running.get("state").asText()).isEqualTo("running");
        assertThat(running.get("target_rps").asDouble()).isEqualTo(20.0);
        assertThat(running.get("current_rps").asDouble()).isEqualTo(20.0); // 14:00 is a peak hour
        assertThat(running.get("recent_requests").asLong()).isPositive();
        // the ticket arrived through the support intake, by the simulator's operator
        JsonNode tickets = get(Role.SUPPORT, "/admin/v1/tickets?limit=200").get("data");
        assertThat(tickets.toString()).containsAnyOf("429 although we are under our limit", "Charged twice", "second admin",
                "streaming for image models", "Streaming responses stop", "VAT number");

        JsonNode paused = post(Role.OPS, "/admin/v1/simulator/pause", "{\"reason\":\"looking at the queue\"}");
        assertThat(paused.get("state").asText()).isEqualTo("paused");
        assertThat(paused.get("current_rps").asDouble()).isZero();
        Thread.sleep(1500); // requests in flight finish
        long settled = simulator.status().requests();
        Thread.sleep(1000);
        assertThat(simulator.status().requests()).as("nothing is sent while paused").isEqualTo(settled);
        assertThat(post(Role.SUPPORT, "/admin/v1/simulator/pause", "{}").get("state").asText()).isEqualTo("paused");

        assertThat(post(Role.TRUST_SAFETY, "/admin/v1/simulator/resume", "{}").get("state").asText()).isEqualTo("running");
        waitFor("requests after resuming", () -> simulator.status().requests() > settled);
        JsonNode audit = get(Role.LEAD, "/admin/v1/audit?target=simulator&limit=10").get("data");
        assertThat(audit.toString()).contains("simulator.pause").contains("looking at the queue").contains("simulator.resume");

        assertThat(send(demo, Role.VIEWER, "POST", "/admin/v1/simulator/pause", "{}").status()).isEqualTo(403);
    }

    @Test
    void drivesTheRealDataPlaneIntoServedRequestsA429A402AndATicket() throws Exception {
        waitFor("served requests, a 429, a 402 and a ticket", () -> {
            var s = simulator.status();
            return s.outcomes().getOrDefault("ok", 0L) > 10 && s.outcomes().containsKey("429") && s.outcomes().containsKey("402")
                    && s.ticketsFiled() > 0;
        });
        var s = simulator.status();
        assertThat(s.outcomes()).doesNotContainKeys("5xx", "400", "404", "401");
        // the served requests were metered: the request log holds them, by the simulator's keys
        String burst = simulator.keys().stream().filter(k -> k.scenario() == TrafficPlan.Scenario.BURST).findFirst().orElseThrow().accountId();
        String drain = simulator.keys().stream().filter(k -> k.scenario() == TrafficPlan.Scenario.DRAIN).findFirst().orElseThrow().accountId();
        // the drain account is down to less than an image costs
        assertThat(new java.math.BigDecimal(get(Role.VIEWER, "/admin/v1/accounts/" + drain).get("account").get("balance").asText()))
                .isLessThan(new java.math.BigDecimal(SimulatorCast.DRAIN_CREDIT));
        assertThat(get(Role.VIEWER, "/admin/v1/accounts/" + burst).get("account").get("tier").asText()).isEqualTo("free");
        // the misuse prompts trip the data plane's detectors: an automated report on the misuse key's account
        String misuse = simulator.keys().stream().filter(k -> k.scenario() == TrafficPlan.Scenario.MISUSE).findFirst().orElseThrow().accountId();
        waitFor("an automated abuse report on the misuse account", () ->
                get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports?account_id=" + misuse + "&limit=20").get("data").toString().contains("automated"));
    }

    @Test
    void aSimulatorKeySuspendedThroughTheAdminApiIsRefusedAtOnce() throws Exception {
        SimulatorCast.Key leaked = simulator.keys().stream().filter(k -> k.scenario() == TrafficPlan.Scenario.LEAKED).findFirst().orElseThrow();
        waitFor("the leaked key served", () -> simulator.status().outcomes().getOrDefault("ok", 0L) > 5);
        var suspended = send(demo, Role.SUPPORT, "POST", "/admin/v1/keys/" + leaked.id() + "/actions",
                "{\"action\":\"suspend\",\"reason\":\"key pasted in a support ticket (ai-visual-studio §3)\"}");
        assertThat(suspended.status()).isEqualTo(200);
        // the simulator goes on using it, as whoever holds a leaked key would: the data plane now refuses it with 403
        waitFor("403s for the suspended key", () -> simulator.status().outcomes().getOrDefault("403", 0L) > 0);
        var refused = new GatewayHttpClient(demo.baseUrl()).send(new okhttp3.Request.Builder().url(demo.baseUrl() + "/v1/chat/completions")
                .header("Authorization", "Bearer " + leaked.secret())
                .post(okhttp3.RequestBody.create("{\"model\":\"" + simulatorChatModel() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        okhttp3.MediaType.get("application/json"))).build());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("\"error\"");
    }

    private static String simulatorChatModel() {
        return new TrafficRequests(castOf(simulator)).plane(new TrafficPlan.Planned(TrafficPlan.Scenario.BURST, 0)).body() instanceof java.util.Map<?, ?> m
                ? (String) m.get("model") : "openai/gpt-4o-mini";
    }

    private static SimulatorCast castOf(TrafficSimulator s) {
        return s.cast();
    }

    @Test
    void aGatewayNoSimulatorDrivesAnswers404() {
        try (var plain = new dev.gatehouse.gateway.TestGateway(dev.gatehouse.gateway.Database.inMemory())) {
            var r = plain.get(Role.LEAD, "/admin/v1/simulator");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).contains("demo mode only");
            assertThat(plain.post(Role.LEAD, "/admin/v1/simulator/pause", "{}").status()).isEqualTo(404);
        }
    }
}
