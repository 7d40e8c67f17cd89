package dev.gatehouse.gateway.keys;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String action(String action, String reason) {
        return "{\"action\":\"" + action + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void listsByAccountStatusModeAndPrefix() {
        var acct = TestAccounts.create(gw.db(), "Keyholder Inc", "pro", "active", 6);
        var all = gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + acct.accountId());
        assertThat(all.json().get("data")).hasSize(6);
        var test = gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + acct.accountId() + "&mode=test");
        assertThat(test.json().get("data")).hasSize(2).allSatisfy(k -> assertThat(k.get("prefix").asText()).startsWith("sk-test-"));
        String prefix = all.json().get("data").get(0).get("prefix").asText();
        var byPrefix = gw.get(Role.VIEWER, "/admin/v1/keys?prefix=" + prefix);
        assertThat(byPrefix.json().get("data")).isNotEmpty().allSatisfy(k -> assertThat(k.get("prefix").asText()).isEqualTo(prefix));
        var page1 = gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + acct.accountId() + "&limit=4");
        var page2 = gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + acct.accountId() + "&limit=4&cursor="
                + page1.json().get("next_cursor").asText());
        assertThat(page1.json().get("data")).hasSize(4);
        assertThat(page2.json().get("data")).hasSize(2);
        assertThat(page2.json().get("next_cursor").isNull()).isTrue();
        // an operator never sees more than prefix and last four
        assertThat(all.body()).doesNotContain("hash").doesNotContain("secret");
        assertThat(all.json().get("data").get(0).get("masked").asText()).matches("sk-(live|test)-.{4}….{4}");
    }

    @Test
    void suspendReinstateRevokeWithHistory() {
        var acct = TestAccounts.create(gw.db(), "Leaky Keys Ltd", "starter", "active", 2);
        String key = acct.keyIds().get(0);
        String path = "/admin/v1/keys/" + key + "/actions";
        var s = gw.post(Role.SUPPORT, path, action("suspend", "Key posted on GitHub, ai-visual-studio §3"));
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.json().get("key").get("status").asText()).isEqualTo("suspended");
        assertThat(s.json().get("changes").get(0).asText()).contains("active → suspended");
        var detail = gw.get(Role.VIEWER, "/admin/v1/keys/" + key);
        assertThat(detail.header("ETag")).isEqualTo("\"2\"");
        assertThat(detail.json().get("key").get("status").asText()).isEqualTo("suspended");
        assertThat(detail.json().get("account").get("id").asText()).isEqualTo(acct.accountId());
        assertThat(detail.json().get("enforcement").get(0).get("actor").asText()).isEqualTo("op_support");
        assertThat(gw.post(Role.TRUST_SAFETY, path, action("reinstate", "rotated")).json().get("key").get("status").asText()).isEqualTo("active");
        var stale = gw.post(Role.TRUST_SAFETY, path, action("revoke", "compromised"), Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);
        var revoke = gw.post(Role.TRUST_SAFETY, path, action("revoke", "compromised"), Map.of("If-Match", "\"3\""));
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(gw.post(Role.LEAD, path, action("reinstate", "undo")).status()).isEqualTo(409);
        var timed = gw.post(Role.TRUST_SAFETY, "/admin/v1/keys/" + acct.keyIds().get(1) + "/actions",
                "{\"action\":\"suspend\",\"reason\":\"x\",\"duration_hours\":5}");
        assertThat(timed.status()).isEqualTo(422);
        assertThat(timed.json().get("errors").get(0).get("field").asText()).isEqualTo("duration_hours");
    }
}
