package dev.gatehouse.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing acknowledged is lost (issue 8): a gateway on a durable database, as a child process, is killed with SIGKILL
 * in the middle of a burst of key actions and restarted on the same database. Every action it answered 200 must
 * still be there (the key's state and version, its audit entry with the same hash), the chain must verify, and
 * replaying each acknowledged request with its Idempotency-Key must return the first answer byte for byte.
 */
class CrashDurabilityTest {
    private static final int ROUNDS = 3;
    private static final int CLIENTS = 4;
    private static final int KEYS_PER_CLIENT = 8;
    /** Kill once this many actions of the round are acknowledged: the last ones are then well inside H2's old 500 ms delay. */
    private static final int ACKS_BEFORE_KILL = 40;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedActionSurvivesKillDashNineOnH2(@TempDir Path dir) throws Exception {
        Figures f = crashRounds(List.of("--demo", "--db", "jdbc:h2:file:" + dir.resolve("gateway")), ROUNDS);
        assertThat(f.problems).as("over %d crash rounds: %s", ROUNDS, f).isEmpty();
        assertThat(f.acknowledged).isGreaterThanOrEqualTo(ROUNDS * ACKS_BEFORE_KILL);
    }

    /** PostgreSQL commits to its WAL before answering; this shows the gateway never answers before PostgreSQL has. */
    @Test
    void everyAcknowledgedActionSurvivesKillDashNineOnPostgres() throws Exception {
        Figures f = crashRounds(List.of("--demo", "--db", PostgresDatabase.freshUrl(), "--db-user", "postgres"), 1);
        assertThat(f.problems).as("over 1 crash round on PostgreSQL: %s", f).isEmpty();
        assertThat(f.acknowledged).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    }

    /** What the client was told: the request, the answer, and the key as the answer left it. */
    private record Ack(String keyId, String idempotencyKey, String requestBody, String responseBody, String auditId,
                       String auditHash, long version, String status) {}

    /** A key's last state the client knows of, and whether a request on it was cut off by the kill. */
    private static final class KeyState {
        long version;
        String status;
        boolean inFlight;
    }

    private static final class Figures {
        int acknowledged;
        int inFlight;
        /** Acknowledged actions whose audit entry or replay did not survive. */
        int lost;
        int keysNotAsTold;
        final List<String> problems = new ArrayList<>();

        @Override
        public String toString() {
            return acknowledged + " actions acknowledged, " + lost + " of them lost, " + keysNotAsTold + " keys not in the state the client "
                    + "was told, " + inFlight + " requests cut off in flight";
        }
    }

    private Figures crashRounds(List<String> gatewayArgs, int rounds) throws Exception {
        Figures figures = new Figures();
        Random random = new Random(8);
        GatewayProcess gw = GatewayProcess.start(gatewayArgs);
        try {
            Map<String, KeyState> keys = new HashMap<>();
            for (JsonNode k : get(gw, Role.VIEWER, "/admin/v1/keys?status=active&limit=" + CLIENTS * KEYS_PER_CLIENT).get("data")) {
                KeyState s = new KeyState();
                s.version = k.get("version").asLong();
                s.status = k.get("status").asText();
                keys.put(k.get("id").asText(), s);
            }
            assertThat(keys).hasSize(CLIENTS * KEYS_PER_CLIENT);
            for (int round = 1; round <= rounds; round++) {
                List<Ack> acks = burstUntilKilled(gw, keys, random);
                gw = GatewayProcess.start(gatewayArgs);
                int lostBefore = figures.lost;
                check(gw, keys, acks, figures);
                System.out.printf("crash round %d: %d acknowledged, %d lost%n", round, acks.size(), figures.lost - lostBefore);
            }
            JsonNode verify = get(gw, Role.LEAD, "/admin/v1/audit/verify");
            assertThat(verify.get("ok").asBoolean()).as("audit/verify after %d crashes: %s", rounds, verify).isTrue();
            System.out.println("crash test: " + figures);
            return figures;
        } finally {
            gw.close();
        }
    }

    /** CLIENTS threads toggle their own keys (suspend, reinstate) until the gateway is killed under them. */
    private List<Ack> burstUntilKilled(GatewayProcess gw, Map<String, KeyState> keys, Random random) throws Exception {
        List<Ack> acks = new CopyOnWriteArrayList<>();
        AtomicInteger acknowledged = new AtomicInteger();
        List<String> ids = keys.keySet().stream().sorted().toList();
        String token = gw.token(Role.TRUST_SAFETY);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<String> own = ids.subList(c * KEYS_PER_CLIENT, (c + 1) * KEYS_PER_CLIENT);
            clients.add(pool.submit(() -> {
                for (int i = 0; ; i++) {
                    String id = own.get(i % own.size());
                    KeyState state = keys.get(id);
                    String action = state.status.equals("active") ? "suspend" : "reinstate";
                    String body = "{\"action\":\"" + action + "\",\"reason\":\"crash test " + i + "\"}";
                    String idem = UUID.randomUUID().toString();
                    state.inFlight = true;
                    HttpResponse<String> r;
                    try {
                        r = post(gw, token, id, idem, body);
                    } catch (IOException killed) {
                        return null;
                    }
                    assertThat(r.statusCode()).as("%s %s: %s", action, id, r.body()).isEqualTo(200);
                    JsonNode json = Json.mapper().readTree(r.body());
                    state.version = json.get("key").get("version").asLong();
                    state.status = json.get("key").get("status").asText();
                    state.inFlight = false;
                    acks.add(new Ack(id, idem, body, r.body(), json.get("audit_id").asText(), json.get("audit").get("hash").asText(),
                            state.version, state.status));
                    acknowledged.incrementAndGet();
                }
            }));
        }
        while (acknowledged.get() < ACKS_BEFORE_KILL) {
            if (clients.stream().anyMatch(Future::isDone)) {
                for (Future<?> f : clients) {
                    if (f.isDone()) {
                        f.get();
                    }
                }
                throw new IllegalStateException("a client stopped before the kill; gateway output:\n" + gw.lastOutput());
            }
            Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(100));
        gw.kill();
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : clients) {
            f.get();
        }
        return acks;
    }

    private void check(GatewayProcess gw, Map<String, KeyState> keys, List<Ack> acks, Figures figures) throws Exception {
        figures.acknowledged += acks.size();
        Map<String, JsonNode> auditById = new ConcurrentHashMap<>();
        for (var e : keys.entrySet()) {
            JsonNode key = get(gw, Role.VIEWER, "/admin/v1/keys/" + e.getKey()).get("key");
            long version = key.get("version").asLong();
            String status = key.get("status").asText();
            KeyState known = e.getValue();
            // a request cut off by the kill may or may not have committed; anything older must be exactly as told
            boolean asTold = version == known.version && status.equals(known.status);
            boolean cutOffCommitted = known.inFlight && version == known.version + 1;
            if (!asTold && !cutOffCommitted) {
                figures.keysNotAsTold++;
                figures.problems.add("key " + e.getKey() + " is " + status + " v" + version + " but was acknowledged " + known.status + " v" + known.version);
            }
            if (known.inFlight) {
                figures.inFlight++;
            }
            for (JsonNode entry : get(gw, Role.VIEWER, "/admin/v1/audit?limit=200&target=" + enc(e.getKey())).get("data")) {
                auditById.put(entry.get("id").asText(), entry);
            }
        }
        String token = gw.token(Role.TRUST_SAFETY);
        for (Ack a : acks) {
            int problems = figures.problems.size();
            JsonNode entry = auditById.get(a.auditId);
            if (entry == null || !entry.get("hash").asText().equals(a.auditHash)) {
                figures.problems.add("audit entry " + a.auditId + " of " + a.keyId + " v" + a.version + (entry == null ? " is gone" : " has another hash"));
            }
            HttpResponse<String> replay = post(gw, token, a.keyId, a.idempotencyKey, a.requestBody);
            if (replay.statusCode() != 200 || !replay.body().equals(a.responseBody)
                    || !"true".equals(replay.headers().firstValue("Idempotent-Replayed").orElse(null))) {
                figures.problems.add("replay of " + a.idempotencyKey + " on " + a.keyId + " v" + a.version + " answered " + replay.statusCode()
                        + (replay.body().equals(a.responseBody) ? " (same body)" : " with another body"));
            }
            if (figures.problems.size() > problems) {
                figures.lost++;
            }
        }
        // the next round starts from the keys as they are now (a replay that ran again as new moved them)
        for (var e : keys.entrySet()) {
            JsonNode key = get(gw, Role.VIEWER, "/admin/v1/keys/" + e.getKey()).get("key");
            e.getValue().version = key.get("version").asLong();
            e.getValue().status = key.get("status").asText();
            e.getValue().inFlight = false;
        }
    }

    private HttpResponse<String> post(GatewayProcess gw, String token, String keyId, String idem, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/admin/v1/keys/" + keyId + "/actions"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Idempotency-Key", idem)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(GatewayProcess gw, Role role, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + gw.token(role)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
