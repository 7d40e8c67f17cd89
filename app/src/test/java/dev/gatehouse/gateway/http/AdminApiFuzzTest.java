package dev.gatehouse.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.PostgresDatabase;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.demo.CatalogSeed;
import dev.gatehouse.gateway.operators.OperatorStore;
import dev.gatehouse.gateway.support.TestTickets;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 §3: generated hostile requests (seeded, so a failure replays) across every admin endpoint, every role,
 * no token and bad tokens. No answer may be a 5xx; every 4xx is problem+json with type, title, status and detail.
 * Requests without a valid token come from other loopback addresses, so the sign-in throttle (whose 429s are
 * valid answers too) does not stop the authenticated requests from reaching the routes.
 */
class AdminApiFuzzTest {
    static final long SEED = 20261128L;

    /** Every route the gateway serves, with the query parameters it reads. The one list this test knows them from. */
    record Endpoint(String method, String template, List<String> params) {
        Endpoint(String method, String template, String... params) {
            this(method, template, List.of(params));
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/healthz"),
            new Endpoint("GET", "/admin/v1/me"),
            new Endpoint("GET", "/admin/v1/models", "limit", "cursor", "q", "modality", "provider", "status"),
            new Endpoint("GET", "/admin/v1/models/{model}"),
            new Endpoint("GET", "/admin/v1/providers"),
            new Endpoint("GET", "/admin/v1/accounts", "q", "status", "tier", "limit", "cursor"),
            new Endpoint("GET", "/admin/v1/accounts/{account}"),
            new Endpoint("PATCH", "/admin/v1/accounts/{account}"),
            new Endpoint("GET", "/admin/v1/accounts/{account}/ledger", "kind", "limit", "cursor"),
            new Endpoint("POST", "/admin/v1/accounts/{account}/actions"),
            new Endpoint("POST", "/admin/v1/accounts/{account}/actions/preview"),
            new Endpoint("GET", "/admin/v1/keys", "account_id", "status", "mode", "prefix", "limit", "cursor"),
            new Endpoint("GET", "/admin/v1/keys/{key}"),
            new Endpoint("POST", "/admin/v1/keys/{key}/actions"),
            new Endpoint("POST", "/admin/v1/keys/{key}/actions/preview"),
            new Endpoint("GET", "/admin/v1/audit", "actor", "target", "action", "from", "to", "limit", "cursor"),
            new Endpoint("GET", "/admin/v1/audit/verify"),
            new Endpoint("GET", "/admin/v1/operators", "limit", "cursor"),
            new Endpoint("POST", "/admin/v1/operators"),
            new Endpoint("GET", "/admin/v1/operators/{operator}"),
            new Endpoint("PATCH", "/admin/v1/operators/{operator}"),
            new Endpoint("POST", "/admin/v1/operators/{operator}/actions"),
            // ---- abuse and appeals (issue 9) ----
            new Endpoint("GET", "/admin/v1/abuse-reports", "state", "category", "severity", "breached", "assignee", "account_id",
                    "group", "limit", "cursor"),
            new Endpoint("POST", "/admin/v1/abuse-reports"),
            new Endpoint("GET", "/admin/v1/abuse-reports/metrics"),
            new Endpoint("GET", "/admin/v1/abuse-reports/{report}"),
            new Endpoint("PATCH", "/admin/v1/abuse-reports/{report}"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/claim"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/release"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/split"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/comments"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/escalate"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/resolve"),
            new Endpoint("GET", "/admin/v1/abuse-reports/counts"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/dismissal"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/dismissal/approve"),
            new Endpoint("POST", "/admin/v1/abuse-reports/{report}/dismissal/reject"),
            new Endpoint("GET", "/admin/v1/appeals", "state", "account_id", "limit", "cursor"),
            new Endpoint("POST", "/admin/v1/appeals"),
            new Endpoint("POST", "/admin/v1/appeals/{appeal}/decide"),

            // ---- support (issue 10) ----
            new Endpoint("GET", "/admin/v1/tickets", "state", "priority", "category", "assignee", "account_id", "breached", "q",
                    "limit", "cursor"),
            new Endpoint("POST", "/admin/v1/tickets"),
            new Endpoint("GET", "/admin/v1/tickets/{ticket}"),
            new Endpoint("PATCH", "/admin/v1/tickets/{ticket}"),
            new Endpoint("POST", "/admin/v1/tickets/{ticket}/messages"),
            new Endpoint("POST", "/admin/v1/tickets/{ticket}/merge"),
            new Endpoint("GET", "/admin/v1/macros"),
            new Endpoint("PUT", "/admin/v1/macros"),

            // ---- refunds and policy (issue 10) ----
            new Endpoint("GET", "/admin/v1/refunds", "state", "verdict", "account_id", "limit", "cursor"),
            new Endpoint("POST", "/admin/v1/refunds"),
            new Endpoint("GET", "/admin/v1/refunds/{refund}"),
            new Endpoint("POST", "/admin/v1/refunds/{refund}/approve"),
            new Endpoint("POST", "/admin/v1/refunds/{refund}/deny"),
            new Endpoint("POST", "/admin/v1/refunds/{refund}/retry-payout"),
            new Endpoint("GET", "/admin/v1/policy"),
            new Endpoint("PUT", "/admin/v1/policy"),
            new Endpoint("POST", "/admin/v1/policy/preview"),

            // ---- pricing and tiers (issue 11) ----
            new Endpoint("GET", "/admin/v1/models/{model}/prices", "at"),
            new Endpoint("PATCH", "/admin/v1/models/{model}"),
            new Endpoint("GET", "/admin/v1/price-changes", "limit", "cursor", "model_id", "provider", "state", "batch_id"),
            new Endpoint("POST", "/admin/v1/price-changes"),
            new Endpoint("POST", "/admin/v1/price-changes/bulk"),
            new Endpoint("POST", "/admin/v1/price-changes/preview"),
            new Endpoint("DELETE", "/admin/v1/price-changes/{change}"),
            new Endpoint("GET", "/admin/v1/price-notices", "limit", "cursor", "change_id", "account_id", "model_id"),
            new Endpoint("GET", "/admin/v1/tiers"),
            new Endpoint("GET", "/admin/v1/tiers/{tier}"),
            new Endpoint("PUT", "/admin/v1/tiers/{tier}"),
            new Endpoint("POST", "/admin/v1/tiers/{tier}/preview"),
            new Endpoint("GET", "/admin/v1/accounts/{account}/limits"),
            new Endpoint("PUT", "/admin/v1/accounts/{account}/limits"),
            new Endpoint("POST", "/admin/v1/accounts/{account}/limits/preview"),
            new Endpoint("GET", "/admin/v1/price-changes/{price_change}"),
            new Endpoint("DELETE", "/admin/v1/limit-changes/{change}"),
            new Endpoint("GET", "/admin/v1/volume-discounts"),
            new Endpoint("PUT", "/admin/v1/volume-discounts"),

            // ---- key issuance and simulator (issue 12) ----
            new Endpoint("POST", "/admin/v1/accounts/{account}/keys"),
            new Endpoint("GET", "/admin/v1/simulator"),
            new Endpoint("POST", "/admin/v1/simulator/pause"),
            new Endpoint("POST", "/admin/v1/simulator/resume"),

            // ---- team: accounts, credits, import (issue 13) ----
            new Endpoint("POST", "/admin/v1/accounts"),
            new Endpoint("POST", "/admin/v1/accounts/{account}/credits"),
            new Endpoint("GET", "/admin/v1/credit-grants", "status", "account_id", "limit", "cursor"),
            new Endpoint("POST", "/admin/v1/credit-grants/{account}/approve"),
            new Endpoint("POST", "/admin/v1/credit-grants/{account}/reject"),
            new Endpoint("POST", "/admin/v1/models/import/preview"),
            new Endpoint("POST", "/admin/v1/models/import"),

            new Endpoint("GET", "/admin/v1/openapi.json"));

