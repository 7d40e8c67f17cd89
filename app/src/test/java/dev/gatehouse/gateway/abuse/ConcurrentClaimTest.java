package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One reviewer per report: operators claiming one case at the same moment, exactly one wins; on H2 and PostgreSQL. */
class ConcurrentClaimTest {
    @Test
    void twoOperatorsClaimingAtOnceOnH2ExactlyOneWins() throws Exception {
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            race(gw);
        }
    }

    @Test
    void twoOperatorsClaimingAtOnceOnPostgresExactlyOneWins() throws Exception {
        try (TestGateway gw = new TestGateway(PostgresDatabase.fresh())) {
            race(gw);
        }
    }

    private static void race(TestGateway gw) throws Exception {
        OperatorStore ops = new OperatorStore(gw.db().jdbi());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(ops.create("op_racer_" + i, "Racer " + i, "racer" + i + "@test.gatehouse.dev", Role.TRUST_SAFETY));
        }
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            for (int round = 0; round < 5; round++) {
                var first = TestReports.file(gw, "spam");
                // a second report of the same case: racers aim at both, so the case lock, not the row, decides
                String second = TestReports.fileAbout(gw, "other", first.accountId(), null).reportId();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    String token = tokens.get(i);
                    String target = i % 2 == 0 ? first.reportId() : second;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return AbuseHttp.post(gw, token, "/admin/v1/abuse-reports/" + target + "/claim", "{}");
                    }));
                }
                go.countDown();
                int won = 0;
                int refused = 0;
                for (var a : answers) {
                    var r = a.get();
                    if (r.statusCode() == 200) {
                        won++;
                    } else {
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                        assertThat(r.body()).contains("claimed by Racer");
                        refused++;
                    }
                }
                assertThat(won).as("round " + round).isEqualTo(1);
                assertThat(refused).isEqualTo(tokens.size() - 1);
                List<String> holders = gw.db().jdbi().withHandle(h -> h.createQuery(
                        "SELECT DISTINCT assignee FROM abuse_reports WHERE account_id = :a").bind("a", first.accountId())
                        .mapTo(String.class).list());
                assertThat(holders).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
