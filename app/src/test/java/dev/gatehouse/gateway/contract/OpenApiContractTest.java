package dev.gatehouse.gateway.contract;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hook the test HTTP clients call: what it lets through and what it stops, on exchanges made up here. */
class OpenApiContractTest {
    private static final Map<String, List<String>> AUTH = Map.of("Authorization", List.of("Bearer t"));
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String PROBLEM = "{\"type\":\"https://gatehouse.dev/problems/invalid-parameter\",\"title\":\"Invalid request\","
            + "\"status\":400,\"detail\":\"limit: must be between 1 and 200\",\"errors\":[{\"field\":\"limit\",\"message\":\"must be between 1 and 200\"}]}";
    private static final String HEALTH = "{\"status\":\"ok\",\"version\":\"0.1.0\",\"database\":\"H2\"}";
    private static final String VERIFICATION = "{\"ok\":true,\"entries\":3,\"first_broken\":null}";

    private static OpenApiContract.Exchange get(String pathAndQuery, int status, Map<String, List<String>> headers, String body) {
        return new OpenApiContract.Exchange("GET", URI.create("http://127.0.0.1:1" + pathAndQuery), AUTH, null,
                status, headers, body);
    }

    private static Map<String, List<String>> contentType(String value) {
        return Map.of("Content-Type", List.of(value));
    }

    @Test
    void aDocumentedAnswerPasses() {
        assertThatCode(() -> OpenApiContract.check(get("/healthz", 200, JSON, HEALTH))).doesNotThrowAnyException();
        assertThatCode(() -> OpenApiContract.check(get("/admin/v1/audit/verify", 200, JSON, VERIFICATION))).doesNotThrowAnyException();
    }

    @Test
    void aProblemWithACharsetParameterPasses() {
        assertThatCode(() -> OpenApiContract.check(get("/admin/v1/accounts?limit=0", 400,
                contentType("application/problem+json; charset=utf-8"), PROBLEM))).doesNotThrowAnyException();
    }

