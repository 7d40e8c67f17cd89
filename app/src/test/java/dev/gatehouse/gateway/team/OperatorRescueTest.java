package dev.gatehouse.gateway.team;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CLI escape hatch: a lead made straight in the database works at once, is audited, and refuses a taken email. */
class OperatorRescueTest {
    @Test
    void aRescuedLeadSignsInAndIsAudited() {
        try (Database db = Database.inMemory()) {
            var created = OperatorRescue.create(db.jdbi(), Clock.systemUTC(), " Rita Rescue ", "Rita@Example.com", Role.LEAD, null, "cli:root");
            var op = new OperatorStore(db.jdbi()).findByToken(created.token()).orElseThrow();
            assertThat(op.id()).isEqualTo(created.id());
            assertThat(op.role()).isEqualTo(Role.LEAD);
            assertThat(op.email()).isEqualTo("rita@example.com");
            String action = db.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_entries WHERE target = :t")
                    .bind("t", created.id()).mapTo(String.class).one());
            assertThat(action).isEqualTo("operator.create");
            assertThat(AuditLog.verify(db.jdbi()).ok()).isTrue();

            assertThatThrownBy(() -> OperatorRescue.create(db.jdbi(), Clock.systemUTC(), "Rita Two", "rita@example.com", Role.LEAD, null, "cli:root"))
                    .hasMessageContaining("exists already");
            assertThatThrownBy(() -> OperatorRescue.create(db.jdbi(), Clock.systemUTC(), "Old", "old@example.com", Role.LEAD,
                    Instant.parse("2000-01-01T00:00:00Z"), "cli:root")).hasMessageContaining("future");
            assertThatThrownBy(() -> OperatorRescue.create(db.jdbi(), Clock.systemUTC(), "", "x@example.com", Role.LEAD, null, "cli:root"))
                    .hasMessageContaining("--name");
        }
    }
}
