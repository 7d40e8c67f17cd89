package dev.gatehouse.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.GatewayHttpClient;
import dev.gatehouse.gateway.SharedGateways;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.demo.DemoGateway;
import dev.gatehouse.policy.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input, on the catalog list and on every account/key/audit route, gets a readable 4xx problem+json, never a 500. */
class BadInputTest {
    static DemoGateway gateway;
    static GatewayHttpClient client;
    static String token;

    @BeforeAll
    static void start() {
        gateway = SharedGateways.demo();
        client = new GatewayHttpClient(gateway.baseUrl());
        token = gateway.token(Role.OPS);
        gw = new TestGateway(Database.inMemory());
        acct = TestAccounts.create(gw.db(), "Robert'); DROP TABLE accounts;--", "free", "active", 1);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            limit    | -1
            limit    | 0
            limit    | abc
            limit    | 201
            limit    | 99999999999
            limit    | 1.5
            limit    | %20
            cursor   | garbage!!
            cursor   | %2B%2F%3D
            modality | banana
            modality | CHAT
            provider | Nope
            status   | gone
            q        | %00
            """)
    void isProblem400NamingTheField(String field, String value) {
        GatewayHttpClient.Reply reply = client.get("/admin/v1/models?" + field + "=" + value, token);
        assertFieldProblem(reply, field);
    }

    @Test
    void cursorsThatDecodeButAreNotOursAre400() {
        assertFieldProblem(get("cursor=" + b64("junk that is not a cursor")), "cursor");
        assertFieldProblem(get("cursor=" + b64("accounts\u001facme\u001facct_1")), "cursor");
        assertFieldProblem(get("cursor=" + b64("models\u001fonly-two\u001fparts")), "cursor");
        assertFieldProblem(get("cursor=" + b64("models\u001fopenai\u0000\u001fgpt\u001fmdl_x")), "cursor");
        // well-formed keys that match no row simply page from there
        GatewayHttpClient.Reply past = get("cursor=" + b64("models\u001fzzzz\u001fzzzz\u001fmdl_zzzz"));
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().path("data").size()).isZero();
    }

    @Test
    void unknownProviderListsTheValidOnes() {
        GatewayHttpClient.Reply reply = get("provider=Nope");
        assertFieldProblem(reply, "provider");
        assertThat(reply.json().path("errors").get(0).path("message").asText())
                .contains("OpenAI", "Black Forest Labs", "Nope");
    }

    @Test
    void overlongFreeTextIs400() {
        assertFieldProblem(get("q=" + "a".repeat(500)), "q");
        assertThat(get("q=" + "a".repeat(200)).status()).isEqualTo(200);
    }

    @Test
    void sqlLookingFreeTextFindsNothing() {
        for (String q : new String[] {"' OR 1=1 --", "'; DROP TABLE models; --", "\" OR \"\"=\"", "%' OR '1'='1"}) {
            GatewayHttpClient.Reply reply = get("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(reply.status()).as(q).isEqualTo(200);
            assertThat(reply.json().path("data").size()).as(q).isZero();
        }
        assertThat(get("limit=1").json().path("data").size()).isEqualTo(1);
    }

    @Test
    void unknownParametersAreIgnored() {
        assertThat(get("sort=evil&limit=3").json().path("data").size()).isEqualTo(3);
    }

    private static GatewayHttpClient.Reply get(String query) {
        return client.get("/admin/v1/models?" + query, token);
    }

    private static void assertFieldProblem(GatewayHttpClient.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith(Problem.MEDIA_TYPE);
        JsonNode body = reply.json();
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("detail").asText()).isNotBlank().startsWith(field);
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(body.path("errors").get(0).path("message").asText()).isNotBlank();
    }
    private static TestGateway gw;
    private static TestAccounts.Created acct;



    private static void assertProblem(TestGateway.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).isNotBlank();
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }

    @Test
    void badActionBodies() {
        String accountActions = "/admin/v1/accounts/" + acct.accountId() + "/actions";
        String keyActions = "/admin/v1/keys/" + acct.keyIds().get(0) + "/actions";
        for (String path : List.of(accountActions, accountActions + "/preview", keyActions, keyActions + "/preview")) {
            assertProblem(gw.post(Role.LEAD, path, "{not json"), 400);
            assertProblem(gw.post(Role.LEAD, path, ""), 400);
            assertProblem(gw.post(Role.LEAD, path, "[1,2]"), 400);
            assertProblem(gw.post(Role.LEAD, path, "{\"action\":5,\"reason\":\"x\"}"), 422);
            assertProblem(gw.post(Role.LEAD, path, "{\"action\":{\"a\":1},\"reason\":\"x\"}"), 400);
            assertProblem(gw.post(Role.LEAD, path, "{\"action\":\"suspend\",\"reason\":[\"x\"]}"), 400);
            assertProblem(gw.post(Role.LEAD, path, "{\"action\":\"suspend\",\"reason\":\"x\",\"extra\":1}"), 400);
            var unknown = gw.post(Role.LEAD, path, "{\"action\":\"delete\",\"reason\":\"x\"}");
            assertProblem(unknown, 422);
            assertThat(unknown.json().get("errors").get(0).get("message").asText()).contains("suspend").contains("reinstate");
            var blank = gw.post(Role.LEAD, path, "{\"action\":\"suspend\",\"reason\":\"   \"}");
            assertProblem(blank, 422);
            assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
            assertProblem(gw.post(Role.LEAD, path, "{\"action\":\"suspend\"}"), 422);
            var big = "{\"action\":\"suspend\",\"reason\":\"" + "x".repeat((1 << 20) + 10) + "\"}";
            assertProblem(gw.post(Role.LEAD, path, big), 413);
            assertProblem(gw.post(Role.LEAD, path, "{\"action\":\"suspend\",\"reason\":\"x\"}", Map.of("If-Match", "nonsense")), 400);
        }
        var badDuration = gw.post(Role.LEAD, accountActions, "{\"action\":\"suspend\",\"reason\":\"x\",\"duration_hours\":-3}");
        assertProblem(badDuration, 422);
        assertProblem(gw.post(Role.LEAD, accountActions, "{\"action\":\"suspend\",\"reason\":\"x\",\"duration_hours\":1.5}"), 400);
        assertProblem(gw.post(Role.LEAD, accountActions, "{\"action\":\"warn\",\"reason\":\"x\",\"duration_hours\":5}"), 422);
        var big = "{\"tier\":\"" + "x".repeat((1 << 20) + 10) + "\"}";
        assertProblem(gw.patch(Role.LEAD, "/admin/v1/accounts/" + acct.accountId(), big, Map.of("If-Match", "\"1\"")), 413);
        assertProblem(gw.patch(Role.LEAD, "/admin/v1/accounts/" + acct.accountId(), "{\"tier\":\"gold\"}", Map.of("If-Match", "\"1\"")), 422);
        assertProblem(gw.patch(Role.LEAD, "/admin/v1/accounts/" + acct.accountId(), "{}", Map.of("If-Match", "\"1\"")), 422);
        assertProblem(gw.patch(Role.LEAD, "/admin/v1/accounts/" + acct.accountId(), "{\"tier\":[7]}", Map.of("If-Match", "\"1\"")), 400);
    }

    @Test
    void unknownIdsAreNotFound() {
        for (String id : List.of("acct_NOPE0000000000", "nothing", "' OR '1'='1", "acct_%25")) {
            String enc = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            assertProblem(gw.get(Role.VIEWER, "/admin/v1/accounts/" + enc), 404);
            assertProblem(gw.get(Role.VIEWER, "/admin/v1/accounts/" + enc + "/ledger"), 404);
            assertProblem(gw.get(Role.VIEWER, "/admin/v1/keys/" + enc), 404);
            assertProblem(gw.post(Role.LEAD, "/admin/v1/accounts/" + enc + "/actions", "{\"action\":\"warn\",\"reason\":\"x\"}"), 404);
            assertProblem(gw.post(Role.LEAD, "/admin/v1/keys/" + enc + "/actions", "{\"action\":\"suspend\",\"reason\":\"x\"}"), 404);
            assertProblem(gw.patch(Role.LEAD, "/admin/v1/accounts/" + enc, "{\"tier\":\"pro\"}", Map.of("If-Match", "\"1\"")), 404);
        }
    }

    @Test
    void sqlLookingFiltersMatchNothingAndBreakNothing() {
        for (String q : List.of("' OR 1=1 --", "%", "_", "\\", "robert'); drop", "x\" OR \"\"=\"")) {
            String enc = URLEncoder.encode(q, StandardCharsets.UTF_8);
            var r = gw.get(Role.VIEWER, "/admin/v1/accounts?q=" + enc);
            assertThat(r.status()).as(q).isEqualTo(200);
            var keys = gw.get(Role.VIEWER, "/admin/v1/keys?prefix=" + enc + "&account_id=" + enc);
            assertThat(keys.status()).isEqualTo(200);
            assertThat(keys.json().get("data")).isEmpty();
            assertThat(gw.get(Role.VIEWER, "/admin/v1/audit?actor=" + enc + "&target=" + enc).status()).isEqualTo(200);
        }
        // the literal name is found as text; the wildcard characters only ever match themselves
        var exact = gw.get(Role.VIEWER, "/admin/v1/accounts?q=" + URLEncoder.encode("robert'); drop", StandardCharsets.UTF_8));
        assertThat(exact.json().get("data")).hasSize(1);
        assertThat(gw.get(Role.VIEWER, "/admin/v1/accounts?q=%25").json().get("data")).isEmpty();
        int accounts = gw.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Integer.class).one());
        assertThat(accounts).isEqualTo(1);
    }

    @Test
    void badQueryParameters() {
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/accounts?status=sleeping"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/accounts?tier=gold"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/accounts?limit=0"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/accounts?limit=abc"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/accounts?cursor=!!!"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/keys?cursor=YWNjb3VudHMfYWNjdF8wMU03U1lHVjJHVlpEMDVE"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/keys?status=lost"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/keys?mode=prod"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/audit?from=yesterday"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/audit?from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z"), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/audit?cursor=" + dev.gatehouse.gateway.http.CursorTestAccess.audit("abc")), 400);
        assertProblem(gw.get(Role.VIEWER, "/admin/v1/accounts/" + acct.accountId() + "/ledger?kind=gift"), 400);
        assertProblem(gw.get(null, "/admin/v1/accounts"), 401);
    }
}
