package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo queue is live and varied: every category and state, breached and due-soon reports, claims, decisions, appeals. */
class AbuseSeedTest {
    private static Database db;
    private static Instant seededAt;

    @BeforeAll
    static void seed() {
        db = Database.inMemory();
        DemoData.seed(db, 7, DemoScale.SMALL);
        // after the seed (DemoData anchors its data to its own whole-second instant), and in millis: the database keeps
        // microseconds, so a report stamped at a nanosecond instant is stored rounded and could read as after it
        seededAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static long count(String sql) {
        return db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            if (sql.contains(":now")) q.bind("now", seededAt);
            if (sql.contains(":soon")) q.bind("soon", seededAt.plusSeconds(3600));
            return q.mapTo(Long.class).one();
        });
    }

    @Test
    void aboutThreeHundredReportsOverAboutTwoHundredSubjectsInEveryCategoryAndState() {
        assertThat(count("SELECT COUNT(*) FROM abuse_reports")).isBetween(250L, 400L);
        assertThat(count("SELECT COUNT(DISTINCT account_id) FROM abuse_reports")).isBetween(180L, 200L);
        assertThat(count("SELECT COUNT(DISTINCT category) FROM abuse_reports")).isEqualTo(12);
        List<String> states = db.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT state FROM abuse_reports ORDER BY state")
                .mapTo(String.class).list());
        assertThat(states).containsExactly("escalated", "in_review", "open", "resolved");
        assertThat(count("SELECT COUNT(*) FROM (SELECT case_id FROM abuse_reports GROUP BY case_id HAVING COUNT(*) > 1) c")).isGreaterThan(10);
    }

    @Test
    void theQueueIsLiveBreachedDueSoonAndClaimedByOthers() {
        assertThat(count("SELECT COUNT(*) FROM abuse_reports WHERE unresolved = TRUE AND first_action_at IS NULL AND due_at < :now"))
                .as("breached").isGreaterThan(3);
        assertThat(count("SELECT COUNT(*) FROM abuse_reports WHERE unresolved = TRUE AND first_action_at IS NULL AND due_at >= :now "
                + "AND due_at <= :soon")).as("due within the hour").isGreaterThan(3);
        assertThat(count("SELECT COUNT(*) FROM abuse_reports WHERE state = 'in_review' AND assignee <> 'op_trust'")).isGreaterThan(3);
        assertThat(count("SELECT COUNT(*) FROM abuse_reports WHERE state = 'in_review' AND assignee = 'op_trust'")).isGreaterThan(0);
    }

    @Test
    void resolvedReportsCarryStatementsAndEnforcementAndAFewAreAppealed() {
        assertThat(count("SELECT COUNT(*) FROM abuse_reports WHERE state = 'resolved' AND decision_id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM abuse_decisions WHERE statement NOT LIKE 'Decision: %How to appeal: %'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM abuse_decisions WHERE enforcement_id IS NOT NULL")).isGreaterThan(20);
        assertThat(count("SELECT COUNT(*) FROM abuse_decisions d JOIN abuse_reports r ON r.decision_id = d.id "
                + "WHERE r.category = 'csam' AND d.law_enforcement_ref IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM appeals")).isBetween(4L, 10L);
        assertThat(count("SELECT COUNT(*) FROM appeals WHERE state = 'open'")).isGreaterThan(2);
        assertThat(AuditLog.verify(db.jdbi()).ok()).isTrue();
    }

    @Test
    void everyReportedKeyHasSevenDaysOfRequestLogAndSomeOthersToo() {
        assertThat(count("SELECT COUNT(DISTINCT r.key_id) FROM abuse_reports r WHERE r.key_id IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM request_log l WHERE l.key_id = r.key_id)")).isZero();
        assertThat(count("SELECT COUNT(DISTINCT l.key_id) FROM request_log l WHERE NOT EXISTS "
                + "(SELECT 1 FROM abuse_reports r WHERE r.key_id = l.key_id)")).isGreaterThan(20);
        assertThat(count("SELECT COUNT(*) FROM request_log WHERE prompt_excerpt LIKE '%4111 1111 1111 1111%'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM abuse_evidence WHERE preserved = TRUE")).isGreaterThan(0);
    }

    @Test
    void theLargeScalesOlderReportsGoInByTheSameBatchesAndTheQueueStillReadsDueFirst() {
        long before = count("SELECT COUNT(*) FROM abuse_reports");
        assertThat(AbuseSeed.largeQueue(db, 7, seededAt, 3_000)).isEqualTo(3_000);
        assertThat(count("SELECT COUNT(*) FROM abuse_reports")).isEqualTo(before + 3_000);
        assertThat(count("SELECT COUNT(*) FROM abuse_reports WHERE state = 'resolved' AND decision_id IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM abuse_reports r WHERE r.state = 'resolved' AND NOT EXISTS "
                + "(SELECT 1 FROM abuse_decisions d WHERE d.id = r.decision_id)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM abuse_reports WHERE unresolved = TRUE AND received_at > :now")).isZero();
    }
}
