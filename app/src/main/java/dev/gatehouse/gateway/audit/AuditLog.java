package dev.gatehouse.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.api.AuditVerification;
import dev.gatehouse.api.Json;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.crypto.Sha256;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The hash-chained audit trail (DESIGN §3 "every mutation writes one audit entry in the same transaction").
 * Each entry's hash is SHA-256 over the previous entry's hash and the entry's fields, so an edited or deleted
 * row breaks the chain at that point. Appends lock the single audit_head row, which serializes them across
 * connections and gateway processes sharing one PostgreSQL: the chain cannot fork.
 */
public final class AuditLog {
    public static final String GENESIS = "0".repeat(64);

    private AuditLog() {}

    /** A new entry, not yet chained. before/after are any JSON-serializable values (or null). */
    public record Draft(Instant at, String actor, String action, String target, String reason, Object before, Object after) {
        public Draft {
            at = at.truncatedTo(ChronoUnit.MILLIS);
        }

        /** How the entry will read, without writing it: seq, id and hashes are null. */
        public AuditEntry preview() {
            return new AuditEntry(null, null, at, actor, action, target, reason, node(before), node(after), null, null);
        }
    }

    /** Appends one entry inside the caller's transaction, after the entry's own changes. */
    public static AuditEntry append(Handle h, Draft d) {
        Head head = h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, c) -> new Head(rs.getLong(1), rs.getString(2).trim())).one();
        Chained e = chain(head, d, PrefixedIds.next("aud_", d.at()));
        insert(h, List.of(e));
        h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                .bind("seq", e.entry().seq()).bind("hash", e.entry().hash()).execute();
        return e.entry();
    }

    /**
     * Appends many entries at once (demo seeding), chained in order. Hashes are computed here and the rows go in
     * plain JDBC batches on the handle's connection: at 100k+ entries JDBI's per-argument binding and re-parsing
     * each snapshot into an {@link AuditEntry} cost more than H2's inserts.
     */
    public static void appendAll(Handle h, List<Draft> drafts, Random random) {
        Head head = h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .map((rs, c) -> new Head(rs.getLong(1), rs.getString(2).trim())).one();
        try (PreparedStatement ps = h.getConnection().prepareStatement("INSERT INTO audit_entries (seq, id, at, actor, "
                + "action, target, reason, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Draft d : drafts) {
                long seq = head.seq() + 1;
                String id = PrefixedIds.next("aud_", d.at(), random);
                String before = text(d.before());
                String after = text(d.after());
                String hash = hash(head.hash(), seq, id, d.at(), d.actor(), d.action(), d.target(), d.reason(), before, after);
                ps.setLong(1, seq);
                ps.setString(2, id);
                ps.setObject(3, d.at().atOffset(java.time.ZoneOffset.UTC));
                ps.setString(4, d.actor());
                ps.setString(5, d.action());
                ps.setString(6, d.target());
                ps.setString(7, d.reason());
                ps.setString(8, before);
                ps.setString(9, after);
                ps.setString(10, head.hash());
                ps.setString(11, hash);
                ps.addBatch();
                if (++pending == 1_000) {
                    ps.executeBatch();
                    pending = 0;
                }
                head = new Head(seq, hash);
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("appending audit entries failed", e);
        }
        h.createUpdate("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                .bind("seq", head.seq()).bind("hash", head.hash()).execute();
    }

    private record Head(long seq, String hash) {}

    /** An entry with the exact snapshot texts that were hashed, so the stored text is the hashed text. */
    private record Chained(AuditEntry entry, String before, String after) {}

    private static Chained chain(Head head, Draft d, String id) {
        long seq = head.seq() + 1;
        String before = text(d.before());
        String after = text(d.after());
        String hash = hash(head.hash(), seq, id, d.at(), d.actor(), d.action(), d.target(), d.reason(), before, after);
        return new Chained(new AuditEntry(seq, id, d.at(), d.actor(), d.action(), d.target(), d.reason(),
                parse(before), parse(after), head.hash(), hash), before, after);
    }

    private static void insert(Handle h, List<Chained> entries) {
        var batch = h.prepareBatch("INSERT INTO audit_entries (seq, id, at, actor, action, target, reason, before_json, "
                + "after_json, prev_hash, hash) VALUES (:seq, :id, :at, :actor, :action, :target, :reason, :before, :after, :prev, :hash)");
        for (Chained c : entries) {
            AuditEntry e = c.entry();
            batch.bind("seq", e.seq()).bind("id", e.id()).bind("at", e.at()).bind("actor", e.actor())
                    .bind("action", e.action()).bind("target", e.target()).bind("reason", e.reason())
                    .bind("before", c.before()).bind("after", c.after())
                    .bind("prev", e.prevHash()).bind("hash", e.hash()).add();
        }
        batch.execute();
    }

    /**
     * Walks the chain in seq order and recomputes every hash. first_broken is the seq of the first entry that
     * was edited, follows a deleted entry, or is missing at the end (the head remembers the last seq and hash).
     * Actions may append while the walk runs: the head is read before and after it, and the walk must end between
     * the two. Plain JDBC with column positions: at 100k+ entries JDBI's per-row mapping costs as much as the hashing.
     */
    public static AuditVerification verify(Jdbi jdbi) {
        try {
            return jdbi.inTransaction(AuditLog::walk);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain", e);
        }
    }

    /** Runs in a transaction: PostgreSQL streams rows by the fetch size only inside one, otherwise it reads them all at once. */
    private static AuditVerification walk(Handle h) throws SQLException {
        Head before = head(h);
        long count = 0;
        Long broken = null;
        String prev = GENESIS;
        long expectedSeq = 1;
        try (PreparedStatement ps = h.getConnection().prepareStatement("SELECT seq, id, at, actor, action, target, reason, "
                + "before_json, after_json, prev_hash, hash FROM audit_entries ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    if (broken != null) {
                        continue;
                    }
                    long seq = rs.getLong(1);
                    String storedPrev = rs.getString(10).trim();
                    String stored = rs.getString(11).trim();
                    String recomputed = hash(storedPrev, seq, rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
                    if (seq != expectedSeq || !storedPrev.equals(prev) || !recomputed.equals(stored)
                            || (seq == before.seq() && !stored.equals(before.hash()))) {
                        broken = seq;
                    }
                    prev = stored;
                    expectedSeq = seq + 1;
                }
            }
        }
        if (broken == null) {
            Head after = head(h);
            long last = expectedSeq - 1;
            if (last < before.seq() || (last == after.seq() && !prev.equals(after.hash()))) {
                broken = last + 1;
            } else if (last > after.seq()) {
                broken = after.seq() + 1;
            }
        }
        return new AuditVerification(broken == null, count, broken);
    }

    private static Head head(Handle h) {
        return h.createQuery("SELECT seq, hash FROM audit_head WHERE id = 1").map((rs, c) -> new Head(rs.getLong(1), rs.getString(2).trim())).one();
    }

    /** SHA-256 over prev_hash and each field, every field length-prefixed so no two entries hash alike by shifting text. */
    static String hash(String prevHash, long seq, String id, Instant at, String actor, String action, String target,
                       String reason, String before, String after) {
        MessageDigest sha = Sha256.digest();
        for (String field : new String[] {prevHash, Long.toString(seq), id, at.truncatedTo(ChronoUnit.MILLIS).toString(),
                actor, action, target, reason, before, after}) {
            if (field == null) {
                sha.update("-1:".getBytes(StandardCharsets.UTF_8));
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
        }
        return Sha256.hex(sha);
    }

    static String text(Object value) {
        if (value == null || (value instanceof JsonNode n && n.isNull())) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an audit snapshot", e);
        }
    }

    static JsonNode node(Object value) {
        return parse(text(value));
    }

    public static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit snapshot is not JSON", e);
        }
    }
}
