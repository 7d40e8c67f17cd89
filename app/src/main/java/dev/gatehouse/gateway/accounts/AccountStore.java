package dev.gatehouse.gateway.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountDetail;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.gateway.credits.CreditHolds;
import dev.gatehouse.gateway.credits.CreditStore;
import dev.gatehouse.gateway.enforcement.EnforcementStore;
import dev.gatehouse.gateway.keys.KeyStore;
import dev.gatehouse.gateway.sql.LikePatterns;
import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.AccountDuplicates;
import dev.gatehouse.policy.Money;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads and writes of the accounts table. Methods take the caller's handle so they join its transaction. */
public final class AccountStore {
    public static final String COLUMNS = "id, name, email, status, tier, balance, currency, created_at, suspended_until, version";

    private AccountStore() {}

    /** Filters of GET /admin/v1/accounts; null means "any". */
    public record Filter(String q, String status, String tier) {}

    /**
     * One page, newest first. q matches the start of the name (any case), of the email or of the email's domain,
     * or an account id exactly. Each of those is its own query on its own index (a LIKE 'x%' range), newest
     * first and limited, and the page is the newest {@code limit} of their union: a single query with OR or
     * UNION makes H2 abandon the indexes and probe the union once per account, and a derived table with a
     * parameter is planned before the parameter is known (a table scan).
     */
    public static List<Account> list(Handle h, Filter f, String beforeId, int limit) {
        if (f.q() == null) {
            return h.createQuery(select(COLUMNS, null, f, beforeId)).bind("limit", limit)
                    .bindMap(params(f, beforeId)).map((rs, c) -> account(rs)).list();
        }
        // ids only (the prefix indexes cover them), newest first per field; then the page's rows in one query
        java.util.TreeSet<String> ids = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (String column : List.of("name_lower", "email", "email_domain", "id")) {
            var query = h.createQuery(select("id", column, f, beforeId)).bind("limit", limit).bindMap(params(f, beforeId));
            if (column.equals("id")) query.bind("q", f.q());
            else query.bind("p", LikePatterns.prefix(f.q().toLowerCase(Locale.ROOT)));
            ids.addAll(query.mapTo(String.class).list());
        }
        List<String> page = ids.stream().limit(limit).toList();
        if (page.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id IN (<ids>) ORDER BY id DESC")
                .bindList("ids", page).map((rs, c) -> account(rs)).list();
    }

    private static String select(String columns, String searched, Filter f, String beforeId) {
        StringBuilder sql = new StringBuilder("SELECT " + columns + " FROM accounts WHERE 1 = 1");
        if (searched != null) {
            sql.append(searched.equals("id") ? " AND id = :q" : " AND " + searched + " LIKE :p ESCAPE '!'");
        }
        // in a search arm status and tier are only tested, never walked: LOWER() (the values are lower case by
        // CHECK) keeps the planner on the prefix index; with "tier = :tier" H2 walks every pro account testing LIKE
        boolean tested = searched != null;
        if (f.status() != null) sql.append(tested ? " AND LOWER(status) = :status" : " AND status = :status");
        if (f.tier() != null) sql.append(tested ? " AND LOWER(tier) = :tier" : " AND tier = :tier");
        if (beforeId != null) sql.append(" AND id < :before");
        // with status or tier fixed, "status, id DESC" is the same order as "id DESC", and the one its index has
        String order = searched != null ? "id DESC" : f.status() != null ? "status, id DESC" : f.tier() != null ? "tier, id DESC" : "id DESC";
        return sql.append(" ORDER BY ").append(order).append(" LIMIT :limit").toString();
    }

    private static Map<String, Object> params(Filter f, String beforeId) {
        Map<String, Object> m = new java.util.HashMap<>();
        if (f.status() != null) m.put("status", f.status());
        if (f.tier() != null) m.put("tier", f.tier());
        if (beforeId != null) m.put("before", beforeId);
        return m;
    }

    public static Optional<Account> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id").bind("id", id)
                .map((rs, c) -> account(rs)).findOne();
    }

