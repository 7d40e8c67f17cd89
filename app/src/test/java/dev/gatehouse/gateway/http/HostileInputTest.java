package dev.gatehouse.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.TestDatabases;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 8 §3: input that used to make a 500 (path escapes, JSON past Jackson's limits, NUL in text) is a 4xx problem. */
class HostileInputTest {

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.both().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void percentUEscapeInAnIdSegmentIs400(TestDatabases.Kind db) {
        try (TestGateway gw = new TestGateway(db.open().get()); RawHttp raw = new RawHttp(port(gw))) {
            String auth = "Authorization: Bearer " + gw.token(Role.LEAD);
            for (String path : List.of("/admin/v1/keys/%u0041", "/admin/v1/accounts/%u0041", "/admin/v1/accounts/%u0041/ledger",
                    "/admin/v1/models/%u0041", "/admin/v1/keys/%u00", "/admin/v1/accounts/a%u",
                    "/admin/v1/accounts?q=%u0041", "/admin/v1/keys?prefix=%u00", "/admin/v1/audit?actor=%")) {
                assertProblem(raw.get(path, auth), ProblemType.MALFORMED_REQUEST);
            }
            String body = "{\"action\":\"suspend\",\"reason\":\"x\"}";
            for (String path : List.of("/admin/v1/keys/%u0041/actions", "/admin/v1/accounts/%u0041/actions/preview")) {
                RawHttp.Response r = raw.exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                        + "\r\nContent-Type: application/json\r\n", body.getBytes(StandardCharsets.UTF_8));
                assertProblem(r, ProblemType.MALFORMED_REQUEST);
            }
            assertProblem(raw.exchange("PATCH /admin/v1/accounts/%u0041 HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "\r\nIf-Match: \"1\"\r\nContent-Type: application/json\r\n", "{\"tier\":\"pro\"}".getBytes(StandardCharsets.UTF_8)),
                    ProblemType.MALFORMED_REQUEST);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jsonPastTheStreamLimitsIs422NamingTheLimit(TestDatabases.Kind db) {
        try (TestGateway gw = new TestGateway(db.open().get())) {
            TestAccounts.Created acct = TestAccounts.create(gw.db(), "Limits Ltd", "free", "active", 1);
            String actions = "/admin/v1/accounts/" + acct.accountId() + "/actions";
            String deep1001 = "{\"action\":\"warn\",\"reason\":\"x\",\"duration_hours\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
            String deep33 = "{\"action\":\"warn\",\"reason\":\"x\",\"duration_hours\":" + "[".repeat(33) + "]".repeat(33) + "}";
            String long1001 = "{\"action\":\"warn\",\"reason\":\"x\",\"duration_hours\":" + "9".repeat(1001) + "}";
            String long65 = "{\"action\":\"warn\",\"reason\":\"x\",\"duration_hours\":" + "9".repeat(65) + "}";
            String longName = "{\"" + "n".repeat(2000) + "\":1}";
            // LEAD: the role check may come before the body is read; this is about the body
            for (Role role : List.of(Role.LEAD)) {
                assertLimit(gw.post(role, actions, deep1001), "nesting depth", "32");
                assertLimit(gw.post(role, actions, deep33), "nesting depth", "32");
                assertLimit(gw.post(role, actions + "/preview", long1001), "number length", "64");
                assertLimit(gw.post(role, actions + "/preview", long65), "number length", "64");
                assertLimit(gw.post(role, actions, longName), "name length", "1000");
                assertLimit(gw.patch(role, "/admin/v1/accounts/" + acct.accountId(), "{\"name\":" + "[".repeat(40) + "]".repeat(40) + "}",
                        Map.of("If-Match", "\"1\"")), "nesting depth", "32");
            }
            // just inside the limits still parses (and fails on its type, not on the limit)
            String deep31 = "{\"action\":\"warn\",\"reason\":\"x\",\"duration_hours\":" + "[".repeat(31) + "]".repeat(31) + "}";
            assertThat(gw.post(Role.LEAD, actions, deep31).json().path("type").asText()).isEqualTo(ProblemType.INVALID_PARAMETER.uri());
            String long64 = "{\"action\":\"suspend\",\"reason\":\"x\",\"duration_hours\":" + "9".repeat(64) + "}";
            assertThat(gw.post(Role.LEAD, actions + "/preview", long64).status()).isBetween(400, 499);
        }
    }

    @Test
    void aStringPastTheLimitIs422() {
        byte[] body = ("{\"action\":\"warn\",\"reason\":\"" + "x".repeat((1 << 20) + 1) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RequestBodies.parse(body, dev.gatehouse.api.ActionRequest.class))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.JSON_LIMITS);
                    assertThat(e.getMessage()).contains("string length");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void controlCharactersInBodyTextAre422NamingTheField(TestDatabases.Kind db) {
        try (TestGateway gw = new TestGateway(db.open().get())) {
            TestAccounts.Created acct = TestAccounts.create(gw.db(), "Nul Industries", "free", "active", 1);
            String accountActions = "/admin/v1/accounts/" + acct.accountId() + "/actions";
            String keyActions = "/admin/v1/keys/" + acct.keyIds().get(0) + "/actions";
            for (String bad : List.of("\\u0000", "a\\u0000b", "\\u0007", "\\u001b[31m", "\\r", "\\u007f", "\\u0085")) {
                for (String path : List.of(accountActions, accountActions + "/preview", keyActions, keyActions + "/preview")) {
                    String action = path.startsWith("/admin/v1/keys") ? "suspend" : "warn";
                    TestGateway.Response r = gw.post(Role.LEAD, path, "{\"action\":\"" + action + "\",\"reason\":\"" + bad + "\"}");
                    assertFieldError(r, "reason");
                }
                TestGateway.Response patched = gw.patch(Role.LEAD, "/admin/v1/accounts/" + acct.accountId(),
                        "{\"name\":\"Nul" + bad + "\"}", Map.of("If-Match", "\"1\""));
                assertFieldError(patched, "name");
            }
            // newline and tab are text, not control
            TestGateway.Response ok = gw.post(Role.LEAD, accountActions, "{\"action\":\"warn\",\"reason\":\"line one\\n\\tline two\"}");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            JsonNode audit = gw.get(Role.LEAD, "/admin/v1/audit?target=" + acct.accountId()).json();
            assertThat(audit.path("data").get(0).path("reason").asText()).isEqualTo("line one\n\tline two");
        }
    }

    private static void assertFieldError(TestGateway.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo(ProblemType.VALIDATION.uri());
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(r.json().path("errors").get(0).path("message").asText()).contains("control character");
        assertThat(r.json().path("detail").asText()).startsWith(field);
    }

    private static void assertLimit(TestGateway.Response r, String... mentions) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo(ProblemType.JSON_LIMITS.uri());
        assertThat(r.json().path("detail").asText()).contains(mentions);
    }

    static int port(TestGateway gw) {
        return gw.get(null, "/healthz").raw().uri().getPort();
    }

    static void assertProblem(RawHttp.Response r, ProblemType type) {
        assertThat(r.status()).as(r.text()).isEqualTo(type.status());
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        try {
            JsonNode body = Json.mapper().readTree(r.body());
            assertThat(body.path("type").asText()).isEqualTo(type.uri());
            assertThat(body.path("status").asInt()).isEqualTo(type.status());
            assertThat(body.path("detail").asText()).isNotBlank();
        } catch (IOException e) {
            throw new UncheckedIOException(r.text(), e);
        }
    }
}
