package dev.gatehouse.console.shell;

import dev.gatehouse.policy.Role;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The connect window's logic without a window: validation, sign-in, errors that keep what was typed, retry. */
class ConnectViewModelTest {
    private static final String ME = """
            {"id":"op_lead","name":"Lena Lead","email":"lena@example.com","role":"lead",
             "platform":{"name":"Test platform","version":"1","mode":"team"}}""";

    MockWebServer server;
    final AtomicReference<ConnectViewModel.SignedIn> session = new AtomicReference<>();
    DemoPlatform demo;
    ConnectViewModel vm;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        demo = () -> new DemoPlatform.Connection(server.url("/").toString(), Map.of("lead", "tok-lead", "support", "tok-support"));
        vm = new ConnectViewModel(() -> demo.start(), Runnable::run, Runnable::run, session::set);
    }

    @AfterEach
    void stop() throws IOException {
        ConnectViewModel.SignedIn s = session.get();
        if (s != null) {
            s.client().close();
        }
        server.shutdown();
    }

    @Test
    void blankFieldsAreFlaggedWithoutSendingAnything() {
        vm.connect();
        assertThat(vm.urlErrorProperty().get()).isNotBlank();
        assertThat(vm.tokenErrorProperty().get()).isEqualTo("Enter an operator token.");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void plainHttpToARemoteHostIsRefusedAndTheTypedValuesStay() {
        vm.urlProperty().set("http://gateway.example.com");
        vm.tokenProperty().set("secret-token");
        vm.connect();
        assertThat(vm.urlErrorProperty().get()).containsIgnoringCase("http");
        assertThat(vm.urlProperty().get()).isEqualTo("http://gateway.example.com");
        assertThat(vm.tokenProperty().get()).isEqualTo("secret-token");
        assertThat(session.get()).isNull();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void signsInWithTheTypedTokenAndHandsOverASession() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(ME));
        vm.urlProperty().set(server.url("/").toString());
        vm.tokenProperty().set("tok-typed");
        vm.connect();
        waitUntil(() -> session.get() != null);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getPath()).isEqualTo("/admin/v1/me");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer tok-typed");
        assertThat(session.get().me().name()).isEqualTo("Lena Lead");
        assertThat(session.get().demo()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aRejectedTokenIsShownAtTheTokenFieldAndKept() {
        server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"x\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The operator token is not valid.\",\"errors\":[]}"));
        vm.urlProperty().set(server.url("/").toString());
        vm.tokenProperty().set("tok-wrong");
        vm.connect();
        waitUntil(() -> !vm.tokenErrorProperty().get().isEmpty());
        assertThat(vm.tokenProperty().get()).isEqualTo("tok-wrong");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canRetryProperty().get()).isTrue();
        assertThat(session.get()).isNull();
    }

    @Test
    void aFailingPlatformGivesAMessageAndRetryRepeatsTheAttempt() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody("<html>Bad gateway</html>"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(ME));
        vm.urlProperty().set(server.url("/").toString());
        vm.tokenProperty().set("tok-typed");
        vm.connect();
        waitUntil(() -> !vm.errorProperty().get().isEmpty());
        assertThat(vm.errorProperty().get()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(vm.canRetryProperty().get()).isTrue();

        vm.retry();
        waitUntil(() -> session.get() != null);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void demoSignsInWithTheChosenRolesToken() throws Exception {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(ME.replace("lead", "support")));
        vm.demoRoleProperty().set(Role.SUPPORT);
        vm.openDemo();
        waitUntil(() -> session.get() != null);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization")).isEqualTo("Bearer tok-support");
        assertThat(session.get().demo()).isTrue();
    }

    @Test
    void aDemoPlatformThatWillNotStartSaysSoAndCanBeRetried() {
        demo = () -> {
            throw new IllegalStateException("port in use");
        };
        vm.openDemo();
        waitUntil(() -> !vm.errorProperty().get().isEmpty());
        assertThat(vm.errorProperty().get()).contains("The demo platform did not start").contains("port in use");
        assertThat(vm.canRetryProperty().get()).isTrue();

        demo = () -> new DemoPlatform.Connection(server.url("/").toString(), Map.of("lead", "tok-lead"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(ME));
        vm.retry();
        waitUntil(() -> session.get() != null);
    }

    @Test
    void aDemoWithoutTheChosenRoleSaysWhichRoleIsMissing() {
        demo = () -> new DemoPlatform.Connection(server.url("/").toString(), Map.of("lead", "tok-lead"));
        vm.demoRoleProperty().set(Role.VIEWER);
        vm.openDemo();
        waitUntil(() -> !vm.errorProperty().get().isEmpty());
        assertThat(vm.errorProperty().get()).contains("Viewer");
        assertThat(server.getRequestCount()).isZero();
    }

    private static void waitUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
