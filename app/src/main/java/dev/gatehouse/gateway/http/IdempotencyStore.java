package dev.gatehouse.gateway.http;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The idempotency_keys table: one row per operator and key, holding the first answer. */
final class IdempotencyStore {
    private IdempotencyStore() {}

    /** A remembered request: its fingerprint, and its answer (status 0 while the first request still runs). */
    record Stored(String fingerprint, int status, String body) {}

    /**
     * Claims the key for this request; false when another request holds it. Inserting the row is the serialization
     * point: a concurrent twin blocks on the primary key until the first commits. A key created before
     * {@code forgottenBefore} that the sweep has not reached yet is already forgotten.
     */
    static boolean claim(Handle h, String operatorId, String key, String fingerprint, Instant now, Instant forgottenBefore) {
        h.createUpdate("DELETE FROM idempotency_keys WHERE operator_id = :op AND idem_key = :key AND created_at < :cutoff")
                .bind("op", operatorId).bind("key", key).bind("cutoff", forgottenBefore).execute();
        try {
            h.createUpdate("INSERT INTO idempotency_keys (operator_id, idem_key, fingerprint, status, created_at) "
                            + "VALUES (:op, :key, :fp, 0, :at)")
                    .bind("op", operatorId).bind("key", key).bind("fp", fingerprint).bind("at", now)
                    .execute();
            return true;
        } catch (StatementException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Stores the first answer, in the transaction of its effect. */
    static void answer(Handle h, String operatorId, String key, int status, String body) {
        h.createUpdate("UPDATE idempotency_keys SET status = :status, response_body = :body WHERE operator_id = :op AND idem_key = :key")
                .bind("status", status).bind("body", body).bind("op", operatorId).bind("key", key).execute();
    }

    static Optional<Stored> find(Handle h, String operatorId, String key) {
        return h.createQuery("SELECT fingerprint, status, response_body FROM idempotency_keys WHERE operator_id = :op AND idem_key = :key")
                .bind("op", operatorId).bind("key", key)
                .map((rs, c) -> new Stored(rs.getString(1).trim(), rs.getInt(2), rs.getString(3)))
                .findOne();
    }

    /** Deletes the keys created before {@code cutoff}; returns how many. */
    static int forgetBefore(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff").bind("cutoff", cutoff).execute();
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
