package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.abuse.TestClock;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.demo.CatalogSeed;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeySecrets;
import dev.gatehouse.gateway.plane.keys.CachedCatalog;
import dev.gatehouse.gateway.plane.keys.CachedKeyDirectory;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The prompt screen runs before the charge: when it fails, the request is not billed (nor a video reserved). */
class PlaneScreeningOrderTest {
    final TestClock clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
    final TestEnforcement enforcement = new TestEnforcement();
    final HttpClient http = HttpClient.newHttpClient();
    volatile boolean screenFails;
    Database db;
    Javalin app;
    String secret;

    @BeforeEach
    void start() {
        db = Database.inMemory();
        CatalogSeed.seed(db, PlaneFixture.SEED);
        String account = TestAccounts.create(db, "Screening", "pro", "active", 0).accountId();
        KeySecrets.Secret s = KeySecrets.newSecret("live");
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4,"
                        + " status, created_at) VALUES (:id, :acct, 'screen', 'live', :hash, :prefix, :last4, 'active', :at)")
                .bind("id", PrefixedIds.next("key_", clock.instant())).bind("acct", account).bind("hash", s.hash())
                .bind("prefix", s.prefix()).bind("last4", s.last4()).bind("at", clock.instant().atOffset(ZoneOffset.UTC)).execute());
        secret = s.plain();
        CachedCatalog catalog = new CachedCatalog(db.jdbi());
        PromptScreen screen = (caller, model, prompt, now) -> {
            if (screenFails) {
                throw new IllegalStateException("detector broke");
            }
        };
        app = Javalin.create();
        new PlaneRoutes(new CachedKeyDirectory(db.jdbi()), catalog, enforcement.limits, enforcement.meter,
                new VideoTasks(db.jdbi(), enforcement.meter, catalog), screen, clock).register(app);
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        db.close();
    }

    int post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aFailingScreenBillsNothing() throws Exception {
        String chat = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String image = "{\"model\":\"openai/gpt-image-1\",\"prompt\":\"a cat\"}";
        String video = "{\"model\":\"openai/sora-2\",\"prompt\":\"a cat\"}";
        assertThat(post("/v1/chat/completions", chat)).isEqualTo(200);
        assertThat(post("/v1/chat/completions", chat.replace("}]}", "}],\"stream\":true}"))).isEqualTo(200);
        assertThat(post("/v1/images/generations", image)).isEqualTo(200);
        assertThat(post("/v1/videos/generations", video)).isEqualTo(200);
        assertThat(enforcement.meter.count("charge")).isEqualTo(3);
        assertThat(enforcement.meter.count("reserve")).isEqualTo(1);

        screenFails = true;
        assertThat(post("/v1/chat/completions", chat)).isEqualTo(500);
        assertThat(post("/v1/chat/completions", chat.replace("}]}", "}],\"stream\":true}"))).isEqualTo(500);
        assertThat(post("/v1/images/generations", image)).isEqualTo(500);
        assertThat(post("/v1/videos/generations", video)).isEqualTo(500);
        assertThat(enforcement.meter.count("charge")).as("charges after a failed screen").isEqualTo(3);
        assertThat(enforcement.meter.count("reserve")).as("reservations after a failed screen").isEqualTo(1);
    }
}
