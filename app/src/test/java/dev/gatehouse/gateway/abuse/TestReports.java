package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.Role;

import java.time.Instant;
import java.util.Map;

/** Files abuse reports through the API and sets up the states tests need, each on an account of its own. */
public final class TestReports {
    private TestReports() {}

    public record Filed(String reportId, String accountId, String keyId) {}

    public static String intake(String category, String accountId, String keyId) {
        return "{\"category\":\"" + category + "\",\"description\":\"test report\",\"account_id\":\"" + accountId + "\""
                + (keyId == null ? "" : ",\"key_id\":\"" + keyId + "\"")
                + ",\"reporter\":{\"kind\":\"external\",\"contact\":\"abuse@example.org\"}}";
    }

    /** A new account with one key, and one report of {@code category} about that key. */
    public static Filed file(TestGateway gw, String category) {
        var acct = TestAccounts.create(gw.db(), "Reported Co", "free", "active", 1);
        return fileAbout(gw, category, acct.accountId(), acct.keyIds().get(0));
    }

    public static Filed fileAbout(TestGateway gw, String category, String accountId, String keyId) {
        var r = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports", intake(category, accountId, keyId));
        if (r.status() != 201) {
            throw new IllegalStateException("filing failed: " + r.body());
        }
        return new Filed(r.json().get("id").asText(), accountId, keyId);
    }

    public static void claim(TestGateway gw, Role role, String reportId) {
        var r = gw.post(role, "/admin/v1/abuse-reports/" + reportId + "/claim", "{}");
        if (r.status() != 200) {
            throw new IllegalStateException("claim failed: " + r.body());
        }
    }

    /** A CSAM dismissal's statement of reasons with its law-enforcement reference. */
    public static final String DISMISSAL = "{\"reason\":\"Reviewed: adult performers, age verified by the studio.\","
            + "\"policy_clause\":\"ai-visual-studio §7\",\"law_enforcement_ref\":\"NCMEC-2031-0001\"}";

    /** Proposes dismissing the (claimed) CSAM report's case for a lead's approval. */
    public static void proposeDismissal(TestGateway gw, Role role, String reportId) {
        var r = gw.post(role, "/admin/v1/abuse-reports/" + reportId + "/dismissal", DISMISSAL);
        if (r.status() != 200) {
            throw new IllegalStateException("proposal failed: " + r.body());
        }
    }

    /** Records a warning on the account as if {@code actor} had given it at {@code at}; returns the enforcement id. */
    public static String warning(TestGateway gw, String accountId, String actor, Instant at) {
        String id = PrefixedIds.next("enf_", at);
        gw.db().jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO enforcement_actions (id, account_id, target_type, action, reason, actor, at) "
                    + "VALUES (:id, :acct, 'account', 'warn', 'test warning', :actor, :at)")
                    .bind("id", id).bind("acct", accountId).bind("actor", actor).bind("at", at).execute();
            h.createUpdate("UPDATE accounts SET status = 'warned', version = version + 1 WHERE id = :id").bind("id", accountId).execute();
        });
        return id;
    }

    /** Files an appeal (as support) against the enforcement; returns its id. */
    public static String appeal(TestGateway gw, String enforcementId) {
        var r = gw.post(Role.SUPPORT, "/admin/v1/appeals", "{\"enforcement_id\":\"" + enforcementId
                + "\",\"statement\":\"The customer says the content was satire.\"}", Map.of());
        if (r.status() != 201) {
            throw new IllegalStateException("appeal failed: " + r.body());
        }
        return r.json().get("id").asText();
    }
}
