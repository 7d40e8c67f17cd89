package dev.gatehouse.gateway.support;

import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The V11 schema and the queue's queries on a real PostgreSQL: filters, order, paging, a change and the sweep. */
class TicketPostgresTest {
    @Test
    void theQueueWorksOnPostgresql() {
        try (TestGateway gw = new TestGateway(PostgresDatabase.fresh())) {
            String acct = TestAccounts.create(gw.db(), "Postgres Support Co", "pro", "active", 0).accountId();
            String low = TestTickets.create(gw, acct, "low", "card 4111 1111 1111 1111", "low");
            String urgent = TestTickets.create(gw, acct, "urgent", "help", "urgent");
            var all = gw.get(Role.VIEWER, "/admin/v1/tickets?state=unsolved&account_id=" + acct + "&limit=1").json();
            assertThat(all.get("data").get(0).get("id").asText()).isEqualTo(urgent);
            var next = gw.get(Role.VIEWER, "/admin/v1/tickets?state=unsolved&account_id=" + acct + "&limit=1&cursor="
                    + all.get("next_cursor").asText()).json();
            assertThat(next.get("data").get(0).get("id").asText()).isEqualTo(low);
            assertThat(next.get("data").get(0).get("redacted").asBoolean()).isTrue();
            for (String q : new String[] {"priority=urgent&state=unsolved", "assignee=none&state=unsolved", "breached=true",
                    "breached=false", "category=technical", "q=urg", "state=new"}) {
                assertThat(gw.get(Role.VIEWER, "/admin/v1/tickets?" + q).status()).as(q).isEqualTo(200);
            }
            String etag = gw.get(Role.SUPPORT, "/admin/v1/tickets/" + low).header("ETag");
            var solved = gw.patch(Role.SUPPORT, "/admin/v1/tickets/" + low, "{\"state\":\"solved\",\"tags\":[\"pg\"]}",
                    Map.of("If-Match", etag));
            assertThat(solved.status()).as(solved.body()).isEqualTo(200);
            assertThat(TicketAutoClose.closeDue(gw.db().jdbi(), java.time.Instant.now().plus(java.time.Duration.ofDays(5)))).isEqualTo(1);
        }
    }
}
