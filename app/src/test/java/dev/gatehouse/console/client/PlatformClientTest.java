package dev.gatehouse.console.client;

import dev.gatehouse.api.Me;
import dev.gatehouse.api.Model;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.api.ProviderSummary;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformClientTest {
    static final String MODEL_JSON = """
            {"id":"mdl_01","slug":"gpt-4o","name":"GPT-4o","provider":"OpenAI","family":"GPT-4o","modality":"chat",
             "status":"active","context_window":128000,"max_output_tokens":16384,"resolutions":null,"currency":"USD",
             "markup":"1.500000","price_card":[{"unit":"input_mtok","variant":null,"base":"2.500000","api":"3.750000"},
             {"unit":"output_mtok","variant":null,"base":"10.000000","api":"15.000000"}],
             "released":"2024-05-13","updated_at":"2026-01-02T03:04:05Z","version":3}""";

    MockWebServer server;
    PlatformClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = new PlatformClient(server.url("/").toString(), "tok-123", Duration.ofSeconds(2), Duration.ofMillis(600));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    private static PlatformException failure(CompletableFuture<?> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return PlatformException.of(e);
        }
        throw new AssertionError("expected the call to fail");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void parsesAPageOfModelsWithMoneyAsBigDecimalAndSendsFiltersAndToken() throws Exception {
        server.enqueue(json(200, "{\"data\":[" + MODEL_JSON + "],\"next_cursor\":\"c2\"}"));
        Page<Model> page = client.models(new ModelQuery("chat", "OpenAI", "active", " gpt 4 "), "c1").get(5, TimeUnit.SECONDS);

        assertThat(page.nextCursor()).isEqualTo("c2");
        Model m = page.data().get(0);
        assertThat(m.priceCard().get(1).api()).isEqualByComparingTo(new BigDecimal("15")).isInstanceOf(BigDecimal.class);
        assertThat(m.priceCard().get(0).api().toPlainString()).isEqualTo("3.750000");
        assertThat(m.contextWindow()).isEqualTo(128000);

        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(req.getRequestUrl().encodedPath()).isEqualTo("/admin/v1/models");
        assertThat(req.getRequestUrl().queryParameter("modality")).isEqualTo("chat");
        assertThat(req.getRequestUrl().queryParameter("provider")).isEqualTo("OpenAI");
        assertThat(req.getRequestUrl().queryParameter("status")).isEqualTo("active");
        assertThat(req.getRequestUrl().queryParameter("q")).isEqualTo("gpt 4");
        assertThat(req.getRequestUrl().queryParameter("limit")).isEqualTo("200");
        assertThat(req.getRequestUrl().queryParameter("cursor")).isEqualTo("c1");
    }

    @Test
    void omitsEmptyFiltersAndParsesMeAndProviders() throws Exception {
        server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
        server.enqueue(json(200, """
                {"id":"op_1","name":"Lena Lead","email":"lena@x","role":"lead","platform":{"name":"P","version":"0.1.0","mode":"demo"}}"""));
        server.enqueue(json(200, "{\"data\":[{\"name\":\"OpenAI\",\"models\":57,\"modalities\":[\"chat\",\"image\"]}]}"));

        assertThat(client.models(ModelQuery.ALL, null).get(5, TimeUnit.SECONDS).data()).isEmpty();
        assertThat(server.takeRequest().getRequestUrl().querySize()).isEqualTo(1);
        Me me = client.me().get(5, TimeUnit.SECONDS);
        assertThat(me.platform().mode()).isEqualTo("demo");
        assertThat(client.providers().get(5, TimeUnit.SECONDS))
                .containsExactly(new ProviderSummary("OpenAI", 57, List.of("chat", "image")));
    }

    @Test
    void problemDetailIsTheMessage() {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/problem+json").setBody("""
                {"type":"https://gatehouse.dev/problems/malformed-request","title":"Bad request","status":400,
                 "detail":"modality must be one of chat, image, video","errors":[{"field":"modality","message":"unknown value 'x'"}]}"""));
        PlatformException e = failure(client.models(new ModelQuery("x", null, null, null), null));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith("modality must be one of chat, image, video").contains("modality: unknown value 'x'");
        assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p.errors()).hasSize(1));
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void unauthorizedSaysTheTokenWasRejected() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"t\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The operator token is not valid.\"}"));
        PlatformException e = failure(client.me());
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).startsWith("Your operator token was rejected by " + client.baseUrl());
        assertThat(e.retryable()).isFalse();
    }

    private static MockResponse problem(int status, String type, String title, String detail) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}");
    }

    @Test
    void theProblemTypeDecidesTheKindNotTheStatusOrTheTitle() {
        // A 409 is a conflict by status, but this type says another request with the same key is still running: retry.
        server.enqueue(problem(409, ProblemType.IDEMPOTENCY_IN_FLIGHT.uri(), "Conflict", "A request with this Idempotency-Key is still running."));
        PlatformException inFlight = failure(client.me());
        assertThat(inFlight.kind()).contains(ProblemType.IDEMPOTENCY_IN_FLIGHT);
        assertThat(inFlight.retryable()).isTrue();

        // The title reads "Unauthorized", but the type says forbidden: no "token rejected" advice.
        server.enqueue(problem(403, ProblemType.FORBIDDEN.uri(), "Unauthorized", "Support may not revoke keys."));
        PlatformException forbidden = failure(client.me());
        assertThat(forbidden.kind()).contains(ProblemType.FORBIDDEN);
        assertThat(forbidden.getMessage()).isEqualTo("Support may not revoke keys.");

        // A final state is never worth retrying, whatever the status claims.
        server.enqueue(problem(503, ProblemType.FINAL_STATE.uri(), "Service unavailable", "The key is revoked; revocation is final."));
        PlatformException fin = failure(client.me());
        assertThat(fin.is(ProblemType.FINAL_STATE)).isTrue();
        assertThat(fin.retryable()).isFalse();
    }

    @Test
    void aProblemWithOnlyATypeIsStillRecognised() {
        server.enqueue(new MockResponse().setResponseCode(409).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"" + ProblemType.FINAL_STATE.uri() + "\",\"status\":409}"));
        PlatformException e = failure(client.me());
        assertThat(e.kind()).contains(ProblemType.FINAL_STATE);
        assertThat(e.getMessage()).contains("HTTP 409");
    }

    @Test
    void aPlatformWithoutKnownTypesIsJudgedByStatus() {
        // Another platform's own type URIs, or none at all: the console falls back on the status code.
        server.enqueue(problem(409, "https://other.example/errors/state", "State conflict", "Already suspended."));
        PlatformException other = failure(client.me());
        assertThat(other.problemType()).isEmpty();
        assertThat(other.kind()).contains(ProblemType.CONFLICT);
        assertThat(other.retryable()).isFalse();

        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "text/plain").setBody("go away"));
        PlatformException proxy = failure(client.me());
        assertThat(proxy.kind()).contains(ProblemType.UNAUTHORIZED);
        assertThat(proxy.getMessage()).startsWith("Your operator token was rejected by " + client.baseUrl());

        server.enqueue(new MockResponse().setResponseCode(429));
        assertThat(failure(client.me()).retryable()).isTrue();
    }

    @Test
    void garbageOnSuccessIsReportedAsNotJson() {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("hello, world"));
        PlatformException e = failure(client.me());
        assertThat(e.getMessage()).contains("isn't JSON (HTTP 200)").doesNotContain("Exception");
    }

    @Test
    void htmlBadGatewayIsReadableAndRetryable() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        PlatformException e = failure(client.models(ModelQuery.ALL, null));
        assertThat(e.getMessage()).startsWith("The platform answered with something that isn't JSON (HTTP 502)");
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void emptyBodyIsReadable() {
        server.enqueue(new MockResponse().setResponseCode(200));
        assertThat(failure(client.me()).getMessage()).contains("empty body");
        server.enqueue(new MockResponse().setResponseCode(503));
        PlatformException e = failure(client.me());
        assertThat(e.getMessage()).contains("HTTP 503").contains("empty body");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void jsonOfTheWrongShapeSaysVersionsMayDiffer() {
        server.enqueue(json(200, "{\"data\":\"not a list\"}"));
        assertThat(failure(client.models(ModelQuery.ALL, null)).getMessage()).contains("doesn't match what this console expects");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        long started = System.nanoTime();
        PlatformException e = failure(client.me());
        assertThat(e.getMessage()).contains("did not answer within");
        assertThat(e.retryable()).isTrue();
        assertThat(e.unreachable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aDeadServerIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (PlatformClient dead = new PlatformClient("http://127.0.0.1:" + port, "t")) {
            PlatformException e = failure(dead.health());
            assertThat(e.getMessage()).isEqualTo("Can't reach http://127.0.0.1:" + port + ": connection refused. Is the gateway running?");
            assertThat(e.retryable()).isTrue();
        }
    }

    @Test
    void reachabilityIsReported() throws Exception {
        List<Boolean> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.addReachabilityListener(seen::add);
        server.enqueue(json(200, "{\"status\":\"ok\",\"version\":\"0.1.0\",\"database\":\"H2\"}"));
        assertThat(client.health().get(5, TimeUnit.SECONDS).database()).isEqualTo("H2");
        assertThat(seen).containsExactly(true);
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> new PlatformClient("http://" + "gateway.example.com:8080", "t"))
                .isInstanceOf(PlatformException.class).hasMessageContaining("Refusing plain http:// to gateway.example.com");
        assertThatThrownBy(() -> new PlatformClient("http://10.1.2.3", "t")).isInstanceOf(PlatformException.class);
        assertThatThrownBy(() -> new PlatformClient("http://128.0.0.1", "t")).isInstanceOf(PlatformException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void loopbackAndHttpsAreAccepted() {
        for (String url : List.of("http://localhost:8080", "http://127.0.0.1", "http://127.5.6.7:1", "http://[::1]:9000",
                "https://gateway.example.com", "gateway.example.com")) {
            try (PlatformClient c = new PlatformClient(url, "t")) {
                assertThat(c.baseUrl()).startsWith("http");
            }
        }
        assertThat(PlatformClient.parseBaseUrl("gateway.example.com").isHttps()).isTrue();
    }

    @Test
    void blankUrlOrTokenAndNonsenseAreReadable() {
        assertThatThrownBy(() -> new PlatformClient(" ", "t")).hasMessageStartingWith("Enter the platform's URL");
        assertThatThrownBy(() -> new PlatformClient("http://localhost", "")).hasMessage("Enter an operator token.");
        assertThatThrownBy(() -> new PlatformClient("ht!tp://x y", "t")).hasMessageContaining("is not a URL");
    }
}
