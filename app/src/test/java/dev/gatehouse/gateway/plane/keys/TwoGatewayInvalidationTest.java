package dev.gatehouse.gateway.plane.keys;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayServer;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.plane.PlaneFixture;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspension made on one gateway is refused by another gateway sharing the database within 1 s (issue 12 §2, §4):
 * the second gateway learns it only from the database (its audit head poll). Two pools on one H2 database here; the
 * same on PostgreSQL is plane-enforce's team-mode test.
 */
class TwoGatewayInvalidationTest {
    @Test
    void aSuspensionOnOneGatewayIsRefusedOnTheOtherWithinOneSecond() throws Exception {
        String url = "jdbc:h2:mem:plane-two-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (PlaneFixture a = new PlaneFixture(Database.open(url, "sa", ""));
             GatewayServer b = new GatewayServer(Database.open(url, "sa", ""), "test", a.clock, a.enforcement.enforcement())
                     .start("127.0.0.1", 0)) {
            PlaneFixture.Key k = a.key("live");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest onB = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/v1/models"))
                    .header("Authorization", "Bearer " + k.secret()).build();
            assertThat(http.send(onB, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200); // cached on B
            TestGateway.Response r = a.gateway.post(Role.TRUST_SAFETY, "/admin/v1/keys/" + k.id() + "/actions",
                    "{\"action\":\"suspend\",\"reason\":\"leaked (ai-visual-studio §3)\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            long answered = System.nanoTime();
            int status;
            do {
                status = http.send(onB, HttpResponse.BodyHandlers.discarding()).statusCode();
            } while (status == 200 && System.nanoTime() - answered < 3_000_000_000L);
            long ms = (System.nanoTime() - answered) / 1_000_000;
            System.out.println("suspended key refused on the other gateway " + ms + " ms after the admin answer");
            assertThat(status).isEqualTo(403);
            assertThat(ms).isLessThan(1000);
        }
    }
}
