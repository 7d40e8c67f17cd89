package dev.gatehouse.gateway.keys;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.gateway.sql.LikePatterns;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes of api_keys. The secret hash is never selected here: operators see prefix and last four
 * only (ai-visual-studio §2); the data plane looks keys up by hash on its own.
 */
public final class KeyStore {
    /** Everything but secret_hash. */
    public static final String COLUMNS = "id, account_id, name, mode, prefix, last4, status, created_at, expires_at, last_used_at, version";

    private KeyStore() {}

    /** Filters of GET /admin/v1/keys; null means "any". prefix matches the start of the display prefix. */
    public record Filter(String accountId, String status, String mode, String prefix) {}

    /**
     * Whether a list is ordered by (prefix, id) rather than newest first: a prefix search without an account
     * reads like a typeahead and walks the prefix index in order, so a broad prefix ("sk-live-") still answers
     * at once instead of sorting hundreds of thousands of matches by id.
     */
    public static boolean orderedByPrefix(Filter f) {
        return f.prefix() != null && f.accountId() == null;
    }

    /** One page, newest first; after is the last row of the previous page (its id, or prefix and id). */
    public static List<ApiKey> list(Handle h, Filter f, List<String> after, int limit) {
        boolean byPrefix = orderedByPrefix(f);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM api_keys WHERE 1 = 1");
        if (f.accountId() != null) sql.append(" AND account_id = :acct");
        if (f.status() != null) sql.append(" AND status = :status");
        if (f.mode() != null) sql.append(" AND mode = :mode");
        if (f.prefix() != null) sql.append(" AND prefix LIKE :prefix ESCAPE '!'");
        if (after != null) sql.append(byPrefix ? " AND (prefix > :cp OR (prefix = :cp AND id > :cid))" : " AND id < :cid");
        // with status fixed, "status, id DESC" is the order of id DESC and the one the status index already has
        String order = byPrefix ? "prefix, id" : f.accountId() == null && f.status() != null ? "status, id DESC" : "id DESC";
        sql.append(" ORDER BY ").append(order).append(" LIMIT :limit");
        var q = h.createQuery(sql.toString()).bind("limit", limit);
        if (f.accountId() != null) q.bind("acct", f.accountId());
        if (f.status() != null) q.bind("status", f.status());
        if (f.mode() != null) q.bind("mode", f.mode());
        if (f.prefix() != null) q.bind("prefix", LikePatterns.prefix(f.prefix()));
        if (after != null) {
            q.bind("cid", after.get(after.size() - 1));
            if (byPrefix) q.bind("cp", after.get(0));
        }
        return withAccounts(h, q.map((rs, c) -> key(rs)).list());
    }

    /** The first {@code limit} keys of an account: active first, then newest first. */
    public static List<ApiKey> ofAccount(Handle h, String accountId, int limit) {
        return withAccounts(h, h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE account_id = :acct "
                        + "ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'suspended' THEN 1 WHEN 'expired' THEN 2 ELSE 3 END, id DESC LIMIT :limit")
                .bind("acct", accountId).bind("limit", limit)
                .map((rs, c) -> key(rs)).list());
    }

    public static Optional<ApiKey> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id").bind("id", id).map((rs, c) -> key(rs)).findOne()
                .map(k -> withAccounts(h, List.of(k)).get(0));
    }

    /** The key row locked for the rest of the transaction; its account is read, not locked. */
    public static Optional<ApiKey> lock(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, c) -> key(rs)).findOne()
                .map(k -> withAccounts(h, List.of(k)).get(0));
    }

    /** The account's status, its row locked for the rest of the transaction (so a termination cannot slip past a new key). */
    public static Optional<String> lockAccountStatus(Handle h, String accountId) {
        return h.createQuery("SELECT status FROM accounts WHERE id = :id FOR UPDATE").bind("id", accountId).mapTo(String.class).findOne();
    }

    /** A new active key; only the secret's hash is stored (ai-visual-studio §2). */
    public static void insert(Handle h, String id, String accountId, String name, String mode, KeySecrets.Secret secret,
                              Instant createdAt, Instant expiresAt) {
        h.createUpdate("INSERT INTO api_keys (id, account_id, name, mode, secret_hash, prefix, last4, status, created_at, expires_at) "
                        + "VALUES (:id, :acct, :name, :mode, :hash, :prefix, :last4, 'active', :at, :expires)")
                .bind("id", id).bind("acct", accountId).bind("name", name).bind("mode", mode).bind("hash", secret.hash())
                .bind("prefix", secret.prefix()).bind("last4", secret.last4()).bind("at", createdAt).bind("expires", expiresAt)
                .execute();
    }

    /**
     * The keys with their account's name and status filled in: one lookup of the page's accounts by primary key
     * (a page is at most 200 keys) after the page itself is chosen, so the key query keeps its keyset plan.
     */
    static List<ApiKey> withAccounts(Handle h, List<ApiKey> keys) {
        if (keys.isEmpty()) {
            return keys;
        }
        List<String> ids = keys.stream().map(ApiKey::accountId).distinct().toList();
        Map<String, String[]> accounts = new HashMap<>();
        h.createQuery("SELECT id, name, status FROM accounts WHERE id IN (<ids>)").bindList("ids", ids)
                .map((rs, c) -> new String[] {rs.getString("id"), rs.getString("name"), rs.getString("status")})
                .forEach(a -> accounts.put(a[0], a));
        return keys.stream().map(k -> {
            String[] a = accounts.get(k.accountId()); // the foreign key guarantees one
            return new ApiKey(k.id(), k.accountId(), k.name(), k.mode(), k.prefix(), k.last4(), k.masked(), k.status(),
                    k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.version(), a[1], a[2]);
        }).toList();
    }

    /** How many keys the account has in each status, by status name. */
    public static Map<String, Integer> countByStatus(Handle h, String accountId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        h.createQuery("SELECT status, COUNT(*) AS n FROM api_keys WHERE account_id = :id GROUP BY status ORDER BY status")
                .bind("id", accountId)
                .map((rs, c) -> Map.entry(rs.getString("status"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The key row alone; its account's name and status are null until {@link #withAccounts} fills them. */
    private static ApiKey key(ResultSet rs) throws SQLException {
        String prefix = rs.getString("prefix");
        String last4 = rs.getString("last4");
        return new ApiKey(rs.getString("id"), rs.getString("account_id"), rs.getString("name"), rs.getString("mode"),
                prefix, last4, prefix + "…" + last4, rs.getString("status"), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "expires_at"), Timestamps.instant(rs, "last_used_at"), rs.getLong("version"), null, null);
    }
}
