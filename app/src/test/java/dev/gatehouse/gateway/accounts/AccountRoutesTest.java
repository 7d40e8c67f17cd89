package dev.gatehouse.gateway.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.policy.AccountAction;
import dev.gatehouse.policy.KeyAction;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts over real HTTP: rails (roles, ETags, idempotency, audit) and the enforcement actions. */
class AccountRoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = SharedGateways.plain();
    }


    private static long auditCount() {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entries").mapTo(Long.class).one());
    }

    private static String action(String action, String reason) {
        return "{\"action\":\"" + action + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void listFiltersAndPages() {
        TestAccounts.create(gw.db(), "Zebracorn Analytics", "pro", "active", 1);
        TestAccounts.create(gw.db(), "Zebracorn Bio", "free", "warned", 1);
        TestAccounts.create(gw.db(), "Other Thing", "free", "active", 0);
        var r = gw.get(Role.VIEWER, "/admin/v1/accounts?q=zebracorn&limit=1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data")).hasSize(1);
        String first = r.json().get("data").get(0).get("name").asText();
        String cursor = r.json().get("next_cursor").asText();
        var r2 = gw.get(Role.VIEWER, "/admin/v1/accounts?q=ZEBRACORN&limit=1&cursor=" + cursor);
        assertThat(r2.json().get("data")).hasSize(1);
        assertThat(List.of(first, r2.json().get("data").get(0).get("name").asText()))
                .containsExactlyInAnyOrder("Zebracorn Analytics", "Zebracorn Bio");
        assertThat(r2.json().get("next_cursor").isNull()).isTrue();
        var warned = gw.get(Role.VIEWER, "/admin/v1/accounts?q=zebracorn&status=warned");
        assertThat(warned.json().get("data")).extracting(n -> n.get("name").asText()).containsExactly("Zebracorn Bio");
        var pro = gw.get(Role.VIEWER, "/admin/v1/accounts?q=zebracorn&tier=pro");
        assertThat(pro.json().get("data")).extracting(n -> n.get("name").asText()).containsExactly("Zebracorn Analytics");
        var byEmailDomain = gw.get(Role.VIEWER, "/admin/v1/accounts?q=example.com&limit=200");
        assertThat(byEmailDomain.json().get("data").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void detailCarriesBalanceLotsKeysAndETag() {
        var acct = TestAccounts.create(gw.db(), "Detail Co", "starter", "active", 3);
        var r = gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct.accountId());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        JsonNode a = r.json().get("account");
        assertThat(a.get("balance").asText()).isEqualTo("25.000000");
        assertThat(a.get("currency").asText()).isEqualTo("USD");
        assertThat(r.json().get("lots")).hasSize(1);
        assertThat(r.json().get("keys")).hasSize(3);
        assertThat(r.json().get("keys_total").asInt()).isEqualTo(3);
        assertThat(r.body()).doesNotContain("secret_hash").doesNotContain("hash\"");
        var ledger = gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct.accountId() + "/ledger");
        assertThat(ledger.json().get("data")).hasSize(1);
        assertThat(ledger.json().get("data").get(0).get("kind").asText()).isEqualTo("purchase");
        assertThat(ledger.json().get("data").get(0).get("balance_after").asText()).isEqualTo("25.000000");
    }

    @Test
    void patchNeedsIfMatchAndRefusesStaleVersions() {
        var acct = TestAccounts.create(gw.db(), "Patch Co", "free", "active", 0);
        String path = "/admin/v1/accounts/" + acct.accountId();
        var missing = gw.patch(Role.OPS, path, "{\"tier\":\"pro\"}", Map.of());
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        long before = auditCount();
        var ok = gw.patch(Role.OPS, path, "{\"tier\":\"pro\",\"reason\":\"upgrade agreed\"}", Map.of("If-Match", "\"1\""));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"2\"");
        assertThat(ok.json().get("tier").asText()).isEqualTo("pro");
        assertThat(auditCount()).isEqualTo(before + 1);
        var stale = gw.patch(Role.OPS, path, "{\"tier\":\"starter\"}", Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).isEqualTo("\"2\"");
        assertThat(stale.json().get("detail").asText()).contains("current version is 2");
        assertThat(auditCount()).isEqualTo(before + 1);
        var bad = gw.patch(Role.SUPPORT, path, "{\"email\":\"not an email\"}", Map.of("If-Match", "\"2\""));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
        var contact = gw.patch(Role.SUPPORT, path, "{\"email\":\"New@Patch.io\"}", Map.of("If-Match", "\"2\""));
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.json().get("email").asText()).isEqualTo("new@patch.io");
    }

    @Test
    void twoWritersWithTheSameETagExactlyOneWins() throws Exception {
        var acct = TestAccounts.create(gw.db(), "Race Co", "free", "active", 0);
        String path = "/admin/v1/accounts/" + acct.accountId();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestGateway.Response>> results = new ArrayList<>();
            for (String tier : List.of("pro", "starter")) {
                results.add(pool.submit(() -> gw.patch(Role.OPS, path, "{\"tier\":\"" + tier + "\"}", Map.of("If-Match", "\"1\""))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var f : results) statuses.add(f.get().status());
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdown();
        }
        var now = gw.get(Role.VIEWER, path);
        assertThat(now.json().get("account").get("version").asLong()).isEqualTo(2);
    }

    @Test
    void terminateRevokesEveryKeyInOneTransactionAndIsFinal() {
        var acct = TestAccounts.create(gw.db(), "Doomed Co", "pro", "active", 14);
        String path = "/admin/v1/accounts/" + acct.accountId() + "/actions";
        long before = auditCount();
        var preview = gw.post(Role.TRUST_SAFETY, path + "/preview", action("terminate", "Severe breach, ai-visual-studio §15"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("preview").asBoolean()).isTrue();
        assertThat(preview.json().get("keys_revoked").asInt()).isEqualTo(14);
        assertThat(preview.json().get("changes").toString()).contains("revokes 14 keys");
        assertThat(preview.json().get("audit").get("action").asText()).isEqualTo("account.terminate");
        assertThat(preview.json().get("audit").get("seq").isNull()).isTrue();
        assertThat(auditCount()).isEqualTo(before);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct.accountId()).json().get("account").get("status").asText())
                .isEqualTo("active");

        var done = gw.post(Role.TRUST_SAFETY, path, action("terminate", "Severe breach, ai-visual-studio §15"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("keys_revoked").asInt()).isEqualTo(14);
        assertThat(done.json().get("account").get("status").asText()).isEqualTo("terminated");
        assertThat(done.json().get("audit_id").asText()).startsWith("aud_");
        assertThat(auditCount()).isEqualTo(before + 1);
        var keys = gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + acct.accountId() + "&limit=200");
        assertThat(keys.json().get("data")).hasSize(14).allSatisfy(k -> assertThat(k.get("status").asText()).isEqualTo("revoked"));
        var detail = gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct.accountId());
        assertThat(detail.json().get("enforcement").get(0).get("action").asText()).isEqualTo("terminate");
        assertThat(detail.json().get("enforcement").get(0).get("reason").asText()).contains("§15");

        for (String a : List.of("reinstate", "warn", "suspend", "terminate")) {
            var again = gw.post(Role.LEAD, path, action(a, "try again"));
            assertThat(again.status()).as(a).isEqualTo(409);
            assertThat(again.json().get("detail").asText()).contains("final");
        }
        var keyAgain = gw.post(Role.LEAD, "/admin/v1/keys/" + acct.keyIds().get(0) + "/actions", action("reinstate", "oops"));
        assertThat(keyAgain.status()).isEqualTo(409);
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
    }

    @Test
    void timedSuspensionThenReinstate() {
        var acct = TestAccounts.create(gw.db(), "Timed Co", "starter", "active", 1);
        String path = "/admin/v1/accounts/" + acct.accountId() + "/actions";
        var s = gw.post(Role.TRUST_SAFETY, path, "{\"action\":\"suspend\",\"reason\":\"Payment overdue 7 days\",\"duration_hours\":48}");
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.json().get("account").get("suspended_until").isNull()).isFalse();
        assertThat(gw.post(Role.TRUST_SAFETY, path, action("suspend", "again")).status()).isEqualTo(409);
        var r = gw.post(Role.TRUST_SAFETY, path, action("reinstate", "Paid"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("account").get("status").asText()).isEqualTo("active");
        assertThat(r.json().get("account").get("suspended_until").isNull()).isTrue();
        var history = gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct.accountId()).json().get("enforcement");
        assertThat(history).extracting(n -> n.get("action").asText()).containsExactly("reinstate", "suspend");
        assertThat(history.get(1).get("duration_hours").asInt()).isEqualTo(48);
    }

    /** Every mutation, for every role without the right: 403, and nothing changes. */
    @Test
    void roleMatrixRefusesEveryMutationToRolesWithoutTheRight() {
        var acct = TestAccounts.create(gw.db(), "Matrix Co", "free", "warned", 1);
        String keyId = acct.keyIds().get(0);
        long before = auditCount();
        int refusals = 0;
        for (Role role : Role.values()) {
            for (AccountAction a : AccountAction.values()) {
                if (Permission.forAccountAction(a).allows(role)) continue;
                for (String suffix : List.of("", "/preview")) {
                    var r = gw.post(role, "/admin/v1/accounts/" + acct.accountId() + "/actions" + suffix, action(a.wire(), "matrix"));
                    assertThat(r.status()).as("%s %s account%s", role, a, suffix).isEqualTo(403);
                    refusals++;
                }
            }
            for (KeyAction a : KeyAction.values()) {
                if (Permission.forKeyAction(a).allows(role)) continue;
                for (String suffix : List.of("", "/preview")) {
                    var r = gw.post(role, "/admin/v1/keys/" + keyId + "/actions" + suffix, action(a.wire(), "matrix"));
                    assertThat(r.status()).as("%s %s key%s", role, a, suffix).isEqualTo(403);
                    refusals++;
                }
            }
            if (!Permission.CHANGE_TIER.allows(role)) {
                var r = gw.patch(role, "/admin/v1/accounts/" + acct.accountId(), "{\"tier\":\"pro\"}", Map.of("If-Match", "\"1\""));
                assertThat(r.status()).as("%s tier", role).isEqualTo(403);
                refusals++;
            }
            if (!Permission.EDIT_CONTACT.allows(role)) {
                var r = gw.patch(role, "/admin/v1/accounts/" + acct.accountId(), "{\"name\":\"X\"}", Map.of("If-Match", "\"1\""));
                assertThat(r.status()).as("%s contact", role).isEqualTo(403);
                refusals++;
            }
        }
        // viewer 8+6+1+1, support 8+4+1, trust_safety tier+contact, ops 8+6
        assertThat(refusals).isEqualTo(16 + 13 + 2 + 14);
        assertThat(auditCount()).isEqualTo(before);
        var detail = gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct.accountId()).json();
        assertThat(detail.get("account").get("status").asText()).isEqualTo("warned");
        assertThat(detail.get("account").get("version").asLong()).isEqualTo(1);
        assertThat(detail.get("keys").get(0).get("status").asText()).isEqualTo("active");
        // and the rights that exist do work
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/keys/" + keyId + "/actions", action("suspend", "key compromise")).status()).isEqualTo(200);
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/keys/" + keyId + "/actions", action("revoke", "key compromise")).status()).isEqualTo(403);
        assertThat(gw.patch(Role.OPS, "/admin/v1/accounts/" + acct.accountId(), "{\"tier\":\"pro\"}", Map.of("If-Match", "\"1\"")).status()).isEqualTo(200);
    }

    @Test
    void idempotencyKeyReplaysAndRefusesReuse() {
        var acct = TestAccounts.create(gw.db(), "Idem Co", "free", "active", 0);
        String path = "/admin/v1/accounts/" + acct.accountId() + "/actions";
        Map<String, String> key = Map.of("Idempotency-Key", "warn-1");
        var first = gw.post(Role.TRUST_SAFETY, path, action("warn", "first warning"), key);
        long after = auditCount();
        var replay = gw.post(Role.TRUST_SAFETY, path, action("warn", "first warning"), key);
        assertThat(replay.status()).isEqualTo(first.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(auditCount()).isEqualTo(after);
        var reuse = gw.post(Role.TRUST_SAFETY, path, action("suspend", "another request"), key);
        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.header("Content-Type")).startsWith("application/problem+json");
        var badKey = gw.post(Role.TRUST_SAFETY, path, action("warn", "x"), Map.of("Idempotency-Key", "x".repeat(300)));
        assertThat(badKey.status()).isEqualTo(400);
    }

    @Test
    void twentyConcurrentIdenticalRequestsHaveOneEffectAndOneAuditEntry() throws Exception {
        var acct = TestAccounts.create(gw.db(), "Burst Co", "free", "active", 5);
        String path = "/admin/v1/accounts/" + acct.accountId() + "/actions";
        long before = auditCount();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<TestGateway.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> gw.post(Role.TRUST_SAFETY, path, action("terminate", "burst"), Map.of("Idempotency-Key", "burst-1")));
            }
            List<TestGateway.Response> responses = new ArrayList<>();
            for (var f : pool.invokeAll(calls)) responses.add(f.get());
            assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(responses).extracting(TestGateway.Response::body).containsOnly(responses.get(0).body());
            assertThat(responses.stream().filter(r -> r.header("Idempotent-Replayed") == null)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(auditCount()).isEqualTo(before + 1);
        long enforcement = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM enforcement_actions WHERE account_id = :a")
                .bind("a", acct.accountId()).mapTo(Long.class).one());
        assertThat(enforcement).isEqualTo(1);
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
    }
}
