package dev.gatehouse.gateway.team;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.contract.OpenApiContract;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The team API: a lead adds, changes, deactivates and rotates operators; nobody else may; the last lead stays. */
class OperatorRoutesTest {
    private static TestGateway gw;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        // its own gateway: these tests count the leads of the whole table
        gw = new TestGateway(Database.inMemory());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String body(String name, String email, String role) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"role\":\"" + role + "\",\"reason\":\"issue 13: onboarding\"}";
    }

    private static TestGateway.Response create(String name, String email, String role) {
        return gw.post(Role.LEAD, "/admin/v1/operators", body(name, email, role));
    }

    private static TestGateway.Response act(String id, String action) {
        return gw.post(Role.LEAD, "/admin/v1/operators/" + id + "/actions",
                "{\"action\":\"" + action + "\",\"reason\":\"issue 13: lifecycle\"}");
    }

    /** GET /admin/v1/me with {@code token}, validated against the OpenAPI document like all TestGateway traffic. */
    private static int me(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.server().port() + "/admin/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        OpenApiContract.check(request, null, r);
        return r.statusCode();
    }

    private static long audits() {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entries").mapTo(Long.class).one());
    }

    @Test
    void anOperatorIsCreatedUsedRotatedDeactivatedAndReactivated() throws Exception {
        long before = audits();
        var created = create("Sam Support", "Sam@Example.com", "support");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().at("/operator/id").asText();
        String token = created.json().get("token").asText();
        assertThat(id).startsWith("op_");
        assertThat(token).startsWith("gho_");
        assertThat(created.json().at("/operator/email").asText()).isEqualTo("sam@example.com");
        assertThat(created.json().at("/operator/status").asText()).isEqualTo("active");
        assertThat(created.json().at("/operator/last_seen_at").isNull()).isTrue();
        assertThat(audits()).isEqualTo(before + 1);
        JsonNode entry = gw.get(Role.VIEWER, "/admin/v1/audit?target=" + id).json().get("data").get(0);
        assertThat(entry.get("action").asText()).isEqualTo("operator.create");
        assertThat(entry.toString()).doesNotContain(token);

        assertThat(me(token)).isEqualTo(200);
        var read = gw.get(Role.LEAD, "/admin/v1/operators/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().get("last_seen_at").isNull()).as("the first request is recorded").isFalse();
        assertThat(read.json().has("token")).isFalse();
        assertThat(read.json().has("token_hash")).isFalse();
        String hash = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM operators WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(gw.get(Role.LEAD, "/admin/v1/operators?limit=200").body()).contains(id).doesNotContain(token).doesNotContain(hash);

        var rotated = act(id, "rotate_token");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newToken = rotated.json().get("token").asText();
        assertThat(newToken).startsWith("gho_").isNotEqualTo(token);
        assertThat(me(token)).as("the old token is refused at once").isEqualTo(401);
        assertThat(me(newToken)).isEqualTo(200);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/audit?target=" + id).body()).doesNotContain(newToken);

        var deactivated = act(id, "deactivate");
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().at("/operator/status").asText()).isEqualTo("deactivated");
        assertThat(deactivated.json().get("token").isNull()).isTrue();
        assertThat(me(newToken)).as("deactivation takes effect on the next request").isEqualTo(401);
        assertThat(act(id, "deactivate").status()).isEqualTo(409);

        assertThat(act(id, "reactivate").status()).isEqualTo(200);
        assertThat(me(newToken)).isEqualTo(200);
        assertThat(audits()).isEqualTo(before + 4);
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
    }

    @Test
    void theListPagesThroughEveryOperatorOnce() {
        create("Page One", "page1@example.com", "viewer");
        create("Page Two", "page2@example.com", "viewer");
        int total = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM operators").mapTo(Integer.class).one());
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = gw.get(Role.LEAD, "/admin/v1/operators?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("data").size()).isBetween(1, 2);
            page.json().get("data").forEach(o -> seen.add(o.get("id").asText()));
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(total).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aLeadChangesRoleAndNameWithIfMatch() {
        String id = create("Olive Ops", "olive@example.com", "ops").json().at("/operator/id").asText();
        String path = "/admin/v1/operators/" + id;
        assertThat(gw.patch(Role.LEAD, path, "{\"role\":\"viewer\",\"reason\":\"r\"}", Map.of()).status()).isEqualTo(428);
        var changed = gw.patch(Role.LEAD, path, "{\"role\":\"trust_safety\",\"name\":\"Olive T\",\"reason\":\"moved team\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(changed.json().get("role").asText()).isEqualTo("trust_safety");
        assertThat(changed.json().get("name").asText()).isEqualTo("Olive T");
        assertThat(gw.patch(Role.LEAD, path, "{\"role\":\"viewer\",\"reason\":\"r\"}", Map.of("If-Match", "\"1\"")).status())
                .isEqualTo(412);
    }

    @Test
    void theLastActiveLeadCanBeNeitherDeactivatedNorDemoted() {
        long before = audits();
        var deactivate = act("op_lead", "deactivate");
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(deactivate.json().get("type").asText()).endsWith("/conflict");
        assertThat(deactivate.json().get("detail").asText()).contains("last active lead");
        var demote = gw.patch(Role.LEAD, "/admin/v1/operators/op_lead", "{\"role\":\"ops\",\"reason\":\"r\"}", Map.of("If-Match", "\"1\""));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.json().get("detail").asText()).contains("last active lead");
        assertThat(audits()).isEqualTo(before);
        assertThat(gw.get(Role.LEAD, "/admin/v1/me").status()).isEqualTo(200);

        // with a second lead, either may go
        String second = create("Lee Second", "lee@example.com", "lead").json().at("/operator/id").asText();
        assertThat(act(second, "deactivate").status()).isEqualTo(200);
        assertThat(act("op_lead", "deactivate").status()).as("the second lead is deactivated now").isEqualTo(409);
    }

    @Test
    void onlyALeadManagesOperators() {
        for (Role role : new Role[] {Role.VIEWER, Role.SUPPORT, Role.TRUST_SAFETY, Role.OPS}) {
            assertThat(gw.get(role, "/admin/v1/operators").status()).as(role.wire()).isEqualTo(403);
            assertThat(gw.get(role, "/admin/v1/operators/op_viewer").status()).isEqualTo(403);
            assertThat(gw.post(role, "/admin/v1/operators", body("X", "x-" + role.wire() + "@example.com", "lead")).status()).isEqualTo(403);
            assertThat(gw.patch(role, "/admin/v1/operators/op_" + role.wire(), "{\"role\":\"lead\",\"reason\":\"r\"}",
                    Map.of("If-Match", "\"1\"")).status()).isEqualTo(403);
            assertThat(gw.post(role, "/admin/v1/operators/op_lead/actions", "{\"action\":\"deactivate\",\"reason\":\"r\"}").status())
                    .isEqualTo(403);
        }
        assertThat(gw.get(Role.LEAD, "/admin/v1/operators/op_nobody").status()).isEqualTo(404);
    }

    @Test
    void aDuplicateEmailIs409AndBadFieldsAre422() {
        assertThat(create("Dee", "dee@example.com", "viewer").status()).isEqualTo(201);
        var dup = create("Dee Again", "DEE@example.com", "support");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().get("type").asText()).endsWith("/conflict");

        var bad = gw.post(Role.LEAD, "/admin/v1/operators", "{\"name\":\" \",\"email\":\"nope\",\"role\":\"boss\",\"reason\":\"\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "email", "role", "reason");
        var badAction = act("op_viewer", "delete");
        assertThat(badAction.status()).isEqualTo(422);
        assertThat(badAction.json().get("errors").findValuesAsText("field")).containsExactly("action");
        var emptyPatch = gw.patch(Role.LEAD, "/admin/v1/operators/op_viewer", "{\"reason\":\"r\"}", Map.of("If-Match", "\"1\""));
        assertThat(emptyPatch.status()).isEqualTo(422);
    }

    @Test
    void aReplayedCreateAnswersTheSameOperatorWithoutTheToken() {
        String key = UUID.randomUUID().toString();
        String b = body("Rae Replay", "rae@example.com", "viewer");
        var first = gw.post(Role.LEAD, "/admin/v1/operators", b, Map.of("Idempotency-Key", key));
        var replay = gw.post(Role.LEAD, "/admin/v1/operators", b, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("token").asText()).startsWith("gho_");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("operator")).isEqualTo(first.json().get("operator"));
        assertThat(replay.json().get("token").isNull()).as("a token is shown once, and never stored").isTrue();
        String stored = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT response_body FROM idempotency_keys")
                .mapTo(String.class).list()).toString();
        assertThat(stored).doesNotContain(first.json().get("token").asText());
    }
}
