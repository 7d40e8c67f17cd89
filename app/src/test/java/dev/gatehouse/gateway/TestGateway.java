package dev.gatehouse.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * A gateway over the given database with one operator per role and no demo data, plus a small HTTP client
 * for the tests. Everything goes over real HTTP on a loopback port.
 */
public final class TestGateway implements AutoCloseable {
    private final GatewayServer server;
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock;

    public TestGateway(Database db) {
        this(db, Clock.systemUTC());
    }

    /** A gateway whose time is {@code clock}, for tests that cross deadlines. */
    public TestGateway(Database db, Clock clock) {
        this(db, clock, null);
    }

    /** A gateway that also serves the data plane /v1 with the given rate limits and metering (issue 12). */
    public TestGateway(Database db, Clock clock, dev.gatehouse.gateway.plane.PlaneEnforcement plane) {
        this.clock = clock;
        OperatorStore ops = new OperatorStore(db.jdbi());
        for (Role r : Role.values()) {
            tokens.put(r, ops.create("op_" + r.wire(), r.label() + " Tester", r.wire() + "@test.gatehouse.dev", r));
        }
        this.server = new GatewayServer(db, "test", clock, plane).start("127.0.0.1", 0);
    }

    /** The gateway's time: what a test stamps the rows it writes for it with. */
    public Clock clock() {
        return clock;
    }

    public GatewayServer server() {
        return server;
    }

    public Database db() {
        return server.database();
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    /** A response with its JSON body parsed (null when the body is empty). */
    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }
    }

    public Response get(Role role, String path) {
        return send(role, "GET", path, null, Map.of());
    }

    public Response post(Role role, String path, String body, Map<String, String> headers) {
        return send(role, "POST", path, body, headers);
    }

    public Response post(Role role, String path, String body) {
        return send(role, "POST", path, body, Map.of());
    }

    public Response patch(Role role, String path, String body, Map<String, String> headers) {
        return send(role, "PATCH", path, body, headers);
    }

    public Response send(Role role, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (role != null) {
            b.header("Authorization", "Bearer " + tokens.get(role));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            dev.gatehouse.gateway.contract.OpenApiContract.check(request, body, r);
            JsonNode json = r.body() == null || r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
            return new Response(r.statusCode(), r, json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
