package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Video generations: an asynchronous task moved on by the gateway's clock, reserved at submission, billed on completion. */
class VideoTasksTest {
    static PlaneFixture plane;

    @BeforeAll
    static void start() {
        plane = new PlaneFixture();
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    static TestGateway.Response submit(PlaneFixture.Key k, String body) {
        return plane.send(k.secret(), "POST", "/v1/videos/generations", body);
    }

    /** The task once finished: the sweep may be settling it at the moment the test reads it (then it reads in_progress). */
    static TestGateway.Response finished(PlaneFixture.Key k, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        TestGateway.Response r;
        while (true) {
            r = plane.send(k.secret(), "GET", "/v1/videos/" + id, null);
            String status = r.json().get("status").asText();
            if (status.equals("completed") || status.equals("failed") || System.nanoTime() > deadline) {
                return r;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aTaskIsQueuedThenInProgressThenCompletedAndBilledOnce() throws Exception {
        PlaneFixture.Key k = plane.key("live");
        TestGateway.Response r = submit(k, "{\"model\":\"openai/sora-2\",\"prompt\":\"a fox in snow\",\"seconds\":\"8\",\"size\":\"1280x720\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.json().get("id").asText();
        assertThat(id).startsWith("video_");
        assertThat(r.json().get("status").asText()).isEqualTo("queued");
        assertThat(plane.enforcement.meter.calls).anyMatch(c -> c.what().equals("reserve") && c.caller().keyId().equals(k.id())
                && c.lines().get(0).unit().equals("video_second") && c.lines().get(0).variant().equals("1280x720")
                && c.lines().get(0).quantity().intValue() == 8);

        plane.clock.advance(Duration.ofSeconds(3));
        TestGateway.Response running = plane.send(k.secret(), "GET", "/v1/videos/" + id, null);
        assertThat(running.json().get("status").asText()).isEqualTo("in_progress");
        assertThat(running.json().get("progress").asInt()).isBetween(1, 99);

        plane.clock.advance(Duration.ofSeconds(20));
        TestGateway.Response done = finished(k, id);
        assertThat(done.json().get("status").asText()).isEqualTo("completed");
        assertThat(done.json().get("progress").asInt()).isEqualTo(100);
        assertThat(done.json().get("completed_at").isIntegralNumber()).isTrue();
        plane.send(k.secret(), "GET", "/v1/videos/" + id, null);
        assertThat(plane.enforcement.meter.calls.stream().filter(c -> c.what().equals("settle") && c.caller().keyId().equals(k.id())))
                .hasSize(1);
    }

    @Test
    void anotherAccountCannotSeeTheTask() {
        PlaneFixture.Key k = plane.key("live");
        PlaneFixture.Key other = plane.key("live");
        String id = submit(k, "{\"model\":\"openai/sora-2\",\"prompt\":\"mine\"}").json().get("id").asText();
        TestGateway.Response r = plane.send(other.secret(), "GET", "/v1/videos/" + id, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("video_not_found");
    }

    @Test
    void aTaskWhoseModelIsDisabledFailsAndIsReleased() throws Exception {
        PlaneFixture.Key k = plane.key("live");
        String id = submit(k, "{\"model\":\"openai/sora-2-pro\",\"prompt\":\"soon gone\",\"seconds\":4}").json().get("id").asText();
        String model = plane.gateway.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM models WHERE slug = 'openai/sora-2-pro'")
                .mapTo(String.class).one());
        TestGateway.Response m = plane.gateway.get(Role.LEAD, "/admin/v1/models/" + model);
        assertThat(plane.gateway.patch(Role.LEAD, "/admin/v1/models/" + model,
                "{\"status\":\"disabled\",\"reason\":\"provider outage\",\"emergency\":true}", Map.of("If-Match", m.header("ETag"))).status())
                .isEqualTo(200);
        plane.clock.advance(Duration.ofMinutes(1));
        TestGateway.Response r = finished(k, id);
        assertThat(r.json().get("status").asText()).isEqualTo("failed");
        assertThat(r.json().get("error").get("message").asText()).contains("disabled");
        assertThat(plane.enforcement.meter.calls).anyMatch(c -> c.what().equals("release") && c.caller().keyId().equals(k.id()));
    }

    @Test
    void badVideoRequestsAre400() {
        PlaneFixture.Key k = plane.key("live");
        TestGateway.Response size = submit(k, "{\"model\":\"openai/sora-2\",\"prompt\":\"x\",\"size\":\"4k\"}");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().get("error").get("param").asText()).isEqualTo("size");
        assertThat(submit(k, "{\"model\":\"openai/sora-2\",\"prompt\":\"x\",\"seconds\":\"0\"}").status()).isEqualTo(400);
        assertThat(submit(k, "{\"model\":\"openai/sora-2\",\"prompt\":\"x\",\"seconds\":true}").status()).isEqualTo(400);
        assertThat(submit(k, "{\"model\":\"openai/sora-2\"}").status()).isEqualTo(400);
        assertThat(submit(k, "{\"model\":\"openai/gpt-4o-mini\",\"prompt\":\"x\"}").status()).isEqualTo(400);
    }
}
