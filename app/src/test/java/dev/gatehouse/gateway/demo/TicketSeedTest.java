package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.policy.MacroTemplate;
import dev.gatehouse.policy.SecretScanner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketSeedTest {
    @Test
    void aboutFiveHundredTicketsRelativeToNowWithSecretsOnlyEverStoredRedacted() {
        try (Database db = Database.inMemory()) {
            Instant now = Instant.parse("2026-11-28T09:00:00Z");
            AccountSeed.seed(db, 7, DemoScale.SMALL, now);
            TicketSeed.Result result = TicketSeed.seed(db, 7, DemoScale.SMALL, now);
            assertThat(result.tickets()).isBetween(450, 550);
            assertThat(result.exposedKeys()).isPositive();
            db.jdbi().useHandle(h -> {
                // every stored text scans clean: nothing left for the scanner to find
                List<String> texts = h.createQuery("SELECT body FROM ticket_messages").mapTo(String.class).list();
                texts.addAll(h.createQuery("SELECT subject FROM tickets").mapTo(String.class).list());
                assertThat(texts).allSatisfy(t -> assertThat(SecretScanner.scan(t).redacted()).as(t).isFalse());
                assertThat(texts).anySatisfy(t -> assertThat(t).contains("[card ").contains(" removed]"));
                assertThat(texts).anySatisfy(t -> assertThat(t).contains("[platform key sk-live-"));
                int flagged = h.createQuery("SELECT COUNT(*) FROM tickets WHERE redacted = TRUE").mapTo(Integer.class).one();
                assertThat(flagged).isGreaterThan(result.exposedKeys());
                // the exposed keys are live keys of the ticket's own account, with the 24 h deadline
                assertThat(h.createQuery("SELECT COUNT(*) FROM ticket_exposed_keys e JOIN api_keys k ON k.id = e.key_id "
                        + "JOIN tickets t ON t.id = e.ticket_id WHERE k.status = 'active' AND k.account_id = t.account_id")
                        .mapTo(Integer.class).one()).isEqualTo(result.exposedKeys());
                // a live queue: unsolved tickets from the last two days, some breached and some not yet due
                Instant oldestUnsolved = h.createQuery("SELECT MIN(created_at) FROM tickets WHERE unsolved = TRUE")
                        .mapTo(OffsetDateTime.class).one().toInstant();
                assertThat(oldestUnsolved).isAfter(now.minus(Duration.ofDays(2)));
                assertThat(h.createQuery("SELECT COUNT(*) FROM tickets WHERE unsolved = TRUE AND sla_stopped_at IS NULL "
                        + "AND first_reply_due_at < :now").bind("now", now).mapTo(Integer.class).one()).isPositive();
                assertThat(h.createQuery("SELECT COUNT(*) FROM tickets WHERE unsolved = TRUE AND sla_stopped_at IS NULL "
                        + "AND first_reply_due_at > :now").bind("now", now).mapTo(Integer.class).one()).isPositive();
                assertThat(h.createQuery("SELECT COUNT(*) FROM tickets WHERE created_at > :now OR closed_at > :now OR solved_at > :now")
                        .bind("now", now).mapTo(Integer.class).one()).isZero();
                for (String state : List.of("new", "open", "pending", "on_hold", "solved", "closed")) {
                    assertThat(h.createQuery("SELECT COUNT(*) FROM tickets WHERE state = :s").bind("s", state).mapTo(Integer.class).one())
                            .as(state).isPositive();
                }
                // the macros use only placeholders MacroTemplate knows
                assertThat(h.createQuery("SELECT body FROM macros").mapTo(String.class).list()).hasSizeGreaterThan(3)
                        .allSatisfy(b -> assertThat(MacroTemplate.unknownPlaceholders(b)).isEmpty());
            });
            // same seed, same tickets
            try (Database again = Database.inMemory()) {
                AccountSeed.seed(again, 7, DemoScale.SMALL, now);
                TicketSeed.seed(again, 7, DemoScale.SMALL, now);
                String sql = "SELECT id || state || subject FROM tickets ORDER BY id";
                List<String> second = again.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
                List<String> first = db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
                assertThat(second).isEqualTo(first);
            }
        }
    }
}
