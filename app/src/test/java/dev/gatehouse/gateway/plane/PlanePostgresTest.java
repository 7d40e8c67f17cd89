package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The plane's own SQL (key lookup, catalog, audit head, last use, video tasks of V15) on a real PostgreSQL. */
class PlanePostgresTest {
    @Test
    void thePlaneWorksOnPostgres() throws Exception {
        try (PlaneFixture plane = new PlaneFixture(PostgresDatabase.fresh())) {
            PlaneFixture.Key k = plane.key("live");
            assertThat(plane.send(k.secret(), "GET", "/v1/models", null).status()).isEqualTo(200);
            assertThat(plane.send(k.secret(), "POST", "/v1/chat/completions",
                    "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").status()).isEqualTo(200);
            TestGateway.Response video = plane.send(k.secret(), "POST", "/v1/videos/generations", "{\"model\":\"openai/sora-2\",\"prompt\":\"pg\"}");
            assertThat(video.status()).as(video.body()).isEqualTo(200);
            plane.clock.advance(Duration.ofMinutes(1));
            String status;
            long deadline = System.nanoTime() + 5_000_000_000L;
            do {
                status = plane.send(k.secret(), "GET", "/v1/videos/" + video.json().get("id").asText(), null).json().get("status").asText();
            } while (!status.equals("completed") && System.nanoTime() < deadline);
            assertThat(status).isEqualTo("completed");
            assertThat(plane.gateway.post(Role.LEAD, "/admin/v1/keys/" + k.id() + "/actions",
                    "{\"action\":\"suspend\",\"reason\":\"pg\"}").status()).isEqualTo(200);
            assertThat(plane.send(k.secret(), "GET", "/v1/models", null).status()).isEqualTo(403);
            // last use is written about once a second, after a poll of the audit head
            long lastUseDeadline = System.nanoTime() + 10_000_000_000L;
            String lastUsed;
            do {
                Thread.sleep(100);
                lastUsed = plane.gateway.db().jdbi().withHandle(h -> h.createQuery("SELECT CAST(last_used_at AS VARCHAR) FROM api_keys WHERE id = :id")
                        .bind("id", k.id()).mapTo(String.class).one());
            } while (lastUsed == null && System.nanoTime() < lastUseDeadline);
            assertThat(lastUsed).isNotNull();
        }
    }
}
