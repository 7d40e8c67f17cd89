package dev.gatehouse.gateway.team;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.contract.OpenApiContract;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Operator tokens with an expiry: accepted before it, 401 token-expired after it, and a rotation gives a fresh one. */
class OperatorTokenExpiryTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the gateway works in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static HttpResponse<String> me(TestGateway gw, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.server().port() + "/admin/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        OpenApiContract.check(request, null, r);
        return r;
    }

    @Test
    void anExpiredTokenGets401SayingSoAndARotationGivesANewOne() throws Exception {
        Instant start = Instant.parse("2026-03-01T09:00:00Z");
        MovableClock clock = new MovableClock(start);
        try (TestGateway gw = new TestGateway(Database.inMemory(), clock)) {
            var created = gw.post(Role.LEAD, "/admin/v1/operators", "{\"name\":\"Tess Temp\",\"email\":\"tess@example.com\","
                    + "\"role\":\"support\",\"reason\":\"contractor for March\",\"expires_at\":\"2026-03-31T00:00:00Z\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().at("/operator/token_expires_at").asText()).isEqualTo("2026-03-31T00:00:00Z");
            assertThat(created.json().at("/operator/token_age_days").asLong()).isZero();
            String id = created.json().at("/operator/id").asText();
            String token = created.json().get("token").asText();
            assertThat(me(gw, token).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofDays(29));
            assertThat(gw.get(Role.LEAD, "/admin/v1/operators/" + id).json().get("token_age_days").asLong()).isEqualTo(29);
            assertThat(me(gw, token).statusCode()).isEqualTo(200);

            clock.advance(Duration.ofDays(1));
            var expired = me(gw, token);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("/token-expired").contains("2026-03-31T00:00:00Z");

            var rotated = gw.post(Role.LEAD, "/admin/v1/operators/" + id + "/actions",
                    "{\"action\":\"rotate_token\",\"reason\":\"renewed for April\",\"expires_at\":\"2026-04-30T00:00:00Z\"}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            assertThat(me(gw, token).statusCode()).isEqualTo(401);
            assertThat(me(gw, rotated.json().get("token").asText()).statusCode()).isEqualTo(200);
            assertThat(rotated.json().at("/operator/token_age_days").asLong()).isZero();
        }
    }

    @Test
    void anExpiryInThePastOrOnAnotherActionIs422() {
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            var past = gw.post(Role.LEAD, "/admin/v1/operators", "{\"name\":\"Old\",\"email\":\"old@example.com\","
                    + "\"role\":\"viewer\",\"reason\":\"r\",\"expires_at\":\"2020-01-01T00:00:00Z\"}");
            assertThat(past.status()).isEqualTo(422);
            assertThat(past.json().get("errors").findValuesAsText("field")).containsExactly("expires_at");
            var notAnInstant = gw.post(Role.LEAD, "/admin/v1/operators", "{\"name\":\"Old\",\"email\":\"old@example.com\","
                    + "\"role\":\"viewer\",\"reason\":\"r\",\"expires_at\":\"next tuesday\"}");
            assertThat(notAnInstant.status()).isBetween(400, 422);
            var beyondStorable = gw.post(Role.LEAD, "/admin/v1/operators", "{\"name\":\"Far\",\"email\":\"far@example.com\","
                    + "\"role\":\"viewer\",\"reason\":\"r\",\"expires_at\":\"+300000-01-01T00:00:00Z\"}");
            assertThat(beyondStorable.status()).as(beyondStorable.body()).isEqualTo(422);
            assertThat(beyondStorable.json().get("errors").findValuesAsText("field")).containsExactly("expires_at");
            var onDeactivate = gw.post(Role.LEAD, "/admin/v1/operators/op_viewer/actions",
                    "{\"action\":\"deactivate\",\"reason\":\"r\",\"expires_at\":\"2099-01-01T00:00:00Z\"}");
            assertThat(onDeactivate.status()).isEqualTo(422);
        }
    }
}
