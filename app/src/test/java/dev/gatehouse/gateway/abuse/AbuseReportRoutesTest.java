package dev.gatehouse.gateway.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Intake, the queue and its filters, grouping by subject, claims, comments, escalation, split and bad input. */
class AbuseReportRoutesTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = SharedGateways.plain();
    }

    private static String path(String id, String action) {
        return "/admin/v1/abuse-reports/" + id + (action == null ? "" : "/" + action);
    }

    @Test
    void intakeAnswers201WithTheClockTimesAndSeverityFromTheCategory() {
        var acct = TestAccounts.create(gw.db(), "Intake Co", "free", "active", 1);
        var r = gw.post(Role.SUPPORT, "/admin/v1/abuse-reports", TestReports.intake("terrorism_violence", acct.accountId(), acct.keyIds().get(0)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode j = r.json();
        assertThat(j.get("severity").asText()).isEqualTo("critical");
        assertThat(j.get("state").asText()).isEqualTo("open");
        Instant received = Instant.parse(j.get("received_at").asText());
        assertThat(Instant.parse(j.get("due_at").asText())).isEqualTo(received.plus(Duration.ofHours(24)));
        assertThat(Instant.parse(j.get("target_at").asText())).isEqualTo(received.plus(Duration.ofHours(1)));
        assertThat(j.get("reporter").get("contact").asText()).isEqualTo("abuse@example.org");
        assertThat(j.get("case_id").asText()).startsWith("case_");
    }

    @Test
    void intakeWithMissingOrUnknownValuesGets422NamingEachField() {
        var r = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports",
                "{\"category\":\"nope\",\"account_id\":\"acct_missing\",\"reporter\":{\"kind\":\"external\"}}");
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("category", "description", "account_id", "reporter.contact");
        var other = TestAccounts.create(gw.db(), "Other Key Co", "free", "active", 1);
        var acct = TestAccounts.create(gw.db(), "Key Owner Co", "free", "active", 1);
        r = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports", "{\"category\":\"spam\",\"description\":\"x\",\"account_id\":\""
                + acct.accountId() + "\",\"key_id\":\"" + other.keyIds().get(0) + "\",\"reporter\":{\"kind\":\"automated\"}}");
        assertThat(r.status()).isEqualTo(422);
        fields.clear();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("key_id", "reporter.detector");
        // unknown fields are 422 field errors too, every one of them, nested ones by their path
        r = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports", "{\"category\":\"spam\",\"colour\":\"red\",\"size\":3,"
                + "\"reporter\":{\"kind\":\"external\",\"phone\":\"123\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        fields.clear();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("colour", "size", "reporter.phone");
        assertThat(r.json().get("errors").toString()).contains("allowed fields are account_id, category")
                .contains("allowed fields are contact, detector, kind");
        // other routes keep the strict reader's 400 for an unknown field
        r = gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + TestReports.file(gw, "spam").reportId() + "/comments",
                "{\"body\":\"x\",\"colour\":\"red\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(gw.post(Role.VIEWER, "/admin/v1/abuse-reports", TestReports.intake("spam", acct.accountId(), null)).status()).isEqualTo(403);
    }

    @Test
    void filterCountsAreExactAndMatchWhatEachFilterLists() {
        for (int i = 0; i < 3; i++) {
            TestReports.file(gw, "spam");
        }
        String mine = TestReports.file(gw, "fraud_deception").reportId();
        TestReports.claim(gw, Role.TRUST_SAFETY, mine);
        var c = gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/counts");
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        var counts = c.json();
        assertThat(counts.get("mine").asInt()).isEqualTo(listed("assignee=me"));
        assertThat(counts.get("mine").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(counts.get("unassigned").asInt()).isEqualTo(listed("assignee=unassigned"));
        assertThat(counts.get("breached").asInt()).isEqualTo(listed("breached=true"));
        assertThat(counts.get("all").asInt()).isEqualTo(listed(""));
        assertThat(counts.get("by_category").get("spam").asInt()).isEqualTo(listed("category=spam")).isGreaterThanOrEqualTo(3);
        assertThat(counts.get("by_severity").get("high").asInt()).isEqualTo(listed("severity=high"));
        assertThat(counts.get("by_state").get("in_review").asInt()).isEqualTo(listed("state=in_review"));
    }

    /** How many reports the queue lists with this filter, over every page. */
    private static int listed(String query) {
        int n = 0;
        String cursor = null;
        do {
            var page = gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports?limit=200&" + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            n += page.get("data").size();
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return n;
    }

    @Test
    void reportsAboutOneAccountFormOneCaseDueWithItsOldestReport() {
        var first = TestReports.file(gw, "spam");
        var second = TestReports.fileAbout(gw, "fraud_deception", first.accountId(), first.keyId());
        var third = TestReports.fileAbout(gw, "spam", first.accountId(), null);
        var r = gw.get(Role.VIEWER, "/admin/v1/abuse-reports?group=subject&account_id=" + first.accountId());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode c = r.json().get("data").get(0);
        assertThat(r.json().get("data")).hasSize(1);
        assertThat(c.get("report_count").asInt()).isEqualTo(3);
        assertThat(c.get("reporter_count").asInt()).isEqualTo(1);
        assertThat(c.get("severity").asText()).isEqualTo("high");
        assertThat(c.get("lead_report_id").asText()).isEqualTo(first.reportId());
        assertThat(c.get("categories").toString()).contains("spam", "fraud_deception");
        // split: the third was grouped wrongly
        var split = gw.post(Role.TRUST_SAFETY, path(third.reportId(), "split"), "{\"note\":\"a different incident\"}");
        assertThat(split.status()).as(split.body()).isEqualTo(200);
        r = gw.get(Role.VIEWER, "/admin/v1/abuse-reports?group=subject&account_id=" + first.accountId());
        assertThat(r.json().get("data")).hasSize(2);
        assertThat(gw.post(Role.TRUST_SAFETY, path(third.reportId(), "split"), "{\"note\":\"again\"}").status()).isEqualTo(409);
        // the detail shows the other report of its case
        var d = gw.get(Role.VIEWER, path(second.reportId(), null));
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.json().get("case_reports")).hasSize(1);
        assertThat(d.json().get("case_reports").get(0).get("id").asText()).isEqualTo(first.reportId());
        assertThat(d.header("ETag")).isNotNull();
    }

    @Test
    void aClaimedReportIs409NamingTheHolderAndOnlyTheHolderOrALeadReleasesIt() {
        var f = TestReports.file(gw, "other");
        TestReports.claim(gw, Role.TRUST_SAFETY, f.reportId());
        var again = gw.post(Role.LEAD, path(f.reportId(), "claim"), "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("Trust & Safety Tester", "op_trust_safety");
        var mine = gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports?assignee=me&account_id=" + f.accountId());
        assertThat(mine.json().get("data")).hasSize(1);
        assertThat(mine.json().get("data").get(0).get("assignee_name").asText()).isEqualTo("Trust & Safety Tester");
        assertThat(gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports?assignee=unassigned&account_id=" + f.accountId())
                .json().get("data")).isEmpty();
        var released = gw.post(Role.LEAD, path(f.reportId(), "release"), "{\"note\":\"off shift\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("report").get("state").asText()).isEqualTo("open");
        assertThat(gw.post(Role.TRUST_SAFETY, path(f.reportId(), "release"), "{}").status()).isEqualTo(409);
    }

    @Test
    void commentsAndEscalationGoIntoTheDetailAndHistory() {
        var f = TestReports.file(gw, "malware_attack");
        assertThat(gw.post(Role.TRUST_SAFETY, path(f.reportId(), "escalate"), "{\"to\":\"lead\",\"note\":\"x\"}").status())
                .as("escalating needs a claim first").isEqualTo(409);
        TestReports.claim(gw, Role.TRUST_SAFETY, f.reportId());
        var c = gw.post(Role.TRUST_SAFETY, path(f.reportId(), "comments"), "{\"body\":\"Looks like a botnet C2.\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        assertThat(gw.post(Role.TRUST_SAFETY, path(f.reportId(), "comments"), "{\"body\":\"  \"}").status()).isEqualTo(422);
        var e = gw.post(Role.TRUST_SAFETY, path(f.reportId(), "escalate"), "{\"to\":\"lead\",\"note\":\"Needs a lead's call\"}");
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        assertThat(e.json().get("report").get("state").asText()).isEqualTo("escalated");
        assertThat(e.json().get("report").get("first_action_at").isNull()).isFalse();
        assertThat(gw.post(Role.TRUST_SAFETY, path(f.reportId(), "escalate"), "{\"to\":\"moon\",\"note\":\"x\"}").status()).isEqualTo(422);
        var d = gw.get(Role.VIEWER, path(f.reportId(), null)).json();
        assertThat(d.get("comments")).hasSize(2);
        List<String> actions = new ArrayList<>();
        d.get("history").forEach(h -> actions.add(h.get("action").asText()));
        assertThat(actions).containsExactly("abuse_report.file", "abuse_report.claim", "abuse_report.comment", "abuse_report.escalate");
        assertThat(d.get("evidence_sensitive").asBoolean()).isFalse();
    }

    @Test
    void severityIsRaisedByAnyReviewerAndLoweredOnlyByALeadWithAReason() {
        var f = TestReports.file(gw, "other");
        var r = gw.patch(Role.TRUST_SAFETY, path(f.reportId(), null), "{\"severity\":\"high\"}", Map.of("If-Match", "\"1\""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("report").get("severity").asText()).isEqualTo("high");
        assertThat(r.header("ETag")).isEqualTo("\"2\"");
        assertThat(gw.patch(Role.TRUST_SAFETY, path(f.reportId(), null), "{\"severity\":\"low\",\"reason\":\"x\"}",
                Map.of("If-Match", "\"2\"")).status()).isEqualTo(403);
        assertThat(gw.patch(Role.LEAD, path(f.reportId(), null), "{\"severity\":\"low\"}", Map.of("If-Match", "\"2\"")).status())
                .isEqualTo(422);
        assertThat(gw.patch(Role.LEAD, path(f.reportId(), null), "{\"severity\":\"low\",\"reason\":\"duplicate of a spam wave\"}",
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);
        assertThat(gw.patch(Role.LEAD, path(f.reportId(), null), "{\"severity\":\"low\",\"reason\":\"duplicate of a spam wave\"}",
                Map.of()).status()).isEqualTo(428);
    }

    @Test
    void badQueriesAndBodiesGet4xxProblemsNever500() {
        var f = TestReports.file(gw, "spam");
        String[] queries = {"state=closed", "category=x", "severity=urgent", "breached=yes", "assignee=bob", "group=team",
                "cursor=YWJ1c2UtcmVwb3J0cx9ub3QtYS10aW1lH3JwdF94", "limit=0", "limit=999"};
        for (String q : queries) {
            var r = gw.get(Role.VIEWER, "/admin/v1/abuse-reports?" + q);
            assertThat(r.status()).as(q + ": " + r.body()).isBetween(400, 499);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(gw.get(Role.VIEWER, path("rpt_nope", null)).status()).isEqualTo(404);
        String[] bodies = {"{", "[]", "{\"decision\":\"ban\"}", "{\"decision\":\"warn\"}", "{\"decision\":\"warn\",\"reason\":\"x\"}",
                "{\"decision\":\"warn\",\"reason\":\"x\",\"policy_clause\":\"y\",\"duration_hours\":5}",
                "{\"decision\":\"suspend_account\",\"reason\":\"x\",\"policy_clause\":\"y\",\"duration_hours\":-5}",
                "{\"decision\":\"warn\",\"reason\":\"x\",\"policy_clause\":\"y\",\"law_enforcement_ref\":" + "\"" + "z".repeat(300) + "\"}",
                "{\"decision\":7}"};
        for (String b : bodies) {
            var r = gw.post(Role.TRUST_SAFETY, path(f.reportId(), "resolve"), b);
            assertThat(r.status()).as(b + ": " + r.body()).isBetween(400, 499);
        }
        assertThat(gw.post(Role.TRUST_SAFETY, path("rpt_nope", "claim"), "{}").status()).isEqualTo(404);
        assertThat(gw.post(Role.SUPPORT, path(f.reportId(), "claim"), "{}").status()).isEqualTo(403);
    }

    @Test
    void aTimedCursorWithAYearTheDatabaseCannotStoreIsAFieldErrorNotA500() {
        for (String[] list : new String[][] {{"/admin/v1/abuse-reports", "abuse-reports"},
                {"/admin/v1/abuse-reports?group=subject", "abuse-cases"}, {"/admin/v1/appeals", "appeals"},
                {"/admin/v1/tickets", "tickets"}}) {
            String cursor = dev.gatehouse.gateway.http.Cursor.encode(list[1], "+300000-01-01T00:00:00Z", "x_1");
            var r = gw.get(Role.VIEWER, list[0] + (list[0].contains("?") ? "&" : "?") + "cursor=" + cursor);
            assertThat(r.status()).as(list[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("cursor");
        }
        var audit = gw.get(Role.VIEWER, "/admin/v1/audit?from=%2B300000-01-01T00:00:00Z");
        assertThat(audit.status()).as(audit.body()).isEqualTo(400);
        assertThat(audit.body()).contains("from", "0001 to 9999");
    }

    @Test
    void theQueueIsSortedByDueAndPagesWithACursor() {
        var acct = TestAccounts.create(gw.db(), "Paging Co", "free", "active", 1);
        for (int i = 0; i < 5; i++) {
            TestReports.fileAbout(gw, "spam", acct.accountId(), null);
        }
        List<String> due = new ArrayList<>();
        String cursor = null;
        do {
            var r = gw.get(Role.VIEWER, "/admin/v1/abuse-reports?limit=2&account_id=" + acct.accountId() + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().get("data").forEach(d -> due.add(d.get("due_at").asText() + d.get("id").asText()));
            cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asText();
        } while (cursor != null);
        assertThat(due).hasSize(5).isSorted();
        var metrics = gw.get(Role.VIEWER, "/admin/v1/abuse-reports/metrics");
        assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.json().get("open_by_sla").get("on_track").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aReportOnAFreshDatabaseRunsTheSameWay() {
        try (TestGateway own = new TestGateway(Database.inMemory())) {
            var f = TestReports.file(own, "spam");
            assertThat(own.get(Role.LEAD, "/admin/v1/abuse-reports").json().get("data")).hasSize(1);
            assertThat(own.get(Role.LEAD, path(f.reportId(), null)).status()).isEqualTo(200);
        }
    }
}
