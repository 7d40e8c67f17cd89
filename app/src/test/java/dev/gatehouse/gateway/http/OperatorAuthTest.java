package dev.gatehouse.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Health;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.GatewayHttpClient;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.policy.Role;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** /healthz is open; everything under /admin/v1 needs a valid operator bearer token. */
class OperatorAuthTest {
    static DemoGateway gateway;
    static GatewayHttpClient client;

    @BeforeAll
    static void start() {
        gateway = DemoGateway.startLocal();
        client = new GatewayHttpClient(gateway.baseUrl());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void healthzAnswersWithoutAToken() {
        GatewayHttpClient.Reply reply = client.get("/healthz", Headers.of());

        assertThat(reply.status()).isEqualTo(200);
        Health health = reply.as(Health.class);
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.database()).isEqualTo("H2");
    }

    @Test
    void noAuthorizationHeaderIs401() {
        assertUnauthorized(client.get("/admin/v1/me", Headers.of()), "Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer gho_notarealtoken", "Bearer ", "Basic dmVyYTpzZWNyZXQ=", "Token abc", "gho_abc"})
    void badTokenOrSchemeIs401(String header) {
        assertUnauthorized(client.get("/admin/v1/models", Headers.of("Authorization", header)), "");
    }

    @Test
    void aValidTokenWithAnotherSchemeIsStill401() {
        String token = gateway.token(Role.LEAD);
        GatewayHttpClient.Reply reply = client.get("/admin/v1/me", Headers.of("Authorization", "Basic " + token));
        assertUnauthorized(reply, "Bearer");
    }

    @Test
    void unknownAdminRouteWithATokenIsProblem404() {
        GatewayHttpClient.Reply reply = client.get("/admin/v1/nothing-here", gateway.token(Role.VIEWER));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(reply.json().path("detail").asText()).contains("/admin/v1/nothing-here");
    }

    private static void assertUnauthorized(GatewayHttpClient.Reply reply, String detailMentions) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(reply.headers().get("WWW-Authenticate")).isEqualTo("Bearer");
        JsonNode body = reply.json();
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(body.path("type").asText()).isEqualTo(dev.gatehouse.api.ProblemType.UNAUTHORIZED.uri());
        assertThat(body.path("detail").asText()).isNotBlank().contains(detailMentions);
    }
}
