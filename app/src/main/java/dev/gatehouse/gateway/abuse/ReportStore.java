package dev.gatehouse.gateway.abuse;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.AbuseReporter;
import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.ReportSla;
import dev.gatehouse.policy.SlaState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes of abuse_reports. A report's SLA view (breached, sla_state) depends on the time it is read, so
 * every read takes {@code now}. The queue is read in due order (then id) off the indexes of V10.
 */
public final class ReportStore {
    static final String COLUMNS = "id, case_id, category, severity, state, description, account_id, key_id, reporter_kind, "
            + "reporter_contact, reporter_detector, reporter_operator, received_at, due_at, target_at, first_action_at, assignee, "
            + "claimed_at, escalated_to, escalated_by, resolved_at, decision_id, version";

    private ReportStore() {}

    /** A report as stored, before names are filled in and the SLA is read against a clock. */
    record Row(String id, String caseId, String category, String severity, String state, String description,
               String accountId, String keyId, String reporterKind, String reporterContact, String reporterDetector,
               String reporterOperator, Instant receivedAt, Instant dueAt, Instant targetAt, Instant firstActionAt,
               String assignee, Instant claimedAt, String escalatedTo, String escalatedBy, Instant resolvedAt,
               String decisionId, long version) {
        boolean unresolved() {
            return !"resolved".equals(state);
        }
    }

    /** GET /abuse-reports filters; null means any. state null means every unresolved report (the queue). */
    record Filter(String state, String category, String severity, Boolean breached, String assignee, boolean unassigned,
                  String accountId) {}

    static void insert(Handle h, Row r) {
        h.createUpdate("INSERT INTO abuse_reports (" + COLUMNS + ", unresolved) VALUES (:id, :case, :category, :severity, :state, "
                        + ":description, :acct, :key, :rkind, :rcontact, :rdetector, :roperator, :received, :due, :target, :first, "
                        + ":assignee, :claimed, :escTo, :escBy, :resolved, :decision, :version, :unresolved)")
                .bind("id", r.id()).bind("case", r.caseId()).bind("category", r.category()).bind("severity", r.severity())
                .bind("state", r.state()).bind("description", r.description()).bind("acct", r.accountId()).bind("key", r.keyId())
                .bind("rkind", r.reporterKind()).bind("rcontact", r.reporterContact()).bind("rdetector", r.reporterDetector())
                .bind("roperator", r.reporterOperator()).bind("received", r.receivedAt()).bind("due", r.dueAt())
                .bind("target", r.targetAt()).bind("first", r.firstActionAt()).bind("assignee", r.assignee())
                .bind("claimed", r.claimedAt()).bind("escTo", r.escalatedTo()).bind("escBy", r.escalatedBy())
                .bind("resolved", r.resolvedAt()).bind("decision", r.decisionId()).bind("version", r.version())
                .bind("unresolved", r.unresolved()).execute();
    }

    static Optional<Row> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM abuse_reports WHERE id = :id").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    /**
     * The unresolved reports of the report's case, locked in id order for the rest of the transaction: every claim,
     * release, escalation and resolution locks a case this way, in one order, so two of them on one case queue up
     * instead of deadlocking, and the second sees what the first did.
     */
    static List<Row> lockCase(Handle h, String caseId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM abuse_reports WHERE case_id = :case AND unresolved = TRUE ORDER BY id FOR UPDATE")
                .bind("case", caseId).map((rs, c) -> row(rs)).list();
    }

    /** Every report of a case (resolved too), oldest first. */
    static List<Row> ofCase(Handle h, String caseId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM abuse_reports WHERE case_id = :case ORDER BY received_at, id")
                .bind("case", caseId).map((rs, c) -> row(rs)).list();
    }

    /** The oldest unresolved case about the account, which a new report joins. */
    static Optional<String> openCaseOf(Handle h, String accountId) {
        return h.createQuery("SELECT case_id FROM abuse_reports WHERE account_id = :acct AND unresolved = TRUE "
                        + "ORDER BY due_at, id LIMIT 1")
                .bind("acct", accountId).mapTo(String.class).findOne();
    }

