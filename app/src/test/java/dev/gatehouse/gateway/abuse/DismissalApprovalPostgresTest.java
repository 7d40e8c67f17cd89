package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSAM dismissal's two people and the exact counts on PostgreSQL (V18 and its queries are portable). */
class DismissalApprovalPostgresTest {
    @Test
    void aProposedDismissalIsApprovedByALeadAndTheCountsAreExactOnPostgres() {
        try (TestGateway gw = new TestGateway(PostgresDatabase.fresh())) {
            var f = TestReports.file(gw, "csam");
            TestReports.claim(gw, Role.TRUST_SAFETY, f.reportId());
            TestReports.proposeDismissal(gw, Role.TRUST_SAFETY, f.reportId());
            var counts = gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/counts");
            assertThat(counts.status()).as(counts.body()).isEqualTo(200);
            assertThat(counts.json().get("all").asInt()).isEqualTo(1);
            assertThat(counts.json().get("by_state").get("escalated").asInt()).isEqualTo(1);
            assertThat(counts.json().get("by_category").get("csam").asInt()).isEqualTo(1);
            var d = gw.get(Role.LEAD, "/admin/v1/abuse-reports/" + f.reportId());
            assertThat(d.json().get("dismissal_proposal").get("state").asText()).isEqualTo("pending");
            var r = gw.post(Role.LEAD, "/admin/v1/abuse-reports/" + f.reportId() + "/dismissal/approve", "{\"note\":\"Checked.\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("decision").get("proposed_by").asText()).isEqualTo("op_trust_safety");
            assertThat(gw.get(Role.LEAD, "/admin/v1/abuse-reports/counts").json().get("all").asInt()).isZero();
        }
    }
}
