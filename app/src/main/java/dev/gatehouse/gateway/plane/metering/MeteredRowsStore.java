package dev.gatehouse.gateway.plane.metering;

import dev.gatehouse.gateway.requestlog.RequestLogStore;
import dev.gatehouse.gateway.usage.UsageStore;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The meter's write-behind rows in plain JDBC batches: the same rows {@link UsageStore#insert} and
 * {@link RequestLogStore#insert} write (the excerpt redacted by {@link RequestLogStore#excerpt}), without JDBI's
 * per-argument binding, which at thousands of requests a second cost more than the inserts themselves.
 */
final class MeteredRowsStore {
    private static final String USAGE = "INSERT INTO usage_records (request_id, account_id, key_id, model_id, at, minute_bucket, "
            + "first_line, unit, variant, quantity, unit_price, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LOG = "INSERT INTO request_log (id, key_id, account_id, model, at, http_status, latency_ms, units, "
            + "unit, cost, prompt_excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private MeteredRowsStore() {}

    static void insertUsage(Handle h, List<UsageStore.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = h.getConnection().prepareStatement(USAGE)) {
            for (UsageStore.Row r : rows) {
                ps.setString(1, r.requestId());
                ps.setString(2, r.accountId());
                ps.setString(3, r.keyId());
                ps.setString(4, r.modelId());
                ps.setObject(5, utc(r.at()));
                ps.setLong(6, UsageStore.minuteBucket(r.at()));
                ps.setBoolean(7, r.firstLine());
                ps.setString(8, r.unit());
                if (r.variant() == null) {
                    ps.setNull(9, Types.VARCHAR);
                } else {
                    ps.setString(9, r.variant());
                }
                ps.setBigDecimal(10, r.quantity());
                ps.setBigDecimal(11, r.unitPrice());
                ps.setBigDecimal(12, r.cost());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing usage rows failed", e);
        }
    }

    static void insertLog(Handle h, List<RequestLogStore.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = h.getConnection().prepareStatement(LOG)) {
            for (RequestLogStore.Row r : rows) {
                ps.setString(1, r.id());
                ps.setString(2, r.keyId());
                ps.setString(3, r.accountId());
                ps.setString(4, r.model());
                ps.setObject(5, utc(r.at()));
                ps.setInt(6, r.httpStatus());
                ps.setInt(7, r.latencyMs());
                ps.setBigDecimal(8, r.units());
                ps.setString(9, r.unit());
                ps.setBigDecimal(10, r.cost());
                String excerpt = RequestLogStore.excerpt(r.prompt());
                if (excerpt == null) {
                    ps.setNull(11, Types.VARCHAR);
                } else {
                    ps.setString(11, excerpt);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing request-log rows failed", e);
        }
    }

    /** What each of {@code accounts} was charged in [from, to), by its usage rows; absent: nothing. */
    static Map<String, BigDecimal> costs(Handle h, List<String> accounts, Instant from, Instant to) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (Map.Entry<String, BigDecimal> e : h.createQuery("SELECT account_id, COALESCE(SUM(cost), 0) AS spent FROM usage_records WHERE account_id IN (<accounts>)"
                        + " AND at >= :from AND at < :to GROUP BY account_id")
                .bindList("accounts", accounts).bind("from", utc(from)).bind("to", utc(to))
                .map((rs, ctx) -> Map.entry(rs.getString("account_id"), rs.getBigDecimal("spent"))).list()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
