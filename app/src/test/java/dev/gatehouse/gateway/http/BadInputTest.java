package dev.gatehouse.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.GatewayHttpClient;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad query input on the list endpoint is always a 4xx problem+json that says what to fix, never a 500. */
class BadInputTest {
    static DemoGateway gateway;
    static GatewayHttpClient client;
    static String token;

    @BeforeAll
    static void start() {
        gateway = DemoGateway.startLocal();
        client = new GatewayHttpClient(gateway.baseUrl());
        token = gateway.token(Role.OPS);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            limit    | -1
            limit    | 0
            limit    | abc
            limit    | 201
            limit    | 99999999999
            limit    | 1.5
            limit    | %20
            cursor   | garbage!!
            cursor   | %2B%2F%3D
            modality | banana
            modality | CHAT
            provider | Nope
            status   | gone
            q        | %00
            """)
    void isProblem400NamingTheField(String field, String value) {
        GatewayHttpClient.Reply reply = client.get("/admin/v1/models?" + field + "=" + value, token);
        assertFieldProblem(reply, field);
    }

    @Test
    void cursorsThatDecodeButAreNotOursAre400() {
        assertFieldProblem(get("cursor=" + b64("junk that is not a cursor")), "cursor");
        assertFieldProblem(get("cursor=" + b64("accounts\u001facme\u001facct_1")), "cursor");
        assertFieldProblem(get("cursor=" + b64("models\u001fonly-two\u001fparts")), "cursor");
        assertFieldProblem(get("cursor=" + b64("models\u001fopenai\u0000\u001fgpt\u001fmdl_x")), "cursor");
        // well-formed keys that match no row simply page from there
        GatewayHttpClient.Reply past = get("cursor=" + b64("models\u001fzzzz\u001fzzzz\u001fmdl_zzzz"));
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().path("data").size()).isZero();
    }

    @Test
    void unknownProviderListsTheValidOnes() {
        GatewayHttpClient.Reply reply = get("provider=Nope");
        assertFieldProblem(reply, "provider");
        assertThat(reply.json().path("errors").get(0).path("message").asText())
                .contains("OpenAI", "Black Forest Labs", "Nope");
    }

    @Test
    void overlongFreeTextIs400() {
        assertFieldProblem(get("q=" + "a".repeat(500)), "q");
        assertThat(get("q=" + "a".repeat(200)).status()).isEqualTo(200);
    }

    @Test
    void sqlLookingFreeTextFindsNothing() {
        for (String q : new String[] {"' OR 1=1 --", "'; DROP TABLE models; --", "\" OR \"\"=\"", "%' OR '1'='1"}) {
            GatewayHttpClient.Reply reply = get("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(reply.status()).as(q).isEqualTo(200);
            assertThat(reply.json().path("data").size()).as(q).isZero();
        }
        assertThat(get("limit=1").json().path("data").size()).isEqualTo(1);
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(get("sort=evil&limit=3").json().path("data").size()).isEqualTo(3);
    }

    private static GatewayHttpClient.Reply get(String query) {
        return client.get("/admin/v1/models?" + query, token);
    }

    private static void assertFieldProblem(GatewayHttpClient.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
        JsonNode body = reply.json();
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("detail").asText()).isNotBlank().startsWith(field);
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(body.path("errors").get(0).path("message").asText()).isNotBlank();
    }
}