    @Test
    void aMissingOrMistypedFieldFails() {
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/audit/verify", 200, JSON, "{\"ok\":true,\"entries\":3}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("missing required properties ([\"first_broken\"])");
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/audit/verify", 200, JSON,
                "{\"ok\":\"yes\",\"entries\":3,\"first_broken\":null}"))).hasMessageContaining("[Path '/ok'] Instance type (string)");
    }

    @Test
    void anUndocumentedFieldFails() {
        assertThatThrownBy(() -> OpenApiContract.check(get("/healthz", 200, JSON,
                "{\"status\":\"ok\",\"version\":\"0.1.0\",\"database\":\"H2\",\"uptime\":3}"))).hasMessageContaining("not allowed by the schema: [\"uptime\"]");
    }

    @Test
    void moneyAsAJsonNumberFails() {
        String account = "{\"id\":\"acct_1\",\"name\":\"A\",\"email\":\"a@b.c\",\"status\":\"active\",\"tier\":\"pro\","
                + "\"balance\":%s,\"currency\":\"USD\",\"created_at\":\"2026-11-22T09:30:00Z\",\"suspended_until\":null,\"version\":1}";
        String page = "{\"data\":[" + account + "],\"next_cursor\":null}";
        assertThatCode(() -> OpenApiContract.check(get("/admin/v1/accounts", 200, JSON, page.formatted("\"12.500000\""))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/accounts", 200, JSON, page.formatted("12.5"))))
                .hasMessageContaining("[Path '/data/0/balance'] Instance type (number)");
    }

    @Test
    void anUndocumentedStatusFails() {
        String error = "{\"type\":\"https://gatehouse.dev/problems/internal-error\",\"title\":\"Internal error\",\"status\":500,"
                + "\"detail\":\"logged\",\"errors\":[]}";
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/accounts", 500, contentType("application/problem+json"), error)))
                .hasMessageContaining("Response status 500 not defined");
    }

    @Test
    void anErrorThatIsNotAProblemFails() {
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/accounts?limit=0", 400, JSON, PROBLEM)))
                .hasMessageContaining("Content-Type header 'application/json' does not match");
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/accounts?limit=0", 400,
                contentType("application/problem+json"), "{\"message\":\"bad limit\"}"))).hasMessageContaining("missing required properties");
    }

    @Test
    void aRequestTheGatewayAcceptedMustMatchTheDocument() {
        String page = "{\"data\":[],\"next_cursor\":null}";
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/accounts?status=sleeping", 200, JSON, page)))
                .hasMessageContaining("@query.status] Instance value (\"sleeping\") not found in enum");
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/accounts?limit=500", 200, JSON, page)))
                .hasMessageContaining("@query.limit] Numeric instance is greater than the required maximum");
    }

    @Test
    void aRequestTheGatewayRefusedAsMalformedIsNotCheckedButItsAnswerIs() {
        assertThatCode(() -> OpenApiContract.check(get("/admin/v1/accounts?status=sleeping", 400,
                contentType("application/problem+json"), PROBLEM))).doesNotThrowAnyException();
        var garbage = new OpenApiContract.Exchange("POST", URI.create("http://127.0.0.1:1/admin/v1/keys/key_1/actions"), AUTH,
                "{not json", 400, contentType("application/problem+json"), PROBLEM);
        assertThatCode(() -> OpenApiContract.check(garbage)).doesNotThrowAnyException();
    }

    @Test
    void aThrottledSignInGetsAProblemWithRetryAfterInSeconds() {
        String throttled = "{\"type\":\"https://gatehouse.dev/problems/too-many-requests\",\"title\":\"Too many requests\","
                + "\"status\":429,\"detail\":\"Too many failed sign-ins; retry in 30 s.\",\"errors\":[]}";
        Map<String, List<String>> basic = Map.of("Authorization", List.of("Basic eDp5"));
        var ok = new OpenApiContract.Exchange("GET", URI.create("http://127.0.0.1:1/admin/v1/me"), basic, null, 429,
                Map.of("Content-Type", List.of("application/problem+json; charset=utf-8"), "Retry-After", List.of("30")), throttled);
        assertThatCode(() -> OpenApiContract.check(ok)).doesNotThrowAnyException();
        var vague = new OpenApiContract.Exchange("GET", URI.create("http://127.0.0.1:1/admin/v1/me"), basic, null, 429,
                Map.of("Content-Type", List.of("application/problem+json"), "Retry-After", List.of("soon")), throttled);
        assertThatThrownBy(() -> OpenApiContract.check(vague))
                .hasMessageContaining("Instance type (string) does not match any allowed primitive type (allowed: [\"integer\"])");
    }

    @Test
    void anUnroutedRequestMustGetAProblem() {
        String notFound = "{\"type\":\"https://gatehouse.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"No endpoint GET /admin/v1/nothing.\",\"errors\":[]}";
        assertThatCode(() -> OpenApiContract.check(get("/admin/v1/nothing", 404, contentType("application/problem+json"), notFound)))
                .doesNotThrowAnyException();
        String notAllowed = "{\"type\":\"https://gatehouse.dev/problems/method-not-allowed\",\"title\":\"Method not allowed\","
                + "\"status\":405,\"detail\":\"Method DELETE is not allowed on /admin/v1/keys/key_1.\",\"errors\":[]}";
        var delete = new OpenApiContract.Exchange("DELETE", URI.create("http://127.0.0.1:1/admin/v1/keys/key_1"), AUTH, null, 405,
                Map.of("Content-Type", List.of("application/problem+json; charset=utf-8"), "Allow", List.of("GET")), notAllowed);
        assertThatCode(() -> OpenApiContract.check(delete)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/nothing", 404, contentType("text/html"), "<h1>404</h1>")))
                .hasMessageContaining("must get a 4xx application/problem+json answer").hasMessageContaining("Unable to parse JSON");
        assertThatThrownBy(() -> OpenApiContract.check(get("/admin/v1/nothing", 200, JSON, "{}")))
                .hasMessageContaining("must get a 4xx application/problem+json answer");
    }

    @Test
    void unknownQueryParametersAreIgnoredAsTheDocumentSays() {
        assertThatCode(() -> OpenApiContract.check(get("/admin/v1/accounts?sort=evil", 200, JSON, "{\"data\":[],\"next_cursor\":null}")))
                .doesNotThrowAnyException();
    }

    @Test
    void exchangesWithATestsOwnServerAreLeftAlone() {
        int before = OpenApiContract.checked();
        OpenApiContract.check(get("/echo", 200, contentType("text/plain"), "hello"));
        assertThat(OpenApiContract.checked()).isEqualTo(before);
    }
}
