package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseDecisionRecord;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decisions on cases with their statements of reasons, and the facts about an account that decisions and appeals
 * weigh: warnings in force, enforcement just recorded, spend.
 */
final class DecisionStore {
    private DecisionStore() {}

    static void insert(Handle h, AbuseDecisionRecord d, String reportId) {
        h.createUpdate("INSERT INTO abuse_decisions (id, case_id, report_id, account_id, key_id, decision, facts, policy_clause, "
                        + "duration_hours, how_to_appeal, statement, law_enforcement_ref, proposed_by, cure_period_override, "
                        + "enforcement_id, decided_by, decided_at) VALUES (:id, :case, :report, :acct, :key, :decision, :facts, "
                        + ":clause, :hours, :appeal, :statement, :le, :proposed, :override, :enf, :by, :at)")
                .bind("id", d.id()).bind("case", d.caseId()).bind("report", reportId).bind("acct", d.accountId())
                .bind("key", d.keyId()).bind("decision", d.decision()).bind("facts", d.facts()).bind("clause", d.policyClause())
                .bind("hours", d.durationHours()).bind("appeal", d.howToAppeal()).bind("statement", d.statement())
                .bind("le", d.lawEnforcementRef()).bind("proposed", d.proposedBy()).bind("override", d.curePeriodOverride())
                .bind("enf", d.enforcementId()).bind("by", d.decidedBy()).bind("at", d.decidedAt()).execute();
    }

    static Optional<AbuseDecisionRecord> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM abuse_decisions WHERE id = :id").bind("id", id)
                .map((rs, c) -> decision(h, rs)).findOne();
    }

    static Optional<AbuseDecisionRecord> byEnforcement(Handle h, String enforcementId) {
        return h.createQuery("SELECT * FROM abuse_decisions WHERE enforcement_id = :id").bind("id", enforcementId)
                .map((rs, c) -> decision(h, rs)).findOne();
    }

    /** The report a decision was made on (the one named in the resolve request). */
    static Optional<String> reportOf(Handle h, String decisionId) {
        return h.createQuery("SELECT report_id FROM abuse_decisions WHERE id = :id").bind("id", decisionId)
                .mapTo(String.class).findOne();
    }

    /**
     * When the account was warned, leaving out warnings withdrawn by an overturned appeal: those are no notice
     * (ai-visual-studio §15 cure period; policy/ReportResolution).
     */
    static List<Instant> warningsInForce(Handle h, String accountId) {
        return h.createQuery("SELECT e.at FROM enforcement_actions e WHERE e.account_id = :acct AND e.target_type = 'account' "
                        + "AND e.action = 'warn' AND NOT EXISTS (SELECT 1 FROM appeals a WHERE a.enforcement_id = e.id "
                        + "AND a.outcome = 'overturned') ORDER BY e.at")
                .bind("acct", accountId).map((rs, c) -> Timestamps.instant(rs, "at")).list();
    }

    /**
     * The id of the enforcement just recorded on the subject by this actor at this instant. The caller holds the lock
     * of the account (or key), so no other enforcement on the subject can have come in between.
     */
    static String enforcementJustRecorded(Handle h, String accountId, String keyId, String actor, Instant at) {
        String subject = keyId == null ? "key_id IS NULL" : "key_id = :key";
        var q = h.createQuery("SELECT id FROM enforcement_actions WHERE account_id = :acct AND " + subject
                        + " AND actor = :actor AND at = :at ORDER BY id DESC LIMIT 1")
                .bind("acct", accountId).bind("actor", actor).bind("at", at);
        if (keyId != null) q.bind("key", keyId);
        return q.mapTo(String.class).one();
    }

    /** Spend in [from, now): usage debits of the ledger, as a positive amount. */
    static BigDecimal spendSince(Handle h, String accountId, Instant from) {
        BigDecimal sum = h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account_id = :acct "
                        + "AND kind = 'usage' AND at >= :from")
                .bind("acct", accountId).bind("from", from).mapTo(BigDecimal.class).one();
        return sum.negate().setScale(6);
    }

    private static AbuseDecisionRecord decision(Handle h, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<String> reports = h.createQuery("SELECT id FROM abuse_reports WHERE decision_id = :id ORDER BY id")
                .bind("id", id).mapTo(String.class).list();
        Integer hours = (Integer) rs.getObject("duration_hours");
        dev.gatehouse.policy.ReportDecision decision = dev.gatehouse.policy.ReportDecision.fromWire(rs.getString("decision")).orElseThrow();
        String durationText = new dev.gatehouse.policy.StatementOfReasons(decision, rs.getString("facts"),
                rs.getString("policy_clause"), hours, rs.getString("how_to_appeal")).durationText();
        return new AbuseDecisionRecord(id, rs.getString("case_id"), rs.getString("account_id"), rs.getString("key_id"),
                rs.getString("decision"), rs.getString("facts"), rs.getString("policy_clause"), hours, durationText,
                rs.getString("how_to_appeal"), rs.getString("statement"), rs.getString("law_enforcement_ref"),
                rs.getString("proposed_by"), rs.getString("cure_period_override"), rs.getString("enforcement_id"),
                rs.getString("decided_by"), Timestamps.instant(rs, "decided_at"), reports);
    }
}
