package dev.gatehouse.gateway.requestlog;

import dev.gatehouse.api.RequestLogEntry;
import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.SecretScanner;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads and writes of request_log (issue 9 item 3), the evidence of abuse reports. The data plane will write it; the
 * demo seeds it. Every prompt excerpt goes through {@link #excerpt} before it is stored: secrets redacted
 * (DESIGN §4, policy/SecretScanner), then cut to 500 characters.
 */
public final class RequestLogStore {
    public static final int MAX_EXCERPT = 500;
    private static final String COLUMNS = "r.id, r.key_id, r.account_id, r.model, r.at, r.http_status, r.latency_ms, r.units, "
            + "r.unit, r.cost, r.currency, r.prompt_excerpt";
    /** Whether a CSAM report cites the row, so it is preserved past the retention (abuse_evidence.preserved). */
    private static final String PRESERVED = "EXISTS (SELECT 1 FROM abuse_evidence e WHERE e.request_id = r.id AND e.preserved = TRUE)";

    private RequestLogStore() {}

    /** A request as the data plane reports it; the prompt is raw here and redacted by {@link #insert}. */
    public record Row(String id, String keyId, String accountId, String model, Instant at, int httpStatus, int latencyMs,
                      BigDecimal units, String unit, BigDecimal cost, String prompt) {}

    /**
     * The excerpt stored for a prompt: redacted first, over the whole prompt (so a secret straddling character 500 is
     * still found), then cut to 500 characters without splitting a surrogate pair. Null stays null. NUL is dropped:
     * PostgreSQL refuses it in text, and one such row would fail the whole batch it is written in (the data plane
     * refuses NUL at its edge; this is the second line).
     */
    public static String excerpt(String prompt) {
        if (prompt == null) {
            return null;
        }
        String redacted = SecretScanner.redact(withoutNul(prompt));
        if (redacted.length() <= MAX_EXCERPT) {
            return redacted;
        }
        int end = Character.isHighSurrogate(redacted.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
        return redacted.substring(0, end);
    }

    /** {@code s} without NUL characters (null stays null), for a text column on PostgreSQL. */
    public static String withoutNul(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    /** Inserts the rows in one batch, each excerpt redacted, no NUL in the model name or excerpt. */
    public static void insert(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO request_log (id, key_id, account_id, model, at, http_status, latency_ms, units, "
                + "unit, cost, prompt_excerpt) VALUES (:id, :key, :acct, :model, :at, :status, :latency, :units, :unit, :cost, :excerpt)");
        for (Row r : rows) {
            batch.bind("id", r.id()).bind("key", r.keyId()).bind("acct", r.accountId()).bind("model", withoutNul(r.model()))
                    .bind("at", r.at()).bind("status", r.httpStatus()).bind("latency", r.latencyMs()).bind("units", r.units())
                    .bind("unit", r.unit()).bind("cost", r.cost()).bind("excerpt", excerpt(r.prompt())).add();
        }
        batch.execute();
    }

    /** The key's requests since {@code from}, newest first, at most {@code limit}. */
    public static List<RequestLogEntry> ofKey(Handle h, String keyId, Instant from, int limit) {
        return h.createQuery("SELECT " + COLUMNS + ", " + PRESERVED + " AS preserved FROM request_log r "
                        + "WHERE r.key_id = :key AND r.at >= :from ORDER BY r.at DESC, r.id DESC LIMIT :limit")
                .bind("key", keyId).bind("from", from).bind("limit", limit).map((rs, c) -> entry(rs)).list();
    }

    /** The account's requests since {@code from}, newest first (a report naming no key). */
    public static List<RequestLogEntry> ofAccount(Handle h, String accountId, Instant from, int limit) {
        return h.createQuery("SELECT " + COLUMNS + ", " + PRESERVED + " AS preserved FROM request_log r "
                        + "WHERE r.account_id = :acct AND r.at >= :from ORDER BY r.at DESC, r.id DESC LIMIT :limit")
                .bind("acct", accountId).bind("from", from).bind("limit", limit).map((rs, c) -> entry(rs)).list();
    }

    /** The rows with these ids, newest first (a report's cited evidence). */
    public static List<RequestLogEntry> byIds(Handle h, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT " + COLUMNS + ", " + PRESERVED + " AS preserved FROM request_log r "
                        + "WHERE r.id IN (<ids>) ORDER BY r.at DESC, r.id DESC")
                .bindList("ids", ids).map((rs, c) -> entry(rs)).list();
    }

    /** Ids of the subject's most recent requests since {@code from}: what a new report cites. */
    public static List<String> recentIds(Handle h, String accountId, String keyId, Instant from, int limit) {
        String where = keyId == null ? "account_id = :id" : "key_id = :id";
        return h.createQuery("SELECT id FROM request_log WHERE " + where + " AND at >= :from ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("id", keyId == null ? accountId : keyId).bind("from", from).bind("limit", limit)
                .mapTo(String.class).list();
    }

    /**
     * Deletes up to {@code batch} rows older than {@code cutoff} that no CSAM report cites; returns how many. Batched
     * so a large backlog never holds one long transaction.
     */
    static int deleteOlderThan(Handle h, Instant cutoff, int batch) {
        List<String> ids = h.createQuery("SELECT r.id FROM request_log r WHERE r.at < :cutoff AND NOT " + PRESERVED
                        + " ORDER BY r.at LIMIT :limit")
                .bind("cutoff", cutoff).bind("limit", batch).mapTo(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return h.createUpdate("DELETE FROM request_log WHERE id IN (<ids>)").bindList("ids", ids).execute();
    }

    /** Requests of the key refused with 429 in [from, to], by every gateway that shares this database. */
    public static int refusedForLimits(Handle h, String keyId, Instant from, Instant to) {
        return h.createQuery("SELECT COUNT(*) FROM request_log WHERE key_id = :k AND at >= :from AND at <= :to AND http_status = 429")
                .bind("k", keyId).bind("from", from).bind("to", to)
                .mapTo(Integer.class).one();
    }

    public static long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM request_log").mapTo(Long.class).one();
    }

    private static RequestLogEntry entry(ResultSet rs) throws SQLException {
        return new RequestLogEntry(rs.getString("id"), rs.getString("key_id"), rs.getString("account_id"), rs.getString("model"),
                Timestamps.instant(rs, "at"), rs.getInt("http_status"), rs.getInt("latency_ms"),
                rs.getBigDecimal("units").setScale(6), rs.getString("unit"), rs.getBigDecimal("cost").setScale(6),
                rs.getString("currency"), rs.getString("prompt_excerpt"), rs.getBoolean("preserved"));
    }
}
