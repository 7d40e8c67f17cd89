package dev.gatehouse.gateway.support;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketExposedKey;
import dev.gatehouse.api.TicketLink;
import dev.gatehouse.api.TicketMessage;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.gateway.sql.LikePatterns;
import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.TicketPriority;
import dev.gatehouse.policy.TicketSla;
import dev.gatehouse.policy.TicketState;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes of tickets, their messages, exposed keys and links. Text arrives here already redacted. */
public final class TicketStore {
    static final String COLUMNS = "id, account_id, category, subject, state, priority, assignee, tags, redacted, created_at, "
            + "updated_at, first_reply_due_at, first_reply_at, sla_stopped_at, replied_late, last_customer_at, solved_at, "
            + "closed_at, merged_into, message_count, version";

    private TicketStore() {}

    /** A ticket row as stored; {@link #ticket} adds the names and what depends on the clock. */
    record Row(String id, String accountId, String category, String subject, TicketState state, TicketPriority priority,
               String assignee, List<String> tags, boolean redacted, Instant createdAt, Instant updatedAt,
               Instant firstReplyDueAt, Instant firstReplyAt, Instant slaStoppedAt, boolean repliedLate,
               Instant lastCustomerAt, Instant solvedAt, Instant closedAt, String mergedInto, int messageCount, long version) {

        /** The first reply is late, or missing past its due time while the clock still runs. */
        boolean breached(Instant now) {
            return repliedLate || (slaStoppedAt == null && TicketSla.firstReplyBreached(createdAt, priority, null, now));
        }
    }

    /**
     * Filters of GET /admin/v1/tickets; null means any. unsolved: new, open, pending or on hold. assignee "none" means
     * unassigned. breached compares with {@code now}.
     */
    record Filter(String state, boolean unsolved, String priority, String category, String assignee, String accountId,
                  Boolean breached, String q) {}

    /** One page sorted by first-reply due, then by age; after is (due, id) of the previous page's last row. */
    static List<Row> list(Handle h, Filter f, Instant now, List<String> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tickets WHERE 1 = 1");
        if (f.unsolved()) sql.append(" AND unsolved = TRUE");
        if (f.state() != null) sql.append(" AND state = :state");
        if (f.priority() != null) sql.append(" AND priority = :priority");
        if (f.category() != null) sql.append(" AND category = :category");
        if ("none".equals(f.assignee())) sql.append(" AND assignee IS NULL");
        else if (f.assignee() != null) sql.append(" AND assignee = :assignee");
        if (f.accountId() != null) sql.append(" AND account_id = :acct");
        if (Boolean.TRUE.equals(f.breached())) {
            sql.append(" AND (replied_late = TRUE OR (sla_stopped_at IS NULL AND first_reply_due_at < :now))");
        } else if (Boolean.FALSE.equals(f.breached())) {
            sql.append(" AND replied_late = FALSE AND (sla_stopped_at IS NOT NULL OR first_reply_due_at >= :now)");
        }
        if (f.q() != null) sql.append(" AND (subject_lower LIKE :q ESCAPE '!' OR id = :qid OR account_id = :qid)");
        if (after != null) {
            sql.append(" AND (first_reply_due_at > :cdue OR (first_reply_due_at = :cdue AND id > :cid))");
        }
        // columns an equality filter fixes lead the ORDER BY, so it is the order of the index that filter reads
        String lead;
        if (f.assignee() != null && f.unsolved()) lead = "assignee, unsolved, ";
        else if (f.priority() != null && f.unsolved()) lead = "priority, unsolved, ";
        else if (f.unsolved()) lead = "unsolved, ";
        else if (f.state() != null) lead = "state, ";
        else if (f.accountId() != null) lead = "account_id, ";
        else if (f.category() != null) lead = "category, ";
        else lead = "";
        sql.append(" ORDER BY ").append(lead).append("first_reply_due_at, id LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("limit", limit);
        if (f.state() != null) q.bind("state", f.state());
        if (f.priority() != null) q.bind("priority", f.priority());
        if (f.category() != null) q.bind("category", f.category());
        if (f.assignee() != null && !"none".equals(f.assignee())) q.bind("assignee", f.assignee());
        if (f.accountId() != null) q.bind("acct", f.accountId());
        if (f.breached() != null) q.bind("now", now);
        if (f.q() != null) {
            q.bind("q", LikePatterns.containing(f.q().toLowerCase(java.util.Locale.ROOT)));
            q.bind("qid", f.q());
        }
        if (after != null) {
            q.bind("cdue", Instant.parse(after.get(0)));
            q.bind("cid", after.get(1));
        }
        return q.map((rs, c) -> row(rs)).list();
    }

    static Optional<Row> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM tickets WHERE id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne();
    }

