package dev.gatehouse.gateway.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deciding a case: every ladder step through a decision, the cure period and its lead override, the CSAM rules, one
 * decision resolving every report of the case with one enforcement, Idempotency-Key, and final states.
 */
class CaseResolutionTest {
    private static final Instant START = Instant.parse("2031-06-02T08:00:00Z");
    private static TestClock clock;
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        clock = new TestClock(START);
        gw = new TestGateway(Database.inMemory(), clock);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String resolve(String decision, String extra) {
        return "{\"decision\":\"" + decision + "\",\"reason\":\"Key used to generate scam pages on 2031-06-01.\","
                + "\"policy_clause\":\"ai-visual-studio §7\"" + extra + "}";
    }

    private static TestGateway.Response post(Role role, String reportId, String action, String body) {
        return gw.post(role, "/admin/v1/abuse-reports/" + reportId + "/" + action, body);
    }

    private static String status(String table, String id) {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT status FROM " + table + " WHERE id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    private static long count(String sql, String id) {
        return gw.db().jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).one());
    }

    private static long audits() {
        return gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entries").mapTo(Long.class).one());
    }

    @Test
    void everyLadderStepRunsThroughADecisionAndLeavesAStatementOfReasons() {
        var f = TestReports.file(gw, "fraud_deception");
        String acct = f.accountId();
        String key = f.keyId();
        String[][] ladder = {{"warn", "accounts", acct, "warned"}, {"suspend_key", "api_keys", key, "suspended"},
                {"revoke_key", "api_keys", key, "revoked"}, {"suspend_account", "accounts", acct, "suspended"},
                {"terminate_account", "accounts", acct, "terminated"}};
        for (String[] step : ladder) {
            String id = TestReports.fileAbout(gw, "fraud_deception", acct, key).reportId();
            String extra = step[0].equals("suspend_account") ? ",\"duration_hours\":48" : "";
            var r = post(Role.TRUST_SAFETY, id, "resolve", resolve(step[0], extra));
            assertThat(r.status()).as(step[0] + ": " + r.body()).isEqualTo(200);
            assertThat(status(step[1], step[2])).as(step[0]).isEqualTo(step[3]);
            JsonNode d = r.json().get("decision");
            assertThat(d.get("statement").asText()).contains("Decision: ", "Facts: Key used", "Policy clause: ai-visual-studio §7",
                    "Duration: ", "How to appeal: ");
            assertThat(r.json().get("enforcement").get("id").asText()).isEqualTo(d.get("enforcement_id").asText());
        }
        // terminated is final: a later report about the account cannot warn it
        String late = TestReports.fileAbout(gw, "spam", acct, null).reportId();
        var r = post(Role.TRUST_SAFETY, late, "resolve", resolve("warn", ""));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("type").asText()).endsWith("/final-state");
        // the first report was resolved with the first decision of its case: final
        var again = post(Role.TRUST_SAFETY, f.reportId(), "resolve", resolve("dismiss", ""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/final-state");
        assertThat(post(Role.TRUST_SAFETY, f.reportId(), "claim", "{}").json().get("type").asText()).endsWith("/final-state");
    }

    @Test
    void aCaseDecisionResolvesEveryReportOfTheCaseWithOneEnforcementAndOneAuditEntry() {
        var f = TestReports.file(gw, "spam");
        String second = TestReports.fileAbout(gw, "key_sharing_resale", f.accountId(), f.keyId()).reportId();
        String third = TestReports.fileAbout(gw, "spam", f.accountId(), null).reportId();
        TestReports.claim(gw, Role.TRUST_SAFETY, second);
        long before = audits();
        var r = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + second + "/resolve",
                resolve("suspend_account", ",\"duration_hours\":72"), Map.of("Idempotency-Key", "case-decision-1"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("reports")).hasSize(3);
        r.json().get("reports").forEach(rep -> {
            assertThat(rep.get("state").asText()).isEqualTo("resolved");
            assertThat(rep.get("decision_id").asText()).isEqualTo(r.json().get("decision").get("id").asText());
        });
        assertThat(count("SELECT COUNT(*) FROM enforcement_actions WHERE account_id = :id", f.accountId())).isEqualTo(1);
        assertThat(audits()).isEqualTo(before + 1);
        JsonNode audit = r.json().get("audit");
        assertThat(audit.get("action").asText()).isEqualTo("abuse_report.resolve");
        assertThat(audit.get("after").get("subject").get("action").asText()).isEqualTo("account.suspend");
        assertThat(audit.get("after").get("reports").size()).isEqualTo(3);
        assertThat(status("accounts", f.accountId())).isEqualTo("suspended");
        // a retry with the same key replays the first answer and changes nothing
        var replay = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + second + "/resolve",
                resolve("suspend_account", ",\"duration_hours\":72"), Map.of("Idempotency-Key", "case-decision-1"));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(r.body());
        assertThat(audits()).isEqualTo(before + 1);
        // every report shows the decision
        var d = gw.get(Role.VIEWER, "/admin/v1/abuse-reports/" + third).json();
        assertThat(d.get("decision").get("decision").asText()).isEqualTo("suspend_account");
        assertThat(d.get("history").toString()).contains("abuse_report.resolve");
        assertThat(AuditLog.verify(gw.db().jdbi()).ok()).isTrue();
    }

    @Test
    void aReportHeldByAnotherReviewerIsNotDecidedByThem() {
        var f = TestReports.file(gw, "spam");
        TestReports.claim(gw, Role.TRUST_SAFETY, f.reportId());
        var other = gw.db().jdbi();
        String token = new dev.gatehouse.gateway.operators.OperatorStore(other)
                .create("op_second_ts", "Second Reviewer", "second@test.gatehouse.dev", Role.TRUST_SAFETY);
        var r = AbuseHttp.post(gw, token, "/admin/v1/abuse-reports/" + f.reportId() + "/resolve", resolve("warn", ""));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("Trust & Safety Tester");
        assertThat(post(Role.LEAD, f.reportId(), "resolve", resolve("warn", "")).status()).as("a lead may").isEqualTo(200);
    }

    @Test
    void terminatingForANonSevereBreachNeedsAWarningFourteenDaysOldOrALeadOverride() {
        var f = TestReports.file(gw, "spam");
        var r = post(Role.TRUST_SAFETY, f.reportId(), "resolve", resolve("terminate_account", ""));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("cure period", "no warning in force");
        TestReports.warning(gw, f.accountId(), "op_lead", clock.instant().minus(Duration.ofDays(13)));
        r = post(Role.TRUST_SAFETY, f.reportId(), "resolve", resolve("terminate_account", ",\"cure_period_override\":\"repeat offender\""));
        assertThat(r.status()).as("only a lead overrides").isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("Only a lead");
        clock.advance(Duration.ofDays(1)); // the warning is now exactly 14 days old: enough
        try {
            r = post(Role.TRUST_SAFETY, f.reportId(), "resolve", resolve("terminate_account", ""));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(status("accounts", f.accountId())).isEqualTo("terminated");
        } finally {
            clock.advance(Duration.ofDays(-1));
        }
        var g = TestReports.file(gw, "hate_harassment");
        r = post(Role.LEAD, g.reportId(), "resolve", resolve("terminate_account", ",\"cure_period_override\":\"credible threat to a named person\""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("decision").get("cure_period_override").asText()).isEqualTo("credible threat to a named person");
        // a severe category terminates at once
        var s = TestReports.file(gw, "malware_attack");
        assertThat(post(Role.TRUST_SAFETY, s.reportId(), "resolve", resolve("terminate_account", "")).status()).isEqualTo(200);
    }

    @Test
    void csamIsNeverDismissedByOnePersonNeedsALawEnforcementReferenceAndKeepsItsEvidence() {
        var f = TestReports.file(gw, "csam");
        var r = post(Role.TRUST_SAFETY, f.reportId(), "resolve", resolve("terminate_account", ""));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("law_enforcement_ref");
        r = post(Role.TRUST_SAFETY, f.reportId(), "resolve", resolve("dismiss", ",\"law_enforcement_ref\":\"NCMEC-123\""));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("never dismissed by one person");
        assertThat(post(Role.LEAD, f.reportId(), "resolve", resolve("dismiss", ",\"law_enforcement_ref\":\"NCMEC-123\"")).status())
                .as("a lead alone is one person too").isEqualTo(409);
        // the reviewer proposes the dismissal by escalating to a lead; another person, a lead, decides
        TestReports.claim(gw, Role.TRUST_SAFETY, f.reportId());
        assertThat(post(Role.TRUST_SAFETY, f.reportId(), "escalate", "{\"to\":\"lead\",\"note\":\"Propose dismissal: adult content\"}")
                .status()).isEqualTo(200);
        assertThat(post(Role.TRUST_SAFETY, f.reportId(), "resolve", resolve("dismiss", ",\"law_enforcement_ref\":\"NCMEC-123\""))
                .status()).as("escalated to a lead: a lead decides").isEqualTo(403);
        r = post(Role.LEAD, f.reportId(), "resolve", resolve("dismiss", ",\"law_enforcement_ref\":\"NCMEC-123\""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("decision").get("proposed_by").asText()).isEqualTo("op_trust_safety");
        assertThat(r.json().get("decision").get("law_enforcement_ref").asText()).isEqualTo("NCMEC-123");
        var d = gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + f.reportId()).json();
        assertThat(d.get("evidence_sensitive").asBoolean()).isTrue();
    }

    @Test
    void aCsamDismissalIsProposedByOneOperatorAndApprovedByASecondOneALead() {
        var f = TestReports.file(gw, "csam");
        var second = TestReports.fileAbout(gw, "spam", f.accountId(), null);
        String path = "/admin/v1/abuse-reports/" + f.reportId() + "/dismissal";
        // the proposal needs its statement of reasons and the law-enforcement reference
        var r = gw.post(Role.TRUST_SAFETY, path, "{\"policy_clause\":\"ai-visual-studio §7\"}");
        assertThat(r.status()).isEqualTo(422);
        java.util.List<String> fields = new java.util.ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("reason", "law_enforcement_ref");
        assertThat(gw.post(Role.TRUST_SAFETY, path, TestReports.DISMISSAL).status()).as("claim first").isEqualTo(409);
        TestReports.claim(gw, Role.TRUST_SAFETY, f.reportId());
        assertThat(gw.post(Role.SUPPORT, path, TestReports.DISMISSAL).status()).isEqualTo(403);
        // a case that is not CSAM is dismissed directly
        var spam = TestReports.file(gw, "spam");
        TestReports.claim(gw, Role.TRUST_SAFETY, spam.reportId());
        r = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + spam.reportId() + "/dismissal", TestReports.DISMISSAL);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("Only a CSAM case");

        r = gw.post(Role.TRUST_SAFETY, path, TestReports.DISMISSAL);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("state").asText()).isEqualTo("pending");
        assertThat(r.json().get("proposed_by").asText()).isEqualTo("op_trust_safety");
        var d = gw.get(Role.LEAD, "/admin/v1/abuse-reports/" + f.reportId()).json();
        assertThat(d.get("dismissal_proposal").get("law_enforcement_ref").asText()).isEqualTo("NCMEC-2031-0001");
        assertThat(d.get("report").get("state").asText()).isEqualTo("escalated");
        assertThat(gw.post(Role.TRUST_SAFETY, path, TestReports.DISMISSAL).status()).as("one proposal at a time").isEqualTo(409);
        // the proposer cannot approve it, nor can anyone but a lead
        assertThat(gw.post(Role.TRUST_SAFETY, path + "/approve", "{}").status()).isEqualTo(403);

        // a lead rejects: the case stays with a lead; the reviewer's next proposal is approved by a lead
        assertThat(gw.post(Role.LEAD, path + "/reject", "{}").status()).as("a rejection says why").isEqualTo(422);
        r = gw.post(Role.LEAD, path + "/reject", "{\"note\":\"Ask the studio for the age records first.\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("state").asText()).isEqualTo("rejected");
        assertThat(r.json().get("decided_by").asText()).isEqualTo("op_lead");
        assertThat(gw.post(Role.LEAD, path + "/approve", "{}").status()).as("nothing waits").isEqualTo(409);
        assertThat(gw.post(Role.TRUST_SAFETY, path, TestReports.DISMISSAL).status()).isEqualTo(200);
        long before = audits();
        r = gw.post(Role.LEAD, path + "/approve", "{\"note\":\"Records checked.\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(audits()).isEqualTo(before + 1);
        assertThat(r.json().get("decision").get("decision").asText()).isEqualTo("dismiss");
        assertThat(r.json().get("decision").get("proposed_by").asText()).isEqualTo("op_trust_safety");
        assertThat(r.json().get("decision").get("decided_by").asText()).isEqualTo("op_lead");
        assertThat(r.json().get("audit").get("reason").asText()).as("the approver's reason").isEqualTo("Records checked.");
        assertThat(r.json().get("decision").get("facts").asText()).startsWith("Reviewed: adult performers");
        assertThat(r.json().get("reports")).hasSize(2);
        assertThat(r.json().get("decision").get("report_ids").toString()).contains(f.reportId(), second.reportId());
        d = gw.get(Role.LEAD, "/admin/v1/abuse-reports/" + f.reportId()).json();
        assertThat(d.has("dismissal_proposal")).isFalse();
        assertThat(d.get("report").get("state").asText()).isEqualTo("resolved");
    }

    @Test
    void aLeadsOwnCsamDismissalNeedsAnotherLead() {
        var f = TestReports.file(gw, "csam");
        TestReports.claim(gw, Role.LEAD, f.reportId());
        TestReports.proposeDismissal(gw, Role.LEAD, f.reportId());
        var r = gw.post(Role.LEAD, "/admin/v1/abuse-reports/" + f.reportId() + "/dismissal/approve", "{}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("someone other than the decider");
        assertThat(gw.post(Role.LEAD, "/admin/v1/abuse-reports/" + f.reportId() + "/dismissal/reject", "{\"note\":\"x\"}").status())
                .isEqualTo(409);
    }

    @Test
    void aKeyDecisionOnAReportWithoutAKeyIs422() {
        var acct = TestAccounts.create(gw.db(), "No Key Co", "free", "active", 1);
        String id = TestReports.fileAbout(gw, "spam", acct.accountId(), null).reportId();
        var r = post(Role.TRUST_SAFETY, id, "resolve", resolve("suspend_key", ""));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("decision");
    }
}
