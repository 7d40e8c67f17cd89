package dev.gatehouse.gateway.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * group=subject pages, walked in small pages, list exactly the cases the matching reports form, each once, in (due of
 * its earliest matching report, case id) order: checked against the same grouping done here over every report, with
 * ties in due time, several reports per case, and filters that leave some of a case's reports out.
 */
class CasePagesTest {
    private static final Instant START = Instant.parse("2031-02-03T09:00:00Z");
    private static TestClock clock;
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        clock = new TestClock(START);
        gw = new TestGateway(Database.inMemory(), clock);
        Random rnd = new Random(7);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            accounts.add(TestAccounts.create(gw.db(), "Case Page Co " + i, "free", "active", 1).accountId());
        }
        String[] categories = {"spam", "fraud_deception", "other", "hate_harassment"};
        for (int i = 0; i < 40; i++) {
            String id = TestReports.fileAbout(gw, categories[rnd.nextInt(categories.length)], accounts.get(rnd.nextInt(accounts.size())),
                    null).reportId();
            if (rnd.nextInt(4) == 0) {
                gw.post(Role.TRUST_SAFETY, "/admin/v1/abuse-reports/" + id + "/claim", "{}");
            }
            // several reports often share a due instant
            clock.advance(Duration.ofMinutes(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(50)));
        }
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "category=spam", "state=in_review", "assignee=unassigned", "breached=false"})
    void pagesOfCasesMatchTheGroupingOfEveryReport(String filter) {
        // expected: every matching report, grouped by case, ordered by (earliest due, case id)
        JsonNode all = gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports?limit=200&" + filter).json();
        Map<String, Instant> due = new LinkedHashMap<>();
        all.get("data").forEach(r -> due.merge(r.get("case_id").asText(), Instant.parse(r.get("due_at").asText()),
                (a, b) -> a.isBefore(b) ? a : b));
        List<String> expected = due.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        assertThat(expected).as("the data has cases to page through").hasSizeGreaterThan(1);

        for (int limit : new int[] {1, 2, 3, 7}) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = gw.get(Role.TRUST_SAFETY, "/admin/v1/abuse-reports?group=subject&limit=" + limit + "&" + filter
                        + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.get("data").forEach(c -> paged.add(c.get("case_id").asText()));
                cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            } while (cursor != null && paged.size() <= expected.size());
            assertThat(paged).as("limit " + limit + " " + filter).containsExactlyElementsOf(expected);
        }
    }
}