    /** The oldest unresolved report of this key (without a key: of the account, keyless) in this category. */
    static Optional<Row> unresolvedOf(Handle h, String accountId, String keyId, String category) {
        var q = h.createQuery("SELECT " + COLUMNS + " FROM abuse_reports WHERE account_id = :acct AND unresolved = TRUE "
                        + "AND category = :cat AND " + (keyId == null ? "key_id IS NULL" : "key_id = :key") + " ORDER BY id LIMIT 1")
                .bind("acct", accountId).bind("cat", category);
        if (keyId != null) {
            q.bind("key", keyId);
        }
        return q.map((rs, c) -> row(rs)).findOne();
    }

    /** How many reports about the account are not in this case: its prior reports. */
    static int countOtherReports(Handle h, String accountId, String caseId) {
        return h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE account_id = :acct AND case_id <> :case")
                .bind("acct", accountId).bind("case", caseId).mapTo(Integer.class).one();
    }

    /** One page of the queue in due order; after is (due_at, id) of the previous page's last row. */
    static List<Row> list(Handle h, Filter f, Instant now, List<String> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM abuse_reports WHERE ");
        where(sql, f);
        if (after != null) sql.append(" AND (due_at > :cdue OR (due_at = :cdue AND id > :cid))");
        sql.append(" ORDER BY ").append(fixedColumns(f)).append("due_at, id LIMIT :limit");
        Query q = h.createQuery(sql.toString()).bind("limit", limit);
        bind(q, f, now);
        if (after != null) q.bind("cdue", Instant.parse(after.get(0))).bind("cid", after.get(1));
        return q.map((rs, c) -> row(rs)).list();
    }

