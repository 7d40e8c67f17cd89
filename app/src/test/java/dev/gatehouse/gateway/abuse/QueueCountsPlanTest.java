package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact filter counts read V18's indexes, not the table: H2's plan for each count names its index. */
class QueueCountsPlanTest {
    private static Database db;

    @BeforeAll
    static void start() {
        db = Database.inMemory();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String plan(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery("EXPLAIN " + sql).mapTo(String.class).one());
    }

    @Test
    void eachCountReadsAnIndex() {
        String grouped = plan("SELECT category, severity, state, COUNT(*) AS n FROM abuse_reports WHERE unresolved = TRUE "
                + "GROUP BY category, severity, state");
        assertThat(grouped).as(grouped).containsIgnoringCase("ABUSE_REPORTS_COUNTS_IDX");
        String unassigned = plan("SELECT COUNT(*) FROM abuse_reports WHERE assignee IS NULL AND unresolved = TRUE");
        assertThat(unassigned).as(unassigned).containsIgnoringCase("ABUSE_REPORTS_ASSIGNEE_IDX");
        String pastDue = plan("SELECT COUNT(*) FROM abuse_reports WHERE unresolved = TRUE AND first_action_at IS NULL "
                + "AND due_at < TIMESTAMP WITH TIME ZONE '2031-01-01 00:00:00+00'");
        assertThat(pastDue).as(pastDue).containsIgnoringCase("ABUSE_REPORTS_BREACH_IDX");
        String late = plan("SELECT COUNT(*) FROM abuse_reports WHERE unresolved = TRUE AND first_action_at IS NOT NULL "
                + "AND first_action_at > due_at");
        assertThat(late).as(late).containsIgnoringCase("ABUSE_REPORTS_BREACH_IDX");
    }
}
