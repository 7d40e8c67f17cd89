package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Appeals: filed against an enforcement, never decided by the original decider; overturning lifts what it can. */
class AppealRoutesTest {
    private static TestGateway gw;
    private static String secondReviewer;

    @BeforeAll
    static void start() {
        gw = SharedGateways.plain();
        secondReviewer = new OperatorStore(gw.db().jdbi()).create("op_appeal_reviewer", "Appeal Reviewer",
                "appeal-reviewer@test.gatehouse.dev", Role.TRUST_SAFETY);
    }

    private static String decide(String outcome) {
        return "{\"outcome\":\"" + outcome + "\",\"reason\":\"The reported page was a news article quoting the threat.\"}";
    }

    private static String enforced(String decision, String extra) {
        var f = TestReports.file(gw, "hate_harassment");
        var r = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + f.reportId() + "/resolve", "{\"decision\":\"" + decision
                + "\",\"reason\":\"Threats posted through the API.\",\"policy_clause\":\"ai-visual-studio §7\"" + extra + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("enforcement").get("id").asText();
    }

    private static String status(String table, String id) {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM " + table + " WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    @Test
    void theOriginalDeciderMayNotDecideTheAppealAndOverturningLiftsTheSuspension() {
        String enf = enforced("suspend_account", "");
        String appeal = TestReports.appeal(gw, enf);
        String account = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT account_id FROM appeals WHERE id = :id")
                .bind("id", appeal).mapTo(String.class).one());
        assertThat(status("accounts", account)).isEqualTo("suspended");
        var r = gw.post(Role.TRUST_SAFETY, "/admin/v1/appeals/" + appeal + "/decide", decide("overturned"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("detail").asText()).contains("original decision");
        var ok = AbuseHttp.post(gw, secondReviewer, "/admin/v1/appeals/" + appeal + "/decide", decide("overturned"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"outcome\":\"overturned\"", "The account suspension is lifted.");
        assertThat(status("accounts", account)).isEqualTo("active");
        var again = AbuseHttp.post(gw, secondReviewer, "/admin/v1/appeals/" + appeal + "/decide", decide("upheld"));
        assertThat(again.statusCode()).isEqualTo(409);
        var list = gw.get(Role.VIEWER, "/admin/v1/appeals?state=decided&account_id=" + account);
        assertThat(list.json().get("data")).hasSize(1);
    }

    @Test
    void aReasonOfTheFullLengthOverturnsAndTheLiftNamesTheAppealWithinTheHistorysLimit() {
        String enf = enforced("suspend_account", "");
        String appeal = TestReports.appeal(gw, enf);
        String reason = "The reported page quoted the threat in a news article. ".repeat(40).substring(0, 2000);
        var r = gw.post(Role.LEAD, "/admin/v1/appeals/" + appeal + "/decide",
                "{\"outcome\":\"overturned\",\"reason\":\"" + reason + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String account = r.json().get("appeal").get("account_id").asText();
        assertThat(status("accounts", account)).isEqualTo("active");
        String lifted = gw.db().jdbi().withHandle(h -> h.createQuery(
                        "SELECT reason FROM enforcement_actions WHERE account_id = :a AND reason LIKE 'Appeal %'").bind("a", account)
                .mapTo(String.class).one());
        assertThat(lifted).startsWith("Appeal " + appeal + " overturned: The reported page").endsWith("…").hasSize(2000);
    }

    @Test
    void overturningAWarningWithdrawsItAndARevocationStaysFinalWithTheOfferRecorded() {
        String warn = enforced("warn", "");
        String appeal = TestReports.appeal(gw, warn);
        var r = gw.post(Role.LEAD, "/admin/v1/appeals/" + appeal + "/decide", decide("overturned"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("changes").toString()).contains("withdrawn");
        String account = r.json().get("appeal").get("account_id").asText();
        assertThat(status("accounts", account)).isEqualTo("active");
        assertThat(DecisionStoreAccess.warnings(gw, account)).isEmpty();

        String revoke = enforced("revoke_key", "");
        appeal = TestReports.appeal(gw, revoke);
        r = gw.post(Role.LEAD, "/admin/v1/appeals/" + appeal + "/decide", decide("overturned"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("appeal").get("offer").asText()).isEqualTo("a new key on the same account");
        String key = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT key_id FROM enforcement_actions WHERE id = :id")
                .bind("id", revoke).mapTo(String.class).one());
        assertThat(status("api_keys", key)).isEqualTo("revoked");
    }

    @Test
    void badAppealsGet4xx() {
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/appeals", "{\"enforcement_id\":\"enf_nope\",\"statement\":\"x\"}").status()).isEqualTo(422);
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/appeals", "{\"statement\":\"\"}").status()).isEqualTo(422);
        assertThat(gw.post(Role.VIEWER, "/admin/v1/appeals", "{}").status()).isEqualTo(403);
        assertThat(gw.post(Role.LEAD, "/admin/v1/appeals/apl_nope/decide", decide("upheld")).status()).isEqualTo(404);
        String appeal = TestReports.appeal(gw, enforced("warn", ""));
        assertThat(gw.post(Role.LEAD, "/admin/v1/appeals/" + appeal + "/decide", "{\"outcome\":\"maybe\",\"reason\":\"\"}").status())
                .isEqualTo(422);
        assertThat(gw.post(Role.SUPPORT, "/admin/v1/appeals/" + appeal + "/decide", decide("upheld")).status()).isEqualTo(403);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/appeals?state=closed").status()).isEqualTo(400);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/appeals?cursor=bm9wZQ").status()).isEqualTo(400);
        assertThat(gw.post(Role.LEAD, "/admin/v1/appeals/" + appeal + "/decide", decide("upheld"), Map.of()).status()).isEqualTo(200);
    }
}
