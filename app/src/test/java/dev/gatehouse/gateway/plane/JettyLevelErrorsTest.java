package dev.gatehouse.gateway.plane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What Jetty refuses before Javalin runs is OpenAI-shaped on /v1 too, and stays problem+json on the admin API. */
class JettyLevelErrorsTest {
    static PlaneFixture plane;

    @BeforeAll
    static void start() {
        plane = new PlaneFixture();
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    static String[] send(String head) throws Exception {
        try (Socket s = new Socket("127.0.0.1", plane.gateway.server().port())) {
            s.getOutputStream().write((head + "Host: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.getInputStream().transferTo(out);
            String text = out.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            return new String[]{text.substring(0, split), text.substring(split + 4)};
        }
    }

    @Test
    void aBadHeaderOnV1IsAnOpenAiError() throws Exception {
        String[] r = send("GET /v1/models HTTP/1.1\r\nX-Odd: a\u0001b\r\n");
        assertThat(r[0]).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/json");
        JsonNode e = Json.mapper().readTree(r[1]).get("error");
        assertThat(e.get("message").asText()).contains("rejected before it reached the API");
        assertThat(e.get("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void anAmbiguousPathOnV1IsAnOpenAiError() throws Exception {
        String[] r = send("GET /v1/videos/%2e%2e/x HTTP/1.1\r\n");
        assertThat(r[0]).startsWith("HTTP/1.1 4");
        assertThat(Json.mapper().readTree(r[1]).has("error")).as(r[1]).isTrue();
    }

    @Test
    void theAdminApiKeepsProblemJson() throws Exception {
        String[] r = send("GET /admin/v1/me HTTP/1.1\r\nX-Odd: a\u0001b\r\n");
        assertThat(r[0]).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");
    }
}
