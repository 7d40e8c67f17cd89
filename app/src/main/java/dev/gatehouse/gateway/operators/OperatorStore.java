package dev.gatehouse.gateway.operators;

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

    public Optional<Operator> findByToken(String token) {
        String hash = OperatorTokens.hash(token);
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, email, role FROM operators WHERE token_hash = :hash AND disabled = FALSE")
                .bind("hash", hash)
                .map((rs, c) -> new Operator(rs.getString("id"), rs.getString("name"), rs.getString("email"),
                        Role.fromWire(rs.getString("role")).orElseThrow()))
                .findOne());
    }

    /** Creates an operator and returns the plain token, which is not stored and cannot be shown again. */
    public String create(String id, String name, String email, Role role) {
        String token = OperatorTokens.newToken();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO operators (id, name, email, role, token_hash, created_at, token_created_at)
                        VALUES (:id, :name, :email, :role, :hash, :at, :at)""")
                .bind("id", id).bind("name", name).bind("email", email).bind("role", role.wire())
                .bind("hash", OperatorTokens.hash(token)).bind("at", clock.instant())
                .execute());
        return token;
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
