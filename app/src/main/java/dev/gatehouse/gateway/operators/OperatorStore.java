package dev.gatehouse.gateway.operators;

import dev.gatehouse.policy.Role;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.Optional;

/** The operators table. Only token hashes are stored. */
public final class OperatorStore {
    private final Jdbi jdbi;
    private final Clock clock;

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
                        INSERT INTO operators (id, name, email, role, token_hash, created_at)
                        VALUES (:id, :name, :email, :role, :hash, :at)""")
                .bind("id", id).bind("name", name).bind("email", email).bind("role", role.wire())
                .bind("hash", OperatorTokens.hash(token)).bind("at", clock.instant())
                .execute());
        return token;
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM operators").mapTo(Integer.class).one());
    }
}
