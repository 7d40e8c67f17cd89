package dev.gatehouse.gateway.usage;

import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.ImpactPreview;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * The usage_records table: one row per priced line of a request, at the unit price in force when it was made (the data
 * plane writes them through the pricing feature's billing; the demo seeds them). Read by the impact previews, the
 * customer notices (who used a model), "what did this cost" and the tier previews (who went over a limit).
 */
public final class UsageStore {
    private UsageStore() {}

    /** One stored line. {@code firstLine} marks the row that counts its request (a chat request has two lines). */
    public record Row(String requestId, String accountId, String keyId, String modelId, Instant at, boolean firstLine,
                      String unit, String variant, BigDecimal quantity, BigDecimal unitPrice, BigDecimal cost) {}

    /** Whole minutes since the epoch, the bucket rpm and rpd windows group on. */
    public static long minuteBucket(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    public static void insert(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch b = h.prepareBatch("""
                INSERT INTO usage_records (request_id, account_id, key_id, model_id, at, minute_bucket, first_line, unit,
                    variant, quantity, unit_price, cost)
                VALUES (:request_id, :account_id, :key_id, :model_id, :at, :minute, :first_line, :unit, :variant,
                    :quantity, :unit_price, :cost)""");
        for (Row r : rows) {
            b.bind("request_id", r.requestId()).bind("account_id", r.accountId()).bind("key_id", r.keyId())
                    .bind("model_id", r.modelId()).bind("at", utc(r.at())).bind("minute", minuteBucket(r.at()))
                    .bind("first_line", r.firstLine()).bind("unit", r.unit()).bind("variant", r.variant())
                    .bind("quantity", r.quantity()).bind("unit_price", r.unitPrice()).bind("cost", r.cost())
                    .add();
        }
        b.execute();
    }

    /** Units used per account, model, unit and variant in [from, to), for the impact of a change to these models. */
    public static List<ImpactPreview.Usage> quantities(Handle h, Collection<String> modelIds, Instant from, Instant to) {
        if (modelIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("""
                        SELECT account_id, model_id, unit, variant, SUM(quantity) AS units FROM usage_records
                        WHERE model_id IN (<models>) AND at >= :from AND at < :to
                        GROUP BY account_id, model_id, unit, variant""")
                .bindList("models", List.copyOf(modelIds))
                .bind("from", utc(from)).bind("to", utc(to))
                .map((rs, c) -> new ImpactPreview.Usage(rs.getString("account_id"), rs.getString("model_id"),
                        rs.getString("unit"), rs.getString("variant"), rs.getBigDecimal("units")))
                .list();
    }

    /** Accounts that used the model in [from, to), in id order: who is told of a raise. */
    public static List<String> accountsUsing(Handle h, String modelId, Instant from, Instant to) {
        return h.createQuery("""
                        SELECT DISTINCT account_id FROM usage_records
                        WHERE model_id = :model AND at >= :from AND at < :to ORDER BY account_id""")
                .bind("model", modelId).bind("from", utc(from)).bind("to", utc(to))
                .mapTo(String.class).list();
    }

    /** Whether anyone used the model in [from, to). */
    public static boolean used(Handle h, String modelId, Instant from, Instant to) {
        return h.createQuery("SELECT 1 FROM usage_records WHERE model_id = :model AND at >= :from AND at < :to LIMIT 1")
                .bind("model", modelId).bind("from", utc(from)).bind("to", utc(to))
                .mapTo(Integer.class).findOne().isPresent();
    }

    /** What an account was charged in [from, to), the sum of its rows' costs. */
    public static BigDecimal cost(Handle h, String accountId, Instant from, Instant to) {
        return h.createQuery("SELECT COALESCE(SUM(cost), 0) FROM usage_records WHERE account_id = :a AND at >= :from AND at < :to")
                .bind("a", accountId).bind("from", utc(from)).bind("to", utc(to))
                .mapTo(BigDecimal.class).one();
    }

    /** Which requests are counted against a limit: those of the accounts on a tier, or of one account. */
    public record Scope(String tier, String accountId) {
        public static Scope tier(String tier) {
            return new Scope(tier, null);
        }

        public static Scope account(String accountId) {
            return new Scope(null, accountId);
        }
    }

    /** Requests in [from, to) and how many keys and accounts of the scope made more than rpm in a minute or rpd in a day. */
    public record Exceedance(long requests, long keysOverRpm, long keysOverRpd, long accountsOverRpm, long accountsOverRpd) {}

    public static Exceedance exceedance(Handle h, Scope scope, Instant from, Instant to, int rpm, int rpd) {
        String base = scope.accountId() != null
                ? "FROM usage_records u WHERE u.account_id = :scope AND u.first_line = TRUE AND u.at >= :from AND u.at < :to"
                : "FROM usage_records u JOIN accounts a ON a.id = u.account_id"
                  + " WHERE a.tier = :scope AND u.first_line = TRUE AND u.at >= :from AND u.at < :to";
        String scopeValue = scope.accountId() != null ? scope.accountId() : scope.tier();
        long requests = bound(h.createQuery("SELECT COUNT(*) " + base), scopeValue, from, to).mapTo(Long.class).one();
        if (requests == 0) {
            return new Exceedance(0, 0, 0, 0, 0);
        }
        return new Exceedance(requests,
                over(h, base, "u.key_id", "u.minute_bucket", rpm, scopeValue, from, to),
                over(h, base, "u.key_id", "u.minute_bucket / 1440", rpd, scopeValue, from, to),
                over(h, base, "u.account_id", "u.minute_bucket", rpm, scopeValue, from, to),
                over(h, base, "u.account_id", "u.minute_bucket / 1440", rpd, scopeValue, from, to));
    }

    private static long over(Handle h, String base, String who, String bucket, int limit, String scope, Instant from, Instant to) {
        String sql = "SELECT COUNT(DISTINCT who) FROM (SELECT " + who + " AS who " + base + " GROUP BY " + who + ", " + bucket
                + " HAVING COUNT(*) > :limit) x";
        return bound(h.createQuery(sql), scope, from, to).bind("limit", limit).mapTo(Long.class).one();
    }

    private static Query bound(Query q, String scope, Instant from, Instant to) {
        return q.bind("scope", scope).bind("from", utc(from)).bind("to", utc(to));
    }

    /** Rows of an account in [from, to), oldest first (tests and the console's "what did this cost"). */
    public static List<Row> rows(Handle h, String accountId, Instant from, Instant to, int limit) {
        return h.createQuery("""
                        SELECT request_id, account_id, key_id, model_id, at, first_line, unit, variant, quantity, unit_price, cost
                        FROM usage_records WHERE account_id = :a AND at >= :from AND at < :to ORDER BY at, id LIMIT :limit""")
                .bind("a", accountId).bind("from", utc(from)).bind("to", utc(to)).bind("limit", limit)
                .map((rs, c) -> new Row(rs.getString("request_id"), rs.getString("account_id"), rs.getString("key_id"),
                        rs.getString("model_id"), Timestamps.instant(rs, "at"), rs.getBoolean("first_line"),
                        rs.getString("unit"), rs.getString("variant"), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("unit_price"), rs.getBigDecimal("cost")))
                .list();
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