    @Test
    void everyRouteTheGatewayServesIsFuzzed() {
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            java.util.Set<String> fuzzed = new java.util.TreeSet<>();
            ENDPOINTS.forEach(e -> fuzzed.add(e.method() + " " + e.template().replaceAll("\\{[^}]+}", "{}")));
            java.util.Set<String> served = new java.util.TreeSet<>();
            gw.server().registeredEndpoints().stream().filter(e -> !e.startsWith("HEAD ") && !e.startsWith("OPTIONS "))
                    .forEach(e -> served.add(e.replaceAll("\\{[^}]+}|<[^>]+>", "{}")));
            assertThat(fuzzed).as("a new route needs a line in ENDPOINTS").containsAll(served);
        }
    }

    /** The operator the fuzz aims the operator routes at (not one whose token it signs in with). */
    private static final String FUZZED_OPERATOR = "op_fuzzed";

    static final List<String> METHODS = List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD", "TRACE",
            "get", "Post", "FOO", "PROPFIND");
    static final List<String> HOSTILE_IDS = List.of("%u0041", "%u00", "%zz", "%", "%25", "%C0%AF", "%E2%82", "%FF%FE", "%ED%A0%80",
            enc("ß漢字"), "ß漢字", enc("😀"), "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a;b=c", "%0d%0aX-Injected:%201", "%09",
            enc("' OR '1'='1"), "acct_" + "9".repeat(300), "x".repeat(3000), "%20", "null", "-1", "acct_%00");
    static final List<String> HOSTILE_VALUES = List.of("", "-1", "0", "1", "200", "201", "1.5", "1e9", "99999999999999999999",
            "%00", "%01", "%u0041", "%zz", "%", enc("ß"), enc("漢字"), "ß", enc("😀"), "x".repeat(600), "%0A", "%09",
            "active", "suspended", "revoked", "pro", "free", "chat", "video", "OpenAI", "live", "test", "grant", "purchase",
            "2026-11-22T00:00:00Z", "2026-13-45T99:99:99Z", "%2B300000-01-01T00:00:00Z", "yesterday", "YWNjb3VudHMfYWNjdF8x", "!!!", "%2B%2F%3D",
            enc("' OR 1=1 --"), "%25", "%5C", "acct_", "key_", "sk_live_");
    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz", "application/json; charset=latin1", "garbage",
            "application/problem+json", "");
    static final List<String> ACTIONS = List.of("warn", "suspend", "reinstate", "terminate", "revoke", "delete", "WARN", "");

    private final Map<String, Integer> byStatus = new TreeMap<>();
    private final Map<Integer, Integer> byClass = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void tenThousandGeneratedRequestsOnH2AnswerNo5xxAndOnlyProblemJson4xx() {
        long started = System.nanoTime();
        try (TestGateway gw = new TestGateway(Database.inMemory())) {
            CatalogSeed.seed(gw.db(), SEED);
            fuzz(gw, 10_500, false);
        }
        report("H2", started);
        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        assertThat(failures).isEmpty();
        assertThat(byClass.getOrDefault(2, 0)).as("the fuzz must also reach the routes").isGreaterThan(500);
    }

    @Test
    void textFieldCasesOnPostgresqlAnswerNo5xx() {
        long started = System.nanoTime();
        try (TestGateway gw = new TestGateway(PostgresDatabase.fresh())) {
            CatalogSeed.seed(gw.db(), SEED);
            fuzz(gw, 1_000, true);
        }
        report("PostgreSQL", started);
        assertThat(failures).isEmpty();
        assertThat(byClass.getOrDefault(2, 0)).isGreaterThan(50);
    }

    private void fuzz(TestGateway gw, int count, boolean textOnly) {
        Random rnd = new Random(SEED);
        int port = HostileInputTest.port(gw);
        List<TestAccounts.Created> accounts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            accounts.add(TestAccounts.create(gw.db(), "Fuzz " + i + (i % 3 == 0 ? " Zürich 漢字" : ""), i % 2 == 0 ? "free" : "pro",
                    "active", 3));
        }
        new OperatorStore(gw.db().jdbi()).create(FUZZED_OPERATOR, "Fuzzed Operator", "fuzzed@test.gatehouse.dev", Role.SUPPORT);
        String ticket = TestTickets.create(gw, accounts.get(0).accountId());
        // key issuance and simulator (issue 12): a simulator control for /simulator to reach (404 without one)
        gw.server().simulator().attach(new dev.gatehouse.gateway.demo.FlippingSimulator());
        // refunds and policy (issue 10): a refund for the {refund} routes to find
        String refund = dev.gatehouse.gateway.refunds.TestRefunds.request(gw, "1.00");
        // pricing (issue 11): a scheduled price change for GET /price-changes/{price_change} to find
        String fuzzModel = dev.gatehouse.gateway.pricing.TestPrices.chatModel(gw.db(), "mdl_fuzz_price", "2.00", "8.00");
        String priceChange = gw.db().jdbi().inTransaction(h -> dev.gatehouse.gateway.pricing.PriceChanges.schedule(h, fuzzModel,
                List.of(new dev.gatehouse.api.PriceLineDraft("input_mtok", null, "2.50"), new dev.gatehouse.api.PriceLineDraft("output_mtok", null, "8.00")),
                gw.clock().instant().plus(java.time.Duration.ofDays(40)), "fuzz", "op_fuzz", false, gw.clock().instant()).id());
        List<String> models = new ArrayList<>();
        try (RawHttp lead = new RawHttp(port)) {
            JsonNode page = json(lead.get("/admin/v1/models?limit=20", "Authorization: Bearer " + gw.token(Role.LEAD)));
            page.path("data").forEach(m -> models.add(m.path("id").asText()));
        }
        try (RawHttp lead = new RawHttp(port)) {
            // the list above is what the gateway serves: a fuzz of renamed routes would only ever meet 404
            for (Endpoint e : ENDPOINTS) {
                TestAccounts.Created acct = accounts.get(accounts.size() - 1);
                String path = e.template().replace("{account}", acct.accountId()).replace("{key}", acct.keyIds().get(0))
                        .replace("{model}", models.isEmpty() ? "mdl_none" : models.get(0)).replace("{operator}", FUZZED_OPERATOR)
                        .replace("{ticket}", ticket).replace("{refund}", refund).replace("{tier}", "free")
                        .replace("{price_change}", priceChange);
                byte[] body = e.method().equals("GET") ? null
                        : utf8(e.method().equals("PATCH") ? "{\"tier\":\"pro\"}" : "{\"action\":\"suspend\",\"reason\":\"route check\"}");
                String head = e.method() + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + gw.token(Role.LEAD)
                        + "\r\n" + (e.method().equals("PATCH") ? "If-Match: \"1\"\r\n" : "")
                        + (body == null ? "" : "Content-Type: application/json\r\n");
                assertThat(lead.exchange(head, body).status()).as(e.method() + " " + path).isBetween(200, 499).isNotIn(404, 405);
            }
        }
        Map<String, RawHttp> clients = new HashMap<>();
        try {
            for (int i = 0; i < count; i++) {
                Endpoint e = ENDPOINTS.get(rnd.nextInt(ENDPOINTS.size()));
                String method = rnd.nextInt(10) == 0 ? pick(rnd, METHODS) : e.method();
                String path = path(rnd, e, accounts, models, ticket, textOnly).replace("{refund}", refund)
                        .replace("{price_change}", priceChange);
                String query = query(rnd, e, textOnly);
                int who = rnd.nextInt(Role.values().length + 3);
                String auth = auth(rnd, gw, who);
                boolean validToken = who < Role.values().length;
                byte[] body = "GET".equals(method) && rnd.nextInt(5) > 0 ? null : body(rnd, e, textOnly);
                StringBuilder head = new StringBuilder(method).append(' ').append(path).append(query).append(" HTTP/1.1\r\n");
                head.append("Host: ").append(rnd.nextInt(50) == 0 ? "bad host:x" : "localhost").append("\r\n");
                if (auth != null) {
                    head.append(auth).append("\r\n");
                }
                headers(rnd, head, body != null);
                // failed sign-ins come from their own addresses: the throttle answers 429 there, not here
                String from = validToken ? "127.0.0.1" : "127.0.0." + (2 + rnd.nextInt(16));
                RawHttp client = clients.computeIfAbsent(from, a -> new RawHttp(port, a));
                check(method + " " + path + query + " as " + who, method, client.exchange(head.toString(), body));
            }
        } finally {
            clients.values().forEach(RawHttp::close);
        }
    }

    private void check(String what, String method, RawHttp.Response r) {
        sent++;
        byStatus.merge(Integer.toString(r.status()), 1, Integer::sum);
        byClass.merge(r.status() / 100, 1, Integer::sum);
        if (r.status() >= 500) {
            fail(what, r, "a 5xx");
            return;
        }
        if (r.status() < 400 || "HEAD".equals(method)) {
            return;
        }
        String type = r.header("Content-Type");
        if (type == null || !type.replace(" ", "").equalsIgnoreCase("application/problem+json;charset=utf-8")) {
            fail(what, r, "not problem+json: " + type);
            return;
        }
        try {
            JsonNode p = Json.mapper().readTree(r.body());
            boolean known = ProblemType.fromUri(p.path("type").asText()).isPresent();
            if (!known || p.path("title").asText().isBlank() || p.path("status").asInt() != r.status()
                    || p.path("detail").asText().isBlank()) {
                fail(what, r, "an incomplete problem");
            }
        } catch (IOException e) {
            fail(what, r, "an unparsable problem");
        }
    }

    private void fail(String what, RawHttp.Response r, String why) {
        if (failures.size() < 20) {
            String text = r.text();
            failures.add(why + " for " + (what.length() > 300 ? what.substring(0, 300) + "…" : what) + " → " + r.status() + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        } else {
            failures.add(why);
        }
    }

    private void report(String db, long started) {
        System.out.printf("fuzz on %s: %d requests in %.1f s (seed %d); by class %s; by status %s; 5xx: %d%n", db, sent,
                (System.nanoTime() - started) / 1e9, SEED, byClass, byStatus, byClass.getOrDefault(5, 0));
    }

    private static String path(Random rnd, Endpoint e, List<TestAccounts.Created> accounts, List<String> models, String ticket,
                               boolean textOnly) {
        TestAccounts.Created acct = accounts.get(rnd.nextInt(accounts.size()));
        int roll = rnd.nextInt(textOnly ? 40 : 10);
        String id = roll == 0 ? pick(rnd, HOSTILE_IDS) : null;
        String p = e.template()
                .replace("{account}", id != null ? id : acct.accountId())
                .replace("{key}", id != null ? id : acct.keyIds().get(rnd.nextInt(acct.keyIds().size())))
                .replace("{model}", id != null ? id : models.isEmpty() ? "mdl_none" : models.get(rnd.nextInt(models.size())))
                .replace("{operator}", id != null ? id : FUZZED_OPERATOR)
                .replace("{ticket}", id != null ? id : ticket)
                .replace("{tier}", id != null ? id : "free");
        if (textOnly) {
            return p;
        }
        return switch (rnd.nextInt(25)) {
            case 0 -> p + "/";
            case 1 -> p.replace("/admin/v1/", "/admin//v1/");
            case 2 -> p + "/" + pick(rnd, HOSTILE_IDS);
            case 3 -> p.toUpperCase(java.util.Locale.ROOT);
            case 4 -> p + ";jsessionid=x";
            case 5 -> p.replace("/admin/v1/", "/admin/v1/../v1/");
            case 6 -> "/admin/v2" + p.substring(Math.min(p.length(), 9));
            case 7 -> p.replace("/v1/", "/v1/%2F");
            default -> p;
        };
    }

    private static String query(Random rnd, Endpoint e, boolean textOnly) {
        if (e.params().isEmpty() && rnd.nextInt(4) > 0) {
            return "";
        }
        StringBuilder q = new StringBuilder();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            String name = e.params().isEmpty() || rnd.nextInt(8) == 0 ? pick(rnd, List.of("sort", "x", "%zz", "limit", "q"))
                    : pick(rnd, e.params());
            String value = textOnly ? pick(rnd, List.of("%00", "%01", "%1B%5B31m", "%0A", "%09", enc("ß漢字"), enc("😀"), "a%00b", "abc"))
                    : pick(rnd, HOSTILE_VALUES);
            q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(value);
        }
        return q.toString();
    }

    private static String auth(Random rnd, TestGateway gw, int who) {
        Role[] roles = Role.values();
        if (who < roles.length) {
            return "Authorization: Bearer " + gw.token(roles[who]);
        }
        if (who == roles.length) {
            return null;
        }
        String token = gw.token(pick(rnd, List.of(roles)));
        return "Authorization: " + switch (rnd.nextInt(8)) {
            case 0 -> "Bearer " + token.toUpperCase(java.util.Locale.ROOT);
            case 1 -> "Bearer " + token.substring(1);
            case 2 -> "Basic " + token;
            case 3 -> "Bearer";
            case 4 -> "Bearer " + token + " " + token;
            case 5 -> "Bearer " + "A".repeat(5000);
            case 6 -> "Bearer \u00df\u6f22";
            default -> "bearer " + UUID.nameUUIDFromBytes(token.getBytes(StandardCharsets.UTF_8));
        };
    }

    private static void headers(Random rnd, StringBuilder head, boolean hasBody) {
        if (hasBody && rnd.nextInt(6) > 0) {
            String ct = rnd.nextInt(4) > 0 ? "application/json" : pick(rnd, CONTENT_TYPES);
            if (!ct.isEmpty()) {
                head.append("Content-Type: ").append(ct).append("\r\n");
            }
        }
        if (rnd.nextInt(3) == 0) {
            head.append("If-Match: ").append(pick(rnd, List.of("\"1\"", "\"2\"", "W/\"1\"", "*", "nonsense", "\"-1\"",
                    "\"99999999999999999999\"", "\"\"", "\"1\", \"2\"", "ß"))).append("\r\n");
        }
        if (rnd.nextInt(3) == 0) {
            head.append("Idempotency-Key: ").append(pick(rnd, List.of(new UUID(rnd.nextLong(), rnd.nextLong()).toString(), "fixed-key-1", "fixed-key-2",
                    "", "  ", "k".repeat(300), "ß漢字", "a\tb", "key with spaces"))).append("\r\n");
        }
        if (rnd.nextInt(10) == 0) {
            head.append(pick(rnd, List.of("Accept: text/html", "Accept: application/xml", "Accept-Charset: latin1",
                    "X-Forwarded-For: 10.0.0.1", "Content-Encoding: gzip", "Origin: http://evil.example"))).append("\r\n");
        }
    }

    private static byte[] body(Random rnd, Endpoint e, boolean textOnly) {
        String action = e.template().startsWith("/admin/v1/keys") ? pick(rnd, List.of("suspend", "reinstate", "revoke"))
                : pick(rnd, List.of("warn", "suspend", "reinstate", "terminate"));
        String text = textOnly || rnd.nextInt(3) == 0 ? hostileText(rnd) : "fuzz " + rnd.nextInt(1000);
        if (textOnly) {
            return utf8(e.method().equals("PATCH") ? "{\"" + pick(rnd, List.of("name", "email", "reason", "tier")) + "\":\"" + text + "\"}"
                    : "{\"action\":\"" + action + "\",\"reason\":\"" + text + "\"}");
        }
        return switch (rnd.nextInt(16)) {
            case 0 -> utf8("{\"action\":\"" + action + "\",\"reason\":\"" + text + "\"}");
            case 1 -> utf8("{\"action\":\"suspend\",\"reason\":\"" + text + "\",\"duration_hours\":" + pick(rnd,
                    List.of("1", "0", "-5", "1.5", "\"3\"", "1e3", "9".repeat(30), "9".repeat(70), "null", "true", "[1]")) + "}");
            case 2 -> utf8("{\"" + pick(rnd, List.of("name", "email", "tier", "reason")) + "\":\"" + text + "\"}");
            case 3 -> utf8("{\"tier\":" + pick(rnd, List.of("1", "null", "[]", "{}", "\"pro\"", "\"gold\"", "true")) + "}");
            case 4 -> utf8("[".repeat(rnd.nextInt(3000)) + "]".repeat(rnd.nextInt(3000)));
            case 5 -> utf8("{\"action\":" + "{\"a\":".repeat(rnd.nextInt(200) + 1) + "1" + "}".repeat(rnd.nextInt(200) + 1) + "}");
            case 6 -> utf8("{\"action\":\"warn\",\"reason\":\"x\",\"duration_hours\":" + "7".repeat(rnd.nextInt(2000) + 1) + "}");
            case 7 -> utf8(pick(rnd, List.of("", "null", "true", "1", "\"str\"", "[]", "{}", "{", "}", "{\"action\":}", "{'a':1}",
                    "{\"action\":\"warn\",\"reason\":\"x\"} trailing", "{\"action\":\"warn\",\"action\":\"suspend\",\"reason\":\"x\"}")));
            case 8 -> randomBytes(rnd, rnd.nextInt(2000));
            case 9 -> utf8("{\"action\":\"" + pick(rnd, ACTIONS) + "\",\"reason\":" + pick(rnd, List.of("1", "[\"x\"]", "{}", "null",
                    "\"" + "r".repeat(rnd.nextInt(200_000)) + "\"")) + "}");
            case 10 -> utf8("{\"action\":\"warn\",\"reason\":\"x\",\"" + "n".repeat(rnd.nextInt(3000) + 1) + "\":1}");
            case 11 -> new byte[] {'{', '"', 'a', 'c', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
            case 12 -> utf8("{\"action\":\"warn\",\"reason\":\"\\ud800\"}");
            case 13 -> utf8("{\"action\":\"warn\",\"reason\":1" + "0".repeat(rnd.nextInt(100)) + ".5e" + rnd.nextInt(100000) + "}");
            default -> utf8("{\"action\":\"" + action + "\",\"reason\":\"fuzz\"}");
        };
    }

    private static String hostileText(Random rnd) {
        return pick(rnd, List.of("\\u0000", "a\\u0000b", "\\u0007", "\\u001b[2J", "\\r\\n", "\\u007f", "\\u0085", "\\u2028",
                "line\\nbreak\\ttab", "ß漢字😀", "\\ud83d\\ude00", "\\ufeff", "\\uffff", "\u202eevil", "' OR '1'='1", "%00", ""));
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static JsonNode json(RawHttp.Response r) {
        try {
            return Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
