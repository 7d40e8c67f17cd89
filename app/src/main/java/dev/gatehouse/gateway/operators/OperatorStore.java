package dev.gatehouse.gateway.operators;

import dev.gatehouse.gateway.sql.Timestamps;
import dev.gatehouse.policy.Role;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** The operators table. Only token hashes are stored. */
public final class OperatorStore {
    private final Jdbi jdbi;
    private final Clock clock;
    private static final Duration SEEN_EVERY = Duration.ofMinutes(1);
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    public OperatorStore(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    public OperatorStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The operator of an active token that has not expired. */
    public Optional<Operator> findByToken(String token) {
        return check(token).operator();
    }

    /**
     * What a token is: the operator of an active, unexpired token; or, for an active token past its expiry, when it
     * expired (so the caller can say so); or neither. One query, made on every request, so a deactivation or rotation
     * written by any gateway on the same database is seen by the next request here.
     */
    public TokenCheck check(String token) {
        String hash = OperatorTokens.hash(token);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, email, role, token_expires_at FROM operators WHERE token_hash = :hash AND disabled = FALSE")
                .bind("hash", hash)
                .map((rs, c) -> {
                    Instant expires = Timestamps.instant(rs, "token_expires_at");
                    if (expires != null && !now.isBefore(expires)) {
                        return new TokenCheck(Optional.empty(), expires);
                    }
                    return new TokenCheck(Optional.of(new Operator(rs.getString("id"), rs.getString("name"), rs.getString("email"),
                            Role.fromWire(rs.getString("role")).orElseThrow())), null);
                })
                .findOne().orElse(new TokenCheck(Optional.empty(), null)));
    }

    /** The result of {@link #check}: {@code expiredAt} is set only for an active token past its expiry. */
    public record TokenCheck(Optional<Operator> operator, Instant expiredAt) {}

    /** Creates an operator and returns the plain token, which is not stored and cannot be shown again. */
    public String create(String id, String name, String email, Role role) {
        return create(id, name, email, role, null);
    }

    /** As {@link #create(String, String, String, Role)}, with a token that expires at {@code expiresAt} (null: never). */
    public String create(String id, String name, String email, Role role, Instant expiresAt) {
        String token = OperatorTokens.newToken();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO operators (id, name, email, role, token_hash, created_at, token_created_at, token_expires_at)
                        VALUES (:id, :name, :email, :role, :hash, :at, :at, :exp)""")
                .bind("id", id).bind("name", name).bind("email", email).bind("role", role.wire())
                .bind("hash", OperatorTokens.hash(token)).bind("at", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .bind("exp", expiresAt)
                .execute());
        return token;
    }

    /** Whether an operator (active or not) already has this email, in any case. */
    public boolean emailTaken(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM operators WHERE LOWER(email) = :email")
                .bind("email", email.toLowerCase(java.util.Locale.ROOT)).mapTo(Integer.class).one() > 0);
    }

    /**
     * Records that the operator made an authenticated request. Written at most once a minute per operator, so a busy
     * console costs no write per request; the WHERE clause keeps other gateways from writing more often either.
     */
    public void seen(Operator op) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant last = lastSeen.get(op.id());
        if (last != null && last.isAfter(now.minus(SEEN_EVERY))) {
            return;
        }
        lastSeen.put(op.id(), now);
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE operators SET last_seen_at = :now WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :since)")
                .bind("now", now).bind("id", op.id()).bind("since", now.minus(SEEN_EVERY)).execute());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM operators").mapTo(Integer.class).one());
    }
}