    /**
     * The case ids of one page of cases (group=subject): each due when its earliest matching report is due, in
     * (due, case id) order after the cursor. The matching reports are walked in due order off the queue's indexes, as
     * a page of the queue is read, so a page costs about as much as a page of reports, not a GROUP BY over every
     * unresolved report: a case's place is the first of its reports the walk meets.
     */
    static List<String> caseIds(Handle h, Filter f, Instant now, List<String> after, int limit) {
        Instant cdue = after == null ? null : Instant.parse(after.get(0));
        String ccase = after == null ? null : after.get(1);
        Map<String, Instant> seen = new HashMap<>();
        List<Map.Entry<String, Instant>> accepted = new ArrayList<>();
        // from the cursor's due time on, every report of that instant included (report ids are never empty)
        List<String> walk = cdue == null ? null : List.of(cdue.toString(), "");
        int batch = Math.max(4 * limit, 200);
        while (true) {
            List<Row> rows = list(h, f, now, walk, batch);
            List<Map.Entry<String, Instant>> fresh = new ArrayList<>();
            Instant boundary = accepted.size() >= limit ? accepted.get(limit - 1).getValue() : null;
            boolean done = false;
            for (Row r : rows) {
                if (boundary != null && r.dueAt().isAfter(boundary)) {
                    done = true; // every case due at the boundary instant is in: the page is decided
                    break;
                }
                if (seen.putIfAbsent(r.caseId(), r.dueAt()) == null
                        && !(cdue != null && r.dueAt().equals(cdue) && r.caseId().compareTo(ccase) <= 0)) {
                    fresh.add(Map.entry(r.caseId(), r.dueAt()));
                }
            }
            accepted.addAll(withoutEarlierPages(h, f, now, cdue, fresh));
            if (done || rows.size() < batch) {
                break;
            }
            Row last = rows.get(rows.size() - 1);
            walk = List.of(last.dueAt().toString(), last.id());
        }
        return accepted.stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /** Cases met after the cursor that have a matching report due before it were on an earlier page. */
    private static List<Map.Entry<String, Instant>> withoutEarlierPages(Handle h, Filter f, Instant now, Instant cdue,
                                                                       List<Map.Entry<String, Instant>> cases) {
        if (cdue == null || cases.isEmpty()) {
            return cases;
        }
        StringBuilder sql = new StringBuilder("SELECT DISTINCT case_id FROM abuse_reports WHERE case_id IN (<cases>) AND ");
        where(sql, f);
        sql.append(" AND due_at < :cdue");
        Query q = h.createQuery(sql.toString()).bindList("cases", cases.stream().map(Map.Entry::getKey).toList()).bind("cdue", cdue);
        bind(q, f, now);
        java.util.Set<String> earlier = new java.util.HashSet<>(q.mapTo(String.class).list());
        return cases.stream().filter(c -> !earlier.contains(c.getKey())).toList();
    }

    /** The reports of these cases that match the filter, in due order. */
    static List<Row> inCases(Handle h, Filter f, Instant now, List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM abuse_reports WHERE case_id IN (<cases>) AND ");
        where(sql, f);
        sql.append(" ORDER BY due_at, id");
        Query q = h.createQuery(sql.toString()).bindList("cases", caseIds);
        bind(q, f, now);
        return q.map((rs, c) -> row(rs)).list();
    }

    /**
     * The columns the filter fixes, leading the ORDER BY: constant over the result, so the order is due_at, id, but H2
     * only reads an index in order when the ORDER BY starts with the index's columns (as AuditSearch does); without
     * them it sorted every unresolved report of the large demo for each page.
     */
    static String fixedColumns(Filter f) {
        if (f.assignee() != null && f.state() == null) return "assignee, unresolved, ";
        if (f.state() != null) return "state, ";
        if (f.category() != null) return "unresolved, category, ";
        if (f.severity() != null) return "unresolved, severity, ";
        return "unresolved, ";
    }

    private static void where(StringBuilder sql, Filter f) {
        sql.append(f.state() == null ? "unresolved = TRUE" : "state = :state");
        if (f.category() != null) sql.append(" AND category = :category");
        if (f.severity() != null) sql.append(" AND severity = :severity");
        if (f.assignee() != null) sql.append(" AND assignee = :assignee");
        if (f.unassigned()) sql.append(" AND assignee IS NULL");
        if (f.accountId() != null) sql.append(" AND account_id = :acct");
        // ReportSla.breached in SQL: answered after due, or unanswered and the clock past due
        if (Boolean.TRUE.equals(f.breached())) {
            sql.append(" AND ((first_action_at IS NULL AND due_at < :now) OR first_action_at > due_at)");
        } else if (Boolean.FALSE.equals(f.breached())) {
            sql.append(" AND ((first_action_at IS NULL AND due_at >= :now) OR first_action_at <= due_at)");
        }
    }

    private static void bind(Query q, Filter f, Instant now) {
        if (f.state() != null) q.bind("state", f.state());
        if (f.category() != null) q.bind("category", f.category());
        if (f.severity() != null) q.bind("severity", f.severity());
        if (f.assignee() != null) q.bind("assignee", f.assignee());
        if (f.accountId() != null) q.bind("acct", f.accountId());
        if (f.breached() != null) q.bind("now", now);
    }

    /**
     * The exact counts of the unresolved reports behind each queue filter: one grouped count read off
     * abuse_reports_counts_idx, the assignee counts off abuse_reports_assignee_idx, and breached as the breached filter
     * reads it (ReportSla.breached), off abuse_reports_breach_idx: unanswered past due is a range, answered late a scan
     * of the answered unresolved reports only.
     */
    static dev.gatehouse.api.AbuseQueueCounts counts(Handle h, String me, Instant now) {
        Map<String, Integer> byCategory = new HashMap<>();
        Map<String, Integer> bySeverity = new HashMap<>();
        Map<String, Integer> byState = new HashMap<>();
        int[] all = {0};
        h.createQuery("SELECT category, severity, state, COUNT(*) AS n FROM abuse_reports WHERE unresolved = TRUE "
                        + "GROUP BY category, severity, state")
                .map((rs, c) -> {
                    int n = rs.getInt("n");
                    byCategory.merge(rs.getString("category"), n, Integer::sum);
                    bySeverity.merge(rs.getString("severity"), n, Integer::sum);
                    byState.merge(rs.getString("state"), n, Integer::sum);
                    all[0] += n;
                    return n;
                }).list();
        int mine = me == null ? 0 : h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE assignee = :me AND unresolved = TRUE")
                .bind("me", me).mapTo(Integer.class).one();
        int unassigned = h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE assignee IS NULL AND unresolved = TRUE")
                .mapTo(Integer.class).one();
        int unansweredPastDue = h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE unresolved = TRUE "
                        + "AND first_action_at IS NULL AND due_at < :now")
                .bind("now", now).mapTo(Integer.class).one();
        int answeredLate = h.createQuery("SELECT COUNT(*) FROM abuse_reports WHERE unresolved = TRUE "
                        + "AND first_action_at IS NOT NULL AND first_action_at > due_at")
                .mapTo(Integer.class).one();
        return new dev.gatehouse.api.AbuseQueueCounts(now, all[0], mine, unassigned, unansweredPastDue + answeredLate,
                byCategory, bySeverity, byState);
    }

