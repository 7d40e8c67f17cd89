package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.Appeal;
import dev.gatehouse.api.EnforcementAction;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes of appeals, and the enforcement record an appeal is about. */
final class AppealStore {
    private static final String COLUMNS = "a.id, a.enforcement_id, a.decision_id, a.account_id, acc.name AS account_name, a.key_id, "
            + "a.original_decision, a.original_decider, a.statement, a.state, a.outcome, a.reason, a.outcome_text, a.offer, "
            + "a.filed_by, a.filed_at, a.decided_by, a.decided_at, a.version";
    private static final String FROM = " FROM appeals a JOIN accounts acc ON acc.id = a.account_id";

    private AppealStore() {}

    static void insert(Handle h, String id, EnforcementAction e, String decisionId, String originalDecision, String statement,
                       String filedBy, Instant at) {
        h.createUpdate("INSERT INTO appeals (id, enforcement_id, decision_id, account_id, key_id, original_decision, "
                        + "original_decider, statement, state, filed_by, filed_at) VALUES (:id, :enf, :dec, :acct, :key, :orig, "
                        + ":decider, :statement, 'open', :by, :at)")
                .bind("id", id).bind("enf", e.id()).bind("dec", decisionId).bind("acct", e.accountId()).bind("key", e.keyId())
                .bind("orig", originalDecision).bind("decider", e.actor()).bind("statement", statement).bind("by", filedBy)
                .bind("at", at).execute();
    }

    static Optional<Appeal> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + FROM + " WHERE a.id = :id").bind("id", id).map((rs, c) -> appeal(rs)).findOne();
    }

    static Optional<Appeal> lock(Handle h, String id) {
        // lock the appeal row alone (PostgreSQL refuses FOR UPDATE on the nullable side of a join), then read it whole
        boolean exists = h.createQuery("SELECT id FROM appeals WHERE id = :id FOR UPDATE").bind("id", id).mapTo(String.class).findOne().isPresent();
        return exists ? find(h, id) : Optional.empty();
    }

    /** One page in filing order (oldest first: the queue); after is (filed_at, id) of the previous page's last row. */
    static List<Appeal> list(Handle h, String state, String accountId, List<String> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE 1 = 1");
        if (state != null) sql.append(" AND a.state = :state");
        if (accountId != null) sql.append(" AND a.account_id = :acct");
        if (after != null) sql.append(" AND (a.filed_at > :cat OR (a.filed_at = :cat AND a.id > :cid))");
        sql.append(" ORDER BY a.filed_at, a.id LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("limit", limit);
        if (state != null) q.bind("state", state);
        if (accountId != null) q.bind("acct", accountId);
        if (after != null) q.bind("cat", Instant.parse(after.get(0))).bind("cid", after.get(1));
        return q.map((rs, c) -> appeal(rs)).list();
    }

    static void decide(Handle h, String id, String outcome, String reason, String outcomeText, String offer, String by, Instant at) {
        h.createUpdate("UPDATE appeals SET state = 'decided', outcome = :outcome, reason = :reason, outcome_text = :text, "
                        + "offer = :offer, decided_by = :by, decided_at = :at, version = version + 1 WHERE id = :id")
                .bind("outcome", outcome).bind("reason", reason).bind("text", outcomeText).bind("offer", offer).bind("by", by)
                .bind("at", at).bind("id", id).execute();
    }

    static Optional<EnforcementAction> enforcement(Handle h, String id) {
        return h.createQuery("SELECT * FROM enforcement_actions WHERE id = :id").bind("id", id)
                .map((rs, c) -> new EnforcementAction(rs.getString("id"), rs.getString("account_id"), rs.getString("key_id"),
                        rs.getString("target_type"), rs.getString("action"), rs.getString("reason"), rs.getString("actor"),
                        Timestamps.instant(rs, "at"), (Integer) rs.getObject("duration_hours"), Timestamps.instant(rs, "until_at")))
                .findOne();
    }

    private static Appeal appeal(ResultSet rs) throws SQLException {
        return new Appeal(rs.getString("id"), rs.getString("enforcement_id"), rs.getString("decision_id"), rs.getString("account_id"),
                rs.getString("account_name"), rs.getString("key_id"), rs.getString("original_decision"),
                rs.getString("original_decider"), rs.getString("statement"), rs.getString("state"), rs.getString("outcome"),
                rs.getString("reason"), rs.getString("outcome_text"), rs.getString("offer"), rs.getString("filed_by"),
                Timestamps.instant(rs, "filed_at"), rs.getString("decided_by"), Timestamps.instant(rs, "decided_at"),
                rs.getLong("version"));
    }
}
