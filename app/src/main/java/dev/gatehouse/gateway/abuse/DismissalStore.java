package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseDismissalProposal;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** abuse_dismissal_proposals: a CSAM case's proposed dismissal and the second operator's answer to it. */
final class DismissalStore {
    private static final String SELECT = "SELECT p.id, p.case_id, p.report_id, p.proposed_by, o.name AS proposer_name, "
            + "p.proposed_at, p.reason, p.policy_clause, p.law_enforcement_ref, p.state, p.decided_by, p.decided_at, "
            + "p.decision_note FROM abuse_dismissal_proposals p LEFT JOIN operators o ON o.id = p.proposed_by ";

    private DismissalStore() {}

    static void insert(Handle h, String id, String caseId, String reportId, String by, Instant at, String reason,
                       String clause, String lawEnforcementRef) {
        h.createUpdate("INSERT INTO abuse_dismissal_proposals (id, case_id, report_id, proposed_by, proposed_at, reason, "
                        + "policy_clause, law_enforcement_ref, state) VALUES (:id, :case, :report, :by, :at, :reason, :clause, :le, 'pending')")
                .bind("id", id).bind("case", caseId).bind("report", reportId).bind("by", by).bind("at", at)
                .bind("reason", reason).bind("clause", clause).bind("le", lawEnforcementRef).execute();
    }

    /** The case's proposal waiting for approval; callers hold the case lock, so there is at most one. */
    static Optional<AbuseDismissalProposal> pending(Handle h, String caseId) {
        return h.createQuery(SELECT + "WHERE p.case_id = :case AND p.state = 'pending'").bind("case", caseId)
                .map((rs, c) -> row(rs)).findOne();
    }

    static Optional<AbuseDismissalProposal> find(Handle h, String id) {
        return h.createQuery(SELECT + "WHERE p.id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne();
    }

    /** Approves or rejects a pending proposal. */
    static void decide(Handle h, String id, String state, String by, Instant at, String note) {
        h.createUpdate("UPDATE abuse_dismissal_proposals SET state = :state, decided_by = :by, decided_at = :at, "
                        + "decision_note = :note WHERE id = :id AND state = 'pending'")
                .bind("state", state).bind("by", by).bind("at", at).bind("note", note).bind("id", id).execute();
    }

    /** A report split off its case takes its pending proposal along only if it was proposed on it. */
    static void moveWithReport(Handle h, String reportId, String newCase) {
        h.createUpdate("UPDATE abuse_dismissal_proposals SET case_id = :case WHERE report_id = :report AND state = 'pending'")
                .bind("case", newCase).bind("report", reportId).execute();
    }

    private static AbuseDismissalProposal row(ResultSet rs) throws SQLException {
        return new AbuseDismissalProposal(rs.getString("id"), rs.getString("case_id"), rs.getString("report_id"),
                rs.getString("proposed_by"), rs.getString("proposer_name"), Timestamps.instant(rs, "proposed_at"),
                rs.getString("reason"), rs.getString("policy_clause"), rs.getString("law_enforcement_ref"), rs.getString("state"),
                rs.getString("decided_by"), Timestamps.instant(rs, "decided_at"), rs.getString("decision_note"));
    }
}