    /** Claims the open reports of the case for {@code operator}; returns their ids. */
    static List<String> claimOpen(Handle h, List<Row> locked, String operator, Instant now) {
        List<String> ids = locked.stream().filter(r -> r.state().equals("open")).map(Row::id).toList();
        if (!ids.isEmpty()) {
            h.createUpdate("UPDATE abuse_reports SET state = 'in_review', assignee = :op, claimed_at = :now, version = version + 1 "
                            + "WHERE id IN (<ids>)")
                    .bind("op", operator).bind("now", now).bindList("ids", ids).execute();
        }
        return ids;
    }

    /** Puts the in-review reports held by {@code holder} back in the queue; returns their ids. */
    static List<String> release(Handle h, List<Row> locked, String holder) {
        List<String> ids = locked.stream().filter(r -> r.state().equals("in_review") && holder.equals(r.assignee()))
                .map(Row::id).toList();
        if (!ids.isEmpty()) {
            h.createUpdate("UPDATE abuse_reports SET state = 'open', assignee = NULL, claimed_at = NULL, version = version + 1 "
                            + "WHERE id IN (<ids>)")
                    .bindList("ids", ids).execute();
        }
        return ids;
    }

    /**
     * Escalates the reports: to a lead, the claim is handed over (any lead picks it up); to law enforcement, the
     * holder keeps it to record the reference. An escalation is an answer, so it is the first action if none was.
     */
    static void escalate(Handle h, List<String> ids, String to, String by, Instant now) {
        h.createUpdate("UPDATE abuse_reports SET state = 'escalated', escalated_to = :to, escalated_by = :by, "
                        + "assignee = CASE WHEN :to = 'lead' THEN NULL ELSE assignee END, "
                        + "first_action_at = COALESCE(first_action_at, :now), version = version + 1 WHERE id IN (<ids>)")
                .bind("to", to).bind("by", by).bind("now", now).bindList("ids", ids).execute();
    }

    /** Resolves the reports with the decision; a resolution is the first action if none was. */
    static void resolve(Handle h, List<String> ids, String decisionId, Instant now) {
        h.createUpdate("UPDATE abuse_reports SET state = 'resolved', unresolved = FALSE, resolved_at = :now, decision_id = :d, "
                        + "first_action_at = COALESCE(first_action_at, :now), version = version + 1 WHERE id IN (<ids>)")
                .bind("now", now).bind("d", decisionId).bindList("ids", ids).execute();
    }

    static void moveToCase(Handle h, String id, String caseId) {
        h.createUpdate("UPDATE abuse_reports SET case_id = :case, version = version + 1 WHERE id = :id")
                .bind("case", caseId).bind("id", id).execute();
    }

    static void setSeverity(Handle h, String id, String severity, Instant targetAt) {
        h.createUpdate("UPDATE abuse_reports SET severity = :s, target_at = :t, version = version + 1 WHERE id = :id")
                .bind("s", severity).bind("t", targetAt).bind("id", id).execute();
    }