    /** The account row locked for the rest of the transaction. */
    public static Optional<Account> lock(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, c) -> account(rs)).findOne();
    }

    public static Optional<AccountDetail> detail(Handle h, String id, Instant now) {
        return find(h, id).map(a -> {
            List<ApiKey> keys = KeyStore.ofAccount(h, id, 200);
            Map<String, Integer> counts = KeyStore.countByStatus(h, id);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            return new AccountDetail(a, CreditStore.lots(h, id, a.currency(), now), keys, total, counts,
                    EnforcementStore.history(h, id, null, 100), CreditHolds.summary(h, id, now).held());
        });
    }

    /** Sets the editable fields (the caller has locked the row) and moves the version on. */
    public static void update(Handle h, String id, String name, String email, String tier) {
        h.createUpdate("UPDATE accounts SET name = :name, name_lower = :nl, email = :email, email_domain = :dom, "
                        + "email_canonical = :canon, tier = :tier, version = version + 1 WHERE id = :id")
                .bind("name", name).bind("nl", name.toLowerCase(Locale.ROOT)).bind("email", email)
                .bind("dom", domainOf(email)).bind("canon", AccountDuplicates.canonicalEmail(email)).bind("tier", tier)
                .bind("id", id).execute();
    }

    /** Opens an account (issue 13): active, no credit yet, in the default currency. */
    public static void insert(Handle h, String id, String name, String email, String tier, Instant at) {
        h.createUpdate("INSERT INTO accounts (id, name, name_lower, email, email_domain, email_canonical, status, tier, created_at) "
                        + "VALUES (:id, :name, :nl, :email, :dom, :canon, 'active', :tier, :at)")
                .bind("id", id).bind("name", name).bind("nl", name.toLowerCase(Locale.ROOT)).bind("email", email)
                .bind("dom", domainOf(email)).bind("canon", AccountDuplicates.canonicalEmail(email)).bind("tier", tier)
                .bind("at", at).execute();
    }

    /** Accounts with exactly this (lower-case) email. */
    public static List<Account> withEmail(Handle h, String email, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE email = :e ORDER BY id DESC LIMIT :limit")
                .bind("e", email).bind("limit", limit).map((rs, c) -> account(rs)).list();
    }

    /**
     * Accounts reaching the same mailbox as {@code canonical}: by the stored canonical email, and for rows written before
     * it was kept (NULL) by their email. Two indexed queries: an OR would leave the indexes unused.
     */
    public static List<Account> sameMailbox(Handle h, String canonical, int limit) {
        List<Account> found = new java.util.ArrayList<>(h.createQuery("SELECT " + COLUMNS
                        + " FROM accounts WHERE email_canonical = :c ORDER BY id DESC LIMIT :limit")
                .bind("c", canonical).bind("limit", limit).map((rs, c) -> account(rs)).list());
        h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE email = :c AND email_canonical IS NULL ORDER BY id DESC LIMIT :limit")
                .bind("c", canonical).bind("limit", limit).map((rs, c) -> account(rs)).forEach(found::add);
        return found;
    }

    /** The newest accounts on an email domain, to compare their names. */
    public static List<Account> onDomain(Handle h, String domain, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM accounts WHERE email_domain = :d ORDER BY id DESC LIMIT :limit")
                .bind("d", domain).bind("limit", limit).map((rs, c) -> account(rs)).list();
    }

    /** Accounts whose timed suspension ended at or before {@code now}. */
    public static List<String> lapsedSuspensions(Handle h, Instant now) {
        return h.createQuery("SELECT id FROM accounts WHERE suspended_until <= :now AND status = 'suspended'")
                .bind("now", now).mapTo(String.class).list();
    }

    public static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("status"),
                rs.getString("tier"), Money.normalize(rs.getBigDecimal("balance")), rs.getString("currency").trim(),
                Timestamps.instant(rs, "created_at"), Timestamps.instant(rs, "suspended_until"), rs.getLong("version"));
    }

    /** The lower-cased domain of an email, the part after the last '@'. */
    public static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return (at < 0 ? email : email.substring(at + 1)).toLowerCase(Locale.ROOT);
    }
}
