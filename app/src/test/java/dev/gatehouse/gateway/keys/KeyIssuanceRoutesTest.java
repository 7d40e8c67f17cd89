package dev.gatehouse.gateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class KeyIssuanceRoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = SharedGateways.plain();
    }

    private static String body(String name, String mode, String expiresAt, String reason) {
        return "{\"name\":" + json(name) + ",\"mode\":" + json(mode) + (expiresAt == null ? "" : ",\"expires_at\":\"" + expiresAt + "\"")
                + ",\"reason\":" + json(reason) + "}";
    }

    private static String json(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static String storedHash(String keyId) {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT secret_hash FROM api_keys WHERE id = :id").bind("id", keyId)
                .mapTo(String.class).one());
    }

    private static String auditRow(String auditId) {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT * FROM audit_entries WHERE id = :id").bind("id", auditId)
                .mapToMap().one().toString());
    }

    @Test
    void issuesAKeyWhoseSecretIsShownOnceAndStoredOnlyAsItsHash() {
        var acct = TestAccounts.create(gw.db(), "Replacement Key Ltd", "pro", "active", 1);
        String expires = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        var r = gw.post(Role.SUPPORT, "/admin/v1/accounts/" + acct.accountId() + "/keys",
                body("  production replacement ", "live", expires, "old key leaked in a public gist (ai-visual-studio §3)"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode key = r.json().get("key");
        String secret = r.json().get("secret").asText();
        assertThat(secret).matches("sk-live-[A-Za-z0-9]{40}");
        assertThat(key.get("name").asText()).isEqualTo("production replacement");
        assertThat(key.get("status").asText()).isEqualTo("active");
        assertThat(key.get("account_id").asText()).isEqualTo(acct.accountId());
        assertThat(key.get("account_name").asText()).isEqualTo("Replacement Key Ltd");
        assertThat(key.get("expires_at").asText()).isEqualTo(expires);
        assertThat(key.get("masked").asText()).isEqualTo(secret.substring(0, 12) + "…" + secret.substring(secret.length() - 4));
        String id = key.get("id").asText();
        assertThat(storedHash(id)).isEqualTo(KeySecrets.hash(secret)).isNotEqualTo(secret);

        // the audit entry names the key and why, never the secret
        String audit = auditRow(r.json().get("audit_id").asText());
        assertThat(audit).contains("key.issue").contains(id).contains("ai-visual-studio §3").doesNotContain(secret)
                .doesNotContain(secret.substring(12, 40));
        // reading the key back never shows it again
        assertThat(gw.get(Role.LEAD, "/admin/v1/keys/" + id).body()).doesNotContain(secret.substring(12, 40));
        assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct.accountId()).json().get("keys"))
                .anySatisfy(k -> assertThat(k.get("id").asText()).isEqualTo(id));
    }

    @Test
    void aTestKeyForTrustAndSafetyAndALead() {
        var acct = TestAccounts.create(gw.db(), "Sandbox Testers", "free", "active", 0);
        for (Role role : List.of(Role.TRUST_SAFETY, Role.LEAD)) {
            var r = gw.post(role, "/admin/v1/accounts/" + acct.accountId() + "/keys", body("ci", "test", null, "CI needs a sandbox key"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("secret").asText()).startsWith("sk-test-");
            assertThat(r.json().get("key").get("expires_at").isNull()).isTrue();
        }
        for (Role role : List.of(Role.VIEWER, Role.OPS)) {
            assertThat(gw.post(role, "/admin/v1/accounts/" + acct.accountId() + "/keys", body("ci", "test", null, "x")).status())
                    .isEqualTo(403);
        }
    }

    @Test
    void aReplayReturnsTheSameKeyWithoutItsSecretAndMakesNoSecondKey() {
        var acct = TestAccounts.create(gw.db(), "Flaky Network Co", "starter", "active", 0);
        String path = "/admin/v1/accounts/" + acct.accountId() + "/keys";
        String idem = UUID.randomUUID().toString();
        String b = body("retry me", "live", null, "customer asked for a new key");
        var first = gw.post(Role.SUPPORT, path, b, Map.of("Idempotency-Key", idem));
        assertThat(first.status()).isEqualTo(201);
        String secret = first.json().get("secret").asText();
        var replay = gw.post(Role.SUPPORT, path, b, Map.of("Idempotency-Key", idem));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("key").get("id").asText()).isEqualTo(first.json().get("key").get("id").asText());
        assertThat(replay.json().get("secret").isNull()).isTrue();
        assertThat(replay.body()).doesNotContain(secret.substring(12, 40));
        assertThat(gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + acct.accountId()).json().get("data")).hasSize(1);
        // the stored answer the replay came from never held the secret either
        String stored = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT response_body FROM idempotency_keys WHERE idem_key = :k")
                .bind("k", idem).mapTo(String.class).one());
        assertThat(stored).doesNotContain(secret.substring(12, 40)).contains("\"secret\":null");
        // the same key with another body is refused, and still makes nothing
        var other = gw.post(Role.SUPPORT, path, body("another", "live", null, "x"), Map.of("Idempotency-Key", idem));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).endsWith("/idempotency-conflict");
        // without a key, a retry is a new request and gets a new key with a new secret
        var again = gw.post(Role.SUPPORT, path, b);
        assertThat(again.json().get("secret").asText()).isNotEqualTo(secret);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + acct.accountId()).json().get("data")).hasSize(2);
    }

    @Test
    void badFieldsAre422NamingEachField() {
        var acct = TestAccounts.create(gw.db(), "Typo Prone Inc", "free", "active", 0);
        String path = "/admin/v1/accounts/" + acct.accountId() + "/keys";
        var r = gw.post(Role.SUPPORT, path, body("", "prod", Instant.now().minus(1, ChronoUnit.HOURS).toString(), " "));
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("name", "mode", "expires_at", "reason");
        assertThat(gw.post(Role.SUPPORT, path, body("x".repeat(201), "live", null, "r")).json().get("errors").get(0).get("field").asText())
                .isEqualTo("name");
        assertThat(gw.post(Role.SUPPORT, path, "{\"name\":\"two\\nlines\",\"mode\":\"live\",\"reason\":\"r\"}").status()).isEqualTo(422);
        assertThat(gw.post(Role.SUPPORT, path, "{\"mode\":\"live\",\"reason\":\"r\"}").status()).isEqualTo(422);
        assertThat(gw.post(Role.SUPPORT, path, body("n", "live", "next tuesday", "r")).status()).isBetween(400, 422);
        assertThat(gw.post(Role.SUPPORT, path, "{\"name\":\"n\",\"mode\":\"live\",\"reason\":\"r\",\"secret\":\"sk-live-mine\"}").status())
                .as("a caller cannot choose the secret").isBetween(400, 422);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + acct.accountId()).json().get("data")).isEmpty();
    }

    @Test
    void anUnknownAccountIs404AndATerminatedOneIsFinal() {
        var missing = gw.post(Role.SUPPORT, "/admin/v1/accounts/acct_nope/keys", body("n", "live", null, "r"));
        assertThat(missing.status()).isEqualTo(404);
        var gone = TestAccounts.create(gw.db(), "Terminated For Cause", "pro", "terminated", 0);
        var refused = gw.post(Role.LEAD, "/admin/v1/accounts/" + gone.accountId() + "/keys", body("n", "live", null, "r"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/final-state");
        assertThat(refused.json().get("detail").asText()).contains("ai-visual-studio §15");
        // a suspended account may get one: the data plane refuses it with the account until reinstatement
        var held = TestAccounts.create(gw.db(), "Held But Rotating", "pro", "suspended", 0);
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/accounts/" + held.accountId() + "/keys", body("n", "live", null, "r")).status())
                .isEqualTo(201);
    }
}