    /** Operator names by id, for the ids given (assignees, comment authors). */
    static Map<String, String> operatorNames(Handle h, List<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (!wanted.isEmpty()) {
            h.createQuery("SELECT id, name FROM operators WHERE id IN (<ids>)").bindList("ids", wanted)
                    .map((rs, c) -> Map.entry(rs.getString("id"), rs.getString("name"))).forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    static Optional<dev.gatehouse.policy.Role> operatorRole(Handle h, String id) {
        return h.createQuery("SELECT role FROM operators WHERE id = :id").bind("id", id).mapTo(String.class).findOne()
                .flatMap(dev.gatehouse.policy.Role::fromWire);
    }

    /** The rows as the API shows them at {@code now}: account and assignee names looked up once for the whole page. */
    static List<AbuseReport> shown(Handle h, List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, String> accounts = new HashMap<>();
        h.createQuery("SELECT id, name FROM accounts WHERE id IN (<ids>)")
                .bindList("ids", rows.stream().map(Row::accountId).distinct().toList())
                .map((rs, c) -> Map.entry(rs.getString("id"), rs.getString("name"))).forEach(e -> accounts.put(e.getKey(), e.getValue()));
        Map<String, String> operators = operatorNames(h, rows.stream().map(Row::assignee).toList());
        Map<String, Integer> caseSizes = new HashMap<>();
        h.createQuery("SELECT case_id, unresolved, COUNT(*) AS n FROM abuse_reports WHERE case_id IN (<cases>) GROUP BY case_id, unresolved")
                .bindList("cases", rows.stream().map(Row::caseId).distinct().toList())
                .map((rs, c) -> Map.entry(rs.getString("case_id") + ":" + rs.getBoolean("unresolved"), rs.getInt("n")))
                .forEach(e -> caseSizes.put(e.getKey(), e.getValue()));
        List<AbuseReport> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(report(r, accounts.get(r.accountId()), operators.get(r.assignee()),
                    caseSizes.getOrDefault(r.caseId() + ":" + r.unresolved(), 1), now));
        }
        return out;
    }

    static AbuseReport report(Row r, String accountName, String assigneeName, int caseSize, Instant now) {
        return new AbuseReport(r.id(), r.caseId(), r.category(), r.severity(), r.state(), r.description(), r.accountId(),
                accountName, r.keyId(), new AbuseReporter(r.reporterKind(), r.reporterContact(), r.reporterDetector(),
                r.reporterOperator()), r.receivedAt(), r.dueAt(), r.targetAt(),
                ReportSla.breached(r.receivedAt(), r.firstActionAt(), now), slaState(r, now).wire(), r.firstActionAt(),
                r.assignee(), assigneeName, r.claimedAt(), r.escalatedTo(), r.resolvedAt(), r.decisionId(), caseSize, r.version());
    }

    /** Unanswered: where the clock stands against due. Answered: breached or not, for good. */
    static SlaState slaState(Row r, Instant now) {
        if (r.firstActionAt() == null) {
            return ReportSla.state(r.receivedAt(), now);
        }
        return ReportSla.breached(r.receivedAt(), r.firstActionAt(), now) ? SlaState.BREACHED : SlaState.ON_TRACK;
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("case_id"), rs.getString("category"), rs.getString("severity"),
                rs.getString("state"), rs.getString("description"), rs.getString("account_id"), rs.getString("key_id"),
                rs.getString("reporter_kind"), rs.getString("reporter_contact"), rs.getString("reporter_detector"),
                rs.getString("reporter_operator"), Timestamps.instant(rs, "received_at"), Timestamps.instant(rs, "due_at"),
                Timestamps.instant(rs, "target_at"), Timestamps.instant(rs, "first_action_at"), rs.getString("assignee"),
                Timestamps.instant(rs, "claimed_at"), rs.getString("escalated_to"), rs.getString("escalated_by"),
                Timestamps.instant(rs, "resolved_at"), rs.getString("decision_id"), rs.getLong("version"));
    }
}
