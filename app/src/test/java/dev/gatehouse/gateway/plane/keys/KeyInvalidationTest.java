package dev.gatehouse.gateway.plane.keys;

import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.plane.PlaneFixture;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console decisions bite on the data plane (issue 12 §2): a key or account suspended or revoked through the admin API is
 * refused from the next request on the same gateway (well inside 100 ms), a model disabled there is 404.
 */
class KeyInvalidationTest {
    static PlaneFixture plane;

    @BeforeAll
    static void start() {
        plane = new PlaneFixture();
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    static int models(PlaneFixture.Key k) {
        return plane.send(k.secret(), "GET", "/v1/models", null).status();
    }

    /** Sends the admin request, then asks /v1 until refused; the milliseconds from the admin answer to the refusal. */
    static long refusedAfter(PlaneFixture.Key k, int status, Runnable admin) {
        admin.run();
        long answered = System.nanoTime();
        while (models(k) != status) {
            assertThat(System.nanoTime() - answered).as("still served 2 s after the admin answer").isLessThan(2_000_000_000L);
        }
        return (System.nanoTime() - answered) / 1_000_000;
    }

    static void keyAction(PlaneFixture.Key k, String action) {
        TestGateway.Response r = plane.gateway.post(Role.LEAD, "/admin/v1/keys/" + k.id() + "/actions",
                "{\"action\":\"" + action + "\",\"reason\":\"plane test\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aSuspendedKeyIsRefusedWithin100ms() {
        PlaneFixture.Key k = plane.key("live");
        assertThat(models(k)).isEqualTo(200); // cached now
        long ms = refusedAfter(k, 403, () -> keyAction(k, "suspend"));
        System.out.println("suspended key refused " + ms + " ms after the admin answer (same gateway)");
        assertThat(ms).isLessThan(100);
        TestGateway.Response r = plane.send(k.secret(), "GET", "/v1/models", null);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("key_suspended");
        refusedAfter(k, 200, () -> keyAction(k, "reinstate"));
    }

    @Test
    void aRevokedKeyIs401() {
        PlaneFixture.Key k = plane.key("live");
        assertThat(models(k)).isEqualTo(200);
        long ms = refusedAfter(k, 401, () -> keyAction(k, "revoke"));
        assertThat(ms).isLessThan(100);
        assertThat(plane.send(k.secret(), "GET", "/v1/models", null).json().get("error").get("code").asText()).isEqualTo("key_revoked");
    }

    @Test
    void aSuspendedAccountIs403ForEachOfItsKeys() {
        PlaneFixture.Key k = plane.key("live");
        PlaneFixture.Key other = plane.key(k.accountId(), "test", null);
        assertThat(models(k)).isEqualTo(200);
        assertThat(models(other)).isEqualTo(200);
        long ms = refusedAfter(k, 403, () -> {
            TestGateway.Response r = plane.gateway.post(Role.LEAD, "/admin/v1/accounts/" + k.accountId() + "/actions",
                    "{\"action\":\"suspend\",\"reason\":\"plane test\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        });
        assertThat(ms).isLessThan(100);
        TestGateway.Response r = plane.send(other.secret(), "GET", "/v1/models", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").get("code").asText()).isEqualTo("account_suspended");
    }

    @Test
    void aDisabledModelIs404() {
        PlaneFixture.Key k = plane.key("live");
        String body = "{\"model\":\"openai/gpt-4.1-nano\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertThat(plane.send(k.secret(), "POST", "/v1/chat/completions", body).status()).isEqualTo(200);
        String id = plane.gateway.db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM models WHERE slug = 'openai/gpt-4.1-nano'")
                .mapTo(String.class).one());
        TestGateway.Response model = plane.gateway.get(Role.LEAD, "/admin/v1/models/" + id);
        TestGateway.Response r = plane.gateway.patch(Role.LEAD, "/admin/v1/models/" + id,
                "{\"status\":\"disabled\",\"reason\":\"Security: jailbreak in the wild\",\"emergency\":true}",
                Map.of("If-Match", model.header("ETag")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        TestGateway.Response refused = plane.send(k.secret(), "POST", "/v1/chat/completions", body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.json().get("error").get("code").asText()).isEqualTo("model_not_found");
        assertThat(plane.send(k.secret(), "GET", "/v1/models", null).body()).doesNotContain("\"openai/gpt-4.1-nano\"");
    }
}
