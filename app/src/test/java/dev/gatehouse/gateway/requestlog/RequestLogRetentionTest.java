package dev.gatehouse.gateway.requestlog;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.abuse.TestClock;
import dev.gatehouse.gateway.abuse.TestReports;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request log: excerpts redacted and cut to 500 characters; 90-day retention, except rows a CSAM report cites. */
class RequestLogRetentionTest {
    @Test
    void anExcerptIsRedactedBeforeItIsCutTo500Characters() {
        String card = "4111 1111 1111 1111";
        String excerpt = RequestLogStore.excerpt("Pay with " + card + " and key sk-live-" + "a".repeat(40) + " " + "x".repeat(900));
        assertThat(excerpt).doesNotContain(card).doesNotContain("a".repeat(40)).contains("removed]");
        assertThat(excerpt).hasSizeLessThanOrEqualTo(500);
        assertThat(RequestLogStore.excerpt(null)).isNull();
        String emoji = "x".repeat(499) + "\uD83D\uDE00";
        assertThat(RequestLogStore.excerpt(emoji)).hasSize(499);
    }

    @Test
    void rowsOlderThan90DaysGoExceptThoseACsamReportCites() {
        Instant now = Instant.parse("2031-09-01T12:00:00Z");
        TestClock clock = new TestClock(now);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            var csamAcct = TestAccounts.create(gw.db(), "Evidence Co", "free", "active", 1);
            var spamAcct = TestAccounts.create(gw.db(), "Ordinary Co", "free", "active", 1);
            String csamKey = csamAcct.keyIds().get(0);
            String spamKey = spamAcct.keyIds().get(0);
            List<RequestLogStore.Row> rows = new ArrayList<>();
            for (int d = 0; d < 5; d++) {
                Instant at = now.minus(Duration.ofDays(d + 1));
                rows.add(row(csamKey, csamAcct.accountId(), at));
                rows.add(row(spamKey, spamAcct.accountId(), at));
            }
            gw.db().jdbi().useTransaction(h -> RequestLogStore.insert(h, rows));
            TestReports.fileAbout(gw, "csam", csamAcct.accountId(), csamKey);
            String spamReport = TestReports.fileAbout(gw, "spam", spamAcct.accountId(), spamKey).reportId();
            var detail = gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + spamReport).json();
            assertThat(detail.get("evidence")).hasSize(5);
            assertThat(detail.get("evidence").get(0).get("prompt_excerpt").asText()).doesNotContain("4111 1111 1111 1111");

            long total = gw.db().jdbi().withHandle(RequestLogStore::count);
            assertThat(RequestLogRetention.purge(gw.db().jdbi(), now)).isZero();
            // 89 days on, nothing is 90 days old yet; 95 days on, all of it is
            assertThat(RequestLogRetention.purge(gw.db().jdbi(), now.plus(Duration.ofDays(85)))).isZero();
            int removed = RequestLogRetention.purge(gw.db().jdbi(), now.plus(Duration.ofDays(95)));
            assertThat(removed).isEqualTo(5);
            assertThat(gw.db().jdbi().withHandle(RequestLogStore::count)).isEqualTo(total - 5);
            List<String> left = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT key_id FROM request_log")
                    .mapTo(String.class).list());
            assertThat(left).containsExactly(csamKey);
        }
    }

    private static RequestLogStore.Row row(String key, String account, Instant at) {
        return new RequestLogStore.Row(PrefixedIds.next("req_", at), key, account, "gpt-image-1", at, 200, 840,
                new BigDecimal("1"), "images", new BigDecimal("0.040000"), "A poster, card 4111 1111 1111 1111 for billing");
    }
}
