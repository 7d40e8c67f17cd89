package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.requestlog.RequestLogStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NUL and other C0 controls on /v1, on a real PostgreSQL (which refuses NUL in text): refused at the edge with a 400
 * naming the parameter, so the request log's batched write, and with it all later metering, keeps working.
 */
class PlaneControlCharactersTest {
    static final String CHAT = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    @Test
    void controlCharactersAreRefusedWithAParamAndMeteringGoesOn() throws Exception {
        try (PlaneFixture plane = new PlaneFixture(PostgresDatabase.fresh(), true)) {
            PlaneFixture.Key k = plane.key("live");
            assertRefused(plane.send(k.secret(), "POST", "/v1/chat/completions",
                    "{\"model\":\"openai/gpt-4o-mini\\u0000\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), "model");
            assertRefused(plane.send(k.secret(), "POST", "/v1/chat/completions",
                    "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"a\\u0000b\"}]}"), "messages[0].content");
            assertRefused(plane.send(k.secret(), "POST", "/v1/chat/completions",
                    "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"\\u001b[2J\"}]}]}"),
                    "messages[0].content[0].text");
            assertRefused(plane.send(k.secret(), "POST", "/v1/images/generations",
                    "{\"model\":\"openai/gpt-image-1\",\"prompt\":\"a\\u0007cat\"}"), "prompt");
            assertRefused(plane.send(k.secret(), "POST", "/v1/videos/generations",
                    "{\"model\":\"openai/sora-2\",\"prompt\":\"a\\u0000b\"}"), "prompt");
            // tab, newline and carriage return are text
            TestGateway.Response fine = plane.send(k.secret(), "POST", "/v1/chat/completions",
                    "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"one\\ttwo\\r\\nthree\"}]}");
            assertThat(fine.status()).as(fine.body()).isEqualTo(200);

            // a normal request afterwards is metered: the flush that writes its request-log row still works
            TestGateway.Response ok = plane.send(k.secret(), "POST", "/v1/chat/completions", CHAT);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            String id = ok.json().get("id").asText().substring("chatcmpl-".length());
            BigDecimal cost = null;
            for (int i = 0; i < 60 && cost == null; i++) {
                Thread.sleep(50);
                cost = plane.gateway.db().jdbi().withHandle(h -> h.createQuery("SELECT cost FROM request_log WHERE id = :id")
                        .bind("id", id).mapTo(BigDecimal.class).findOne().orElse(null));
            }
            assertThat(cost).as("request-log row of the metered request").isNotNull().isPositive();
            long refusedRows = plane.gateway.db().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM request_log WHERE key_id = :k AND http_status = 400").bind("k", k.id()).mapTo(Long.class).one());
            assertThat(refusedRows).isEqualTo(5);

            // second line: a NUL that got past the edge is dropped from the row, not written to PostgreSQL
            plane.gateway.db().jdbi().useHandle(h -> RequestLogStore.insert(h, List.of(new RequestLogStore.Row("req_nul_test", k.id(),
                    k.accountId(), "x\u0000y", Instant.parse("2026-06-01T12:00:00Z"), 404, 1, BigDecimal.ZERO, "tokens",
                    BigDecimal.ZERO, "a\u0000b"))));
            String stored = plane.gateway.db().jdbi().withHandle(h -> h.createQuery(
                    "SELECT model || '|' || prompt_excerpt FROM request_log WHERE id = 'req_nul_test'").mapTo(String.class).one());
            assertThat(stored).isEqualTo("xy|ab");
        }
    }

    private static void assertRefused(TestGateway.Response r, String param) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").get("param").asText()).isEqualTo(param);
        assertThat(r.json().get("error").get("type").asText()).isEqualTo("invalid_request_error");
    }
}
