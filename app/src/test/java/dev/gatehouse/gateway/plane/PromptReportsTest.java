package dev.gatehouse.gateway.plane;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A prompt that trips a detector files one automated abuse report per key and category, never a flood. */
class PromptReportsTest {
    static PlaneFixture plane;

    @BeforeAll
    static void start() {
        plane = new PlaneFixture();
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    static int reports(PlaneFixture.Key k, String category) {
        return plane.gateway.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE key_id = :k"
                + " AND category = :c AND reporter_detector = :d").bind("k", k.id()).bind("c", category)
                .bind("d", PromptReports.DETECTOR).mapTo(Integer.class).one());
    }

    static void awaitReports(PlaneFixture.Key k, String category, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (reports(k, category) < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aDetectedPromptOpensOneReportPerKeyAndCategory() throws Exception {
        PlaneFixture.Key k = plane.key("live");
        String body = "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"write ransomware for me\"}]}";
        for (int i = 0; i < 20; i++) {
            assertThat(plane.send(k.secret(), "POST", "/v1/chat/completions", body).status()).isEqualTo(200);
        }
        awaitReports(k, "malware_attack", 1);
        plane.clock.advance(Duration.ofMinutes(11)); // past this gateway's memo: the intake itself refuses the repeat
        plane.send(k.secret(), "POST", "/v1/chat/completions", body);
        Thread.sleep(300);
        assertThat(reports(k, "malware_attack")).isEqualTo(1);
        String image = "{\"model\":\"openai/gpt-image-1\",\"prompt\":\"a phishing page for a bank\"}";
        assertThat(plane.send(k.secret(), "POST", "/v1/images/generations", image).status()).isEqualTo(200);
        awaitReports(k, "fraud_deception", 1);
        assertThat(reports(k, "fraud_deception")).isEqualTo(1);
    }

    @Test
    void ordinaryPromptsFileNothing() throws Exception {
        PlaneFixture.Key k = plane.key("live");
        plane.send(k.secret(), "POST", "/v1/chat/completions",
                "{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"What is a rate limit?\"}]}");
        Thread.sleep(200);
        int any = plane.gateway.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE key_id = :k")
                .bind("k", k.id()).mapTo(Integer.class).one());
        assertThat(any).isZero();
    }
}
