package dev.gatehouse.gateway.keys;

import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = SharedGateways.plain();
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
        assertThat(all.json().get("data")).allSatisfy(k -> {
            assertThat(k.get("account_name").asText()).isEqualTo("Keyholder Inc");
            assertThat(k.get("account_status").asText()).isEqualTo("active");
        });
    }

    @Test
    void everyKeyCarriesItsAccountsNameAndStatus() {
        var held = TestAccounts.create(gw.db(), "Held Pending Review GmbH", "starter", "suspended", 2);
        var fine = TestAccounts.create(gw.db(), "Fine And Dandy LLC", "pro", "active", 2);
        // an unfiltered page mixes accounts: each key is matched to its own
        var page = gw.get(Role.VIEWER, "/admin/v1/keys?limit=200").json().get("data");
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, String> statuses = new java.util.HashMap<>();
        page.forEach(k -> {
            names.put(k.get("id").asText(), k.get("account_name").asText());
            statuses.put(k.get("id").asText(), k.get("account_status").asText());
        });
        for (String id : held.keyIds()) {
            assertThat(names).containsEntry(id, "Held Pending Review GmbH");
            assertThat(statuses).containsEntry(id, "suspended");
        }
        for (String id : fine.keyIds()) {
            assertThat(names).containsEntry(id, "Fine And Dandy LLC");
            assertThat(statuses).containsEntry(id, "active");
        }
        // the prefix-ordered typeahead and the status filter read other index orders: names come along there too
        String prefix = gw.get(Role.VIEWER, "/admin/v1/keys?account_id=" + held.accountId()).json().get("data").get(0).get("prefix").asText();
        assertThat(gw.get(Role.VIEWER, "/admin/v1/keys?prefix=" + prefix).json().get("data"))
                .anySatisfy(k -> assertThat(k.get("account_status").asText()).isEqualTo("suspended"))
                .allSatisfy(k -> assertThat(k.get("account_name").asText()).isNotBlank());
        assertThat(gw.get(Role.VIEWER, "/admin/v1/keys?status=active&limit=200").json().get("data"))
                .allSatisfy(k -> assertThat(k.get("account_name").asText()).isNotBlank())
                .anySatisfy(k -> assertThat(k.get("account_name").asText()).isEqualTo("Fine And Dandy LLC"));

        String key = held.keyIds().get(0);
        var detail = gw.get(Role.VIEWER, "/admin/v1/keys/" + key).json();
        assertThat(detail.get("key").get("account_name").asText()).isEqualTo("Held Pending Review GmbH");
        assertThat(detail.get("key").get("account_status").asText()).isEqualTo("suspended");
        var account = gw.get(Role.VIEWER, "/admin/v1/accounts/" + held.accountId()).json();
        assertThat(account.get("keys")).hasSize(2).allSatisfy(k -> {
            assertThat(k.get("account_name").asText()).isEqualTo("Held Pending Review GmbH");
            assertThat(k.get("account_status").asText()).isEqualTo("suspended");
        });
        var preview = gw.post(Role.SUPPORT, "/admin/v1/keys/" + key + "/actions/preview", action("suspend", "leaked in a gist"));
        assertThat(preview.json().get("key").get("account_name").asText()).isEqualTo("Held Pending Review GmbH");
        var done = gw.post(Role.SUPPORT, "/admin/v1/keys/" + key + "/actions", action("suspend", "leaked in a gist"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("key").get("status").asText()).isEqualTo("suspended");
        assertThat(done.json().get("key").get("account_name").asText()).isEqualTo("Held Pending Review GmbH");
        assertThat(done.json().get("key").get("account_status").asText()).isEqualTo("suspended");
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