    static Optional<Row> lock(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM tickets WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    /** The rows as the API shows them, with account and assignee names and exposed-key counts read for the page at once. */
    static List<Ticket> tickets(Handle h, List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, String> accounts = names(h, "accounts", rows.stream().map(Row::accountId).distinct().toList());
        Map<String, String> operators = names(h, "operators",
                rows.stream().map(Row::assignee).filter(a -> a != null).distinct().toList());
        Map<String, Integer> exposed = new HashMap<>();
        h.createQuery("SELECT ticket_id, COUNT(*) AS n FROM ticket_exposed_keys WHERE ticket_id IN (<ids>) GROUP BY ticket_id")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, c) -> Map.entry(rs.getString("ticket_id"), rs.getInt("n")))
                .forEach(e -> exposed.put(e.getKey(), e.getValue()));
        return rows.stream().map(r -> ticket(r, accounts.get(r.accountId()), operators.get(r.assignee()),
                exposed.getOrDefault(r.id(), 0), now)).toList();
    }

    static Ticket ticket(Row r, String accountName, String assigneeName, int exposedKeys, Instant now) {
        return new Ticket(r.id(), r.accountId(), accountName, r.category(), r.subject(), r.state().wire(), r.priority().wire(),
                r.assignee(), assigneeName, r.tags(), r.redacted(), exposedKeys, r.createdAt(), r.updatedAt(),
                r.firstReplyDueAt(), r.firstReplyAt(), r.breached(now), r.solvedAt(),
                r.state() == TicketState.SOLVED && r.solvedAt() != null ? TicketSla.closesAt(r.solvedAt()) : null,
                r.closedAt(), r.mergedInto(), r.messageCount(), r.version());
    }

    private static Map<String, String> names(Handle h, String table, List<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            h.createQuery("SELECT id, name FROM " + table + " WHERE id IN (<ids>)").bindList("ids", ids)
                    .map((rs, c) -> Map.entry(rs.getString("id"), rs.getString("name")))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    /** A new ticket; its first message, the customer's, is inserted next. */
    static void insert(Handle h, String id, String accountId, String category, String subject, TicketPriority priority,
                       boolean redacted, Instant now) {
        h.createUpdate("INSERT INTO tickets (id, account_id, category, subject, subject_lower, state, unsolved, priority, "
                        + "redacted, created_at, updated_at, first_reply_due_at, last_customer_at, message_count) VALUES (:id, :acct, "
                        + ":category, :subject, :lower, 'new', TRUE, :priority, :redacted, :now, :now, :due, :now, 1)")
                .bind("id", id).bind("acct", accountId).bind("category", category).bind("subject", subject)
                .bind("lower", subject.toLowerCase(java.util.Locale.ROOT)).bind("priority", priority.wire())
                .bind("redacted", redacted).bind("now", now).bind("due", TicketSla.firstReplyDueAt(now, priority)).execute();
    }

    /** Writes every changeable column of {@code r} and bumps the version. */
    static void update(Handle h, Row r) {
        h.createUpdate("UPDATE tickets SET state = :state, unsolved = :unsolved, priority = :priority, assignee = :assignee, "
                        + "tags = :tags, redacted = :redacted, updated_at = :updated, first_reply_due_at = :due, "
                        + "first_reply_at = :first, sla_stopped_at = :stopped, replied_late = :late, last_customer_at = :customer, "
                        + "solved_at = :solved, closed_at = :closed, merged_into = :merged, message_count = :count, "
                        + "version = version + 1 WHERE id = :id")
                .bind("id", r.id()).bind("state", r.state().wire()).bind("unsolved", unsolved(r.state()))
                .bind("priority", r.priority().wire()).bind("assignee", r.assignee()).bind("tags", String.join(",", r.tags()))
                .bind("redacted", r.redacted()).bind("updated", r.updatedAt()).bind("due", r.firstReplyDueAt())
                .bind("first", r.firstReplyAt()).bind("stopped", r.slaStoppedAt()).bind("late", r.repliedLate())
                .bind("customer", r.lastCustomerAt()).bind("solved", r.solvedAt()).bind("closed", r.closedAt())
                .bind("merged", r.mergedInto()).bind("count", r.messageCount()).execute();
    }

    static boolean unsolved(TicketState s) {
        return s == TicketState.NEW || s == TicketState.OPEN || s == TicketState.PENDING || s == TicketState.ON_HOLD;
    }

    static void insertMessage(Handle h, String id, String ticketId, String author, String operatorId, String body,
                              List<String> redactions, Instant at) {
        h.createUpdate("INSERT INTO ticket_messages (id, ticket_id, author, operator_id, body, redactions, created_at) "
                        + "VALUES (:id, :ticket, :author, :op, :body, :redactions, :at)")
                .bind("id", id).bind("ticket", ticketId).bind("author", author).bind("op", operatorId).bind("body", body)
                .bind("redactions", String.join(",", redactions)).bind("at", at).execute();
    }

    /** The conversation, oldest first, with operator names. */
    static List<TicketMessage> messages(Handle h, String ticketId) {
        return h.createQuery("SELECT m.id, m.author, m.operator_id, o.name AS operator_name, m.body, m.redactions, m.created_at "
                        + "FROM ticket_messages m LEFT JOIN operators o ON o.id = m.operator_id WHERE m.ticket_id = :t ORDER BY m.seq")
                .bind("t", ticketId)
                .map((rs, c) -> new TicketMessage(rs.getString("id"), rs.getString("author"), rs.getString("operator_id"),
                        rs.getString("operator_name"), rs.getString("body"), split(rs.getString("redactions")),
                        Timestamps.instant(rs, "created_at")))
                .list();
    }

    /** The customer's messages of a ticket (merging copies them to the other ticket). */
    static List<String[]> customerMessages(Handle h, String ticketId) {
        return h.createQuery("SELECT body, redactions FROM ticket_messages WHERE ticket_id = :t AND author = 'customer' ORDER BY seq")
                .bind("t", ticketId).map((rs, c) -> new String[] {rs.getString("body"), rs.getString("redactions")}).list();
    }

    /** The key whose secret hashes to {@code hash}: id, account and status only (the store never reads the hash back). */
    static Optional<String[]> keyByHash(Handle h, String hash) {
        return h.createQuery("SELECT id, account_id, status FROM api_keys WHERE secret_hash = :hash").bind("hash", hash)
                .map((rs, c) -> new String[] {rs.getString("id"), rs.getString("account_id"), rs.getString("status")}).findOne();
    }

    /** Records an exposed key once per ticket; the first finding keeps its deadline. */
    static void addExposedKey(Handle h, String ticketId, String keyId, String messageId, Instant foundAt, Instant notifyBy) {
        h.createUpdate("INSERT INTO ticket_exposed_keys (ticket_id, key_id, message_id, found_at, notify_owner_by) "
                        + "SELECT :t, :k, :m, :at, :by WHERE NOT EXISTS "
                        + "(SELECT 1 FROM ticket_exposed_keys WHERE ticket_id = :t AND key_id = :k)")
                .bind("t", ticketId).bind("k", keyId).bind("m", messageId).bind("at", foundAt).bind("by", notifyBy).execute();
    }

    /** An agent's reply to the account that owns an exposed key notifies that owner (ai-visual-studio §3). */
    static int markOwnersNotified(Handle h, String ticketId, String ticketAccountId, Instant at) {
        return h.createUpdate("UPDATE ticket_exposed_keys SET owner_notified_at = :at WHERE ticket_id = :t "
                        + "AND owner_notified_at IS NULL AND key_id IN (SELECT id FROM api_keys WHERE account_id = :acct)")
                .bind("at", at).bind("t", ticketId).bind("acct", ticketAccountId).execute();
    }

    static List<TicketExposedKey> exposedKeys(Handle h, String ticketId) {
        List<Object[]> rows = h.createQuery("SELECT key_id, message_id, found_at, notify_owner_by, owner_notified_at "
                        + "FROM ticket_exposed_keys WHERE ticket_id = :t ORDER BY found_at, key_id")
                .bind("t", ticketId)
                .map((rs, c) -> new Object[] {rs.getString("key_id"), rs.getString("message_id"), Timestamps.instant(rs, "found_at"),
                        Timestamps.instant(rs, "notify_owner_by"), Timestamps.instant(rs, "owner_notified_at")})
                .list();
        List<TicketExposedKey> out = new ArrayList<>();
        for (Object[] r : rows) {
            Optional<ApiKey> key = KeyStore.find(h, (String) r[0]);
            key.ifPresent(k -> out.add(new TicketExposedKey(k, (String) r[1], (Instant) r[2], (Instant) r[3], (Instant) r[4])));
        }
        return out;
    }

    /** Moves a merged ticket's exposed keys and links to the ticket it was merged into (each kept once). */
    static void copyFindings(Handle h, String from, String to) {
        h.createUpdate("INSERT INTO ticket_exposed_keys (ticket_id, key_id, message_id, found_at, notify_owner_by, owner_notified_at) "
                        + "SELECT :to, e.key_id, e.message_id, e.found_at, e.notify_owner_by, e.owner_notified_at "
                        + "FROM ticket_exposed_keys e WHERE e.ticket_id = :from AND NOT EXISTS "
                        + "(SELECT 1 FROM ticket_exposed_keys x WHERE x.ticket_id = :to AND x.key_id = e.key_id)")
                .bind("from", from).bind("to", to).execute();
        h.createUpdate("INSERT INTO ticket_links (ticket_id, kind, target_id) SELECT :to, l.kind, l.target_id "
                        + "FROM ticket_links l WHERE l.ticket_id = :from AND NOT EXISTS "
                        + "(SELECT 1 FROM ticket_links x WHERE x.ticket_id = :to AND x.kind = l.kind AND x.target_id = l.target_id)")
                .bind("from", from).bind("to", to).execute();
    }

    /** Adds a link once. Keys must exist; refunds are recorded as named. */
    static void addLink(Handle h, String ticketId, String kind, String targetId) {
        h.createUpdate("INSERT INTO ticket_links (ticket_id, kind, target_id) SELECT :t, :k, :id WHERE NOT EXISTS "
                        + "(SELECT 1 FROM ticket_links WHERE ticket_id = :t AND kind = :k AND target_id = :id)")
                .bind("t", ticketId).bind("k", kind).bind("id", targetId).execute();
    }

    static boolean keyExists(Handle h, String keyId) {
        return h.createQuery("SELECT COUNT(*) FROM api_keys WHERE id = :id").bind("id", keyId).mapTo(Integer.class).one() > 0;
    }

    static List<TicketLink> links(Handle h, String ticketId) {
        return h.createQuery("SELECT kind, target_id FROM ticket_links WHERE ticket_id = :t ORDER BY kind, target_id")
                .bind("t", ticketId).map((rs, c) -> new TicketLink(rs.getString("kind"), rs.getString("target_id"))).list();
    }

    /** Ids of solved tickets solved at or before {@code cutoff}: candidates for the auto-close sweep. */
    static List<String> solvedBefore(Handle h, Instant cutoff, int limit) {
        return h.createQuery("SELECT id FROM tickets WHERE state = 'solved' AND solved_at <= :cutoff ORDER BY solved_at LIMIT :limit")
                .bind("cutoff", cutoff).bind("limit", limit).mapTo(String.class).list();
    }

    /** The operator, if it exists and is active: id, name, role. */
    static Optional<String[]> activeOperator(Handle h, String id) {
        return h.createQuery("SELECT id, name, role FROM operators WHERE id = :id AND disabled = FALSE").bind("id", id)
                .map((rs, c) -> new String[] {rs.getString("id"), rs.getString("name"), rs.getString("role")}).findOne();
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("account_id"), rs.getString("category"), rs.getString("subject"),
                TicketState.fromWire(rs.getString("state")).orElseThrow(),
                TicketPriority.fromWire(rs.getString("priority")).orElseThrow(), rs.getString("assignee"),
                split(rs.getString("tags")), rs.getBoolean("redacted"), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"), Timestamps.instant(rs, "first_reply_due_at"),
                Timestamps.instant(rs, "first_reply_at"), Timestamps.instant(rs, "sla_stopped_at"), rs.getBoolean("replied_late"),
                Timestamps.instant(rs, "last_customer_at"), Timestamps.instant(rs, "solved_at"),
                Timestamps.instant(rs, "closed_at"), rs.getString("merged_into"), rs.getInt("message_count"), rs.getLong("version"));
    }
}
