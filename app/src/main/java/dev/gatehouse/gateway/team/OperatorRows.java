package dev.gatehouse.gateway.team;

import dev.gatehouse.api.OperatorProfile;
import dev.gatehouse.gateway.sql.Timestamps;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The operators table as the team API reads and changes it; token hashes are written here, never read. */
final class OperatorRows {
    private static final String COLUMNS = "id, name, email, role, disabled, created_at, last_seen_at, token_created_at, token_expires_at, version";

    /** An operator row and its version (the ETag). */
    record Row(OperatorProfile profile, long version) {
        boolean activeLead() {
            return "lead".equals(profile.role()) && "active".equals(profile.status());
        }
    }

    private OperatorRows() {}

    /** Up to {@code limit} operators in id order, after {@code after} when given. */
    static List<OperatorProfile> list(Handle h, String after, int limit, Instant now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM operators" + (after == null ? "" : " WHERE id > :after")
                        + " ORDER BY id LIMIT :limit")
                .bind("after", after).bind("limit", limit)
                .map((rs, c) -> row(rs, now).profile()).list();
    }

    static Optional<Row> find(Handle h, String id, Instant now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM operators WHERE id = :id").bind("id", id)
                .map((rs, c) -> row(rs, now)).findOne();
    }

    /** Locks the row for the rest of the transaction. */
    static Optional<Row> lock(Handle h, String id, Instant now) {
        return h.createQuery("SELECT " + COLUMNS + " FROM operators WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, c) -> row(rs, now)).findOne();
    }

    /**
     * The ids of the active leads, their rows locked: two leads demoting or deactivating each other at once are
     * serialized here, so the second sees that the first has already gone and is refused.
     */
    static List<String> lockActiveLeads(Handle h) {
        return h.createQuery("SELECT id FROM operators WHERE role = 'lead' AND disabled = FALSE ORDER BY id FOR UPDATE")
                .mapTo(String.class).list();
    }

    static boolean emailTaken(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM operators WHERE LOWER(email) = :email").bind("email", email)
                .mapTo(Integer.class).one() > 0;
    }

    static void insert(Handle h, String id, String name, String email, String role, String tokenHash, Instant at, Instant expiresAt) {
        h.createUpdate("""
                        INSERT INTO operators (id, name, email, role, token_hash, created_at, token_created_at, token_expires_at)
                        VALUES (:id, :name, :email, :role, :hash, :at, :at, :exp)""")
                .bind("id", id).bind("name", name).bind("email", email).bind("role", role).bind("hash", tokenHash)
                .bind("at", at).bind("exp", expiresAt).execute();
    }

    static void update(Handle h, String id, String name, String role) {
        h.createUpdate("UPDATE operators SET name = :name, role = :role, version = version + 1 WHERE id = :id")
                .bind("id", id).bind("name", name).bind("role", role).execute();
    }

    static void setDisabled(Handle h, String id, boolean disabled) {
        h.createUpdate("UPDATE operators SET disabled = :disabled, version = version + 1 WHERE id = :id")
                .bind("id", id).bind("disabled", disabled).execute();
    }

    /** Replaces the token: the old one is refused from this commit on. */
    static void replaceToken(Handle h, String id, String tokenHash, Instant at, Instant expiresAt) {
        h.createUpdate("UPDATE operators SET token_hash = :hash, token_created_at = :at, token_expires_at = :exp, "
                        + "version = version + 1 WHERE id = :id")
                .bind("id", id).bind("hash", tokenHash).bind("at", at).bind("exp", expiresAt).execute();
    }

    private static Row row(ResultSet rs, Instant now) throws SQLException {
        Instant tokenCreated = Timestamps.instant(rs, "token_created_at");
        long ageDays = Math.max(0, Duration.between(tokenCreated, now).toDays());
        return new Row(new OperatorProfile(rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("role"),
                rs.getBoolean("disabled") ? "deactivated" : "active", Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "last_seen_at"), tokenCreated, ageDays, Timestamps.instant(rs, "token_expires_at"),
                rs.getLong("version")), rs.getLong("version"));
    }
}
