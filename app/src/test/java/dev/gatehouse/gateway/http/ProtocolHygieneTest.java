package dev.gatehouse.gateway.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Json;
import dev.gatehouse.api.ProblemType;
import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.policy.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 8 §5: UTF-8 problems with a declared charset, 405 with Allow, case-sensitive methods, quiet logs for noise. */
class ProtocolHygieneTest {
    static TestGateway gw;
    static TestAccounts.Created acct;
    static String auth;

    @BeforeAll
    static void start() {
        gw = new TestGateway(Database.inMemory());
        acct = TestAccounts.create(gw.db(), "Zürich 漢字 GmbH", "free", "active", 1);
        auth = "Authorization: Bearer " + gw.token(Role.LEAD);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void problemsThatEchoInputAreUtf8AndSaySo() throws IOException {
        try (RawHttp raw = new RawHttp(HostileInputTest.port(gw))) {
            String id = "ß漢字";
            RawHttp.Response notFound = raw.get("/admin/v1/keys/" + URLEncoder.encode(id, StandardCharsets.UTF_8), auth);
            assertUtf8Problem(notFound, 404, id);
            RawHttp.Response badFilter = raw.get("/admin/v1/accounts?status=" + URLEncoder.encode("ß", StandardCharsets.UTF_8), auth);
            assertUtf8Problem(badFilter, 400, "'ß'");
            RawHttp.Response badCursor = raw.get("/admin/v1/models?limit=" + URLEncoder.encode("漢", StandardCharsets.UTF_8), auth);
            assertUtf8Problem(badCursor, 400, "'漢'");
            // refused by Jetty before routing: still problem+json in UTF-8
            RawHttp.Response jetty = raw.get("/admin/v1/models%00");
            assertThat(jetty.status()).isEqualTo(400);
            assertThat(jetty.header("Content-Type").toLowerCase(Locale.ROOT).replace(" ", ""))
                    .isEqualTo("application/problem+json;charset=utf-8");
        }
    }

    @Test
    void jsonAnswersAreUtf8() throws IOException {
        try (RawHttp raw = new RawHttp(HostileInputTest.port(gw))) {
            RawHttp.Response r = raw.get("/admin/v1/accounts/" + acct.accountId(), auth);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(containsBytes(r.body(), "Zürich 漢字 GmbH".getBytes(StandardCharsets.UTF_8))).as(r.text()).isTrue();
            assertThat(Json.mapper().readTree(r.body()).path("account").path("name").asText()).isEqualTo("Zürich 漢字 GmbH");
        }
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllow() throws IOException {
        try (RawHttp raw = new RawHttp(HostileInputTest.port(gw))) {
            String account = "/admin/v1/accounts/" + acct.accountId();
            assertMethodNotAllowed(raw, "DELETE", "/admin/v1/accounts", "GET, POST");
            assertMethodNotAllowed(raw, "PUT", account, "GET, PATCH");
            assertMethodNotAllowed(raw, "GET", account + "/actions", "POST");
            assertMethodNotAllowed(raw, "POST", "/admin/v1/keys/" + acct.keyIds().get(0), "GET");
            assertMethodNotAllowed(raw, "PATCH", "/admin/v1/me", "GET");
            assertMethodNotAllowed(raw, "DELETE", "/healthz", "GET");
            // an unknown path stays 404, whatever the method
            RawHttp.Response unknown = raw.exchange("DELETE /admin/v1/nothing-here HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n", null);
            HostileInputTest.assertProblem(unknown, ProblemType.NOT_FOUND);
        }
    }

    @Test
    void methodNamesAreCaseSensitive() {
        try (RawHttp raw = new RawHttp(HostileInputTest.port(gw))) {
            for (String method : List.of("get", "Get", "gET")) {
                RawHttp.Response me = raw.exchange(method + " /admin/v1/me HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n", null);
                HostileInputTest.assertProblem(me, ProblemType.MALFORMED_REQUEST);
                assertThat(me.text()).contains("case-sensitive");
                RawHttp.Response health = raw.exchange(method + " /healthz HTTP/1.1\r\nHost: localhost\r\n", null);
                HostileInputTest.assertProblem(health, ProblemType.MALFORMED_REQUEST);
            }
            assertThat(raw.get("/admin/v1/me", auth).status()).isEqualTo(200);
        }
    }

    @Test
    void headerAndHostNoiseIsSummarisedNotWarnedPerRequest() throws JoranException {
        // the production logging configuration, not the tests' one
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        configure(logging, "/logback.xml");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(seen);
        try (RawHttp raw = new RawHttp(HostileInputTest.port(gw))) {
            for (int i = 0; i < 5; i++) {
                assertThat(raw.exchange("GET /healthz HTTP/1.1\r\nHost: bad host name:99x\r\n", null).status()).isEqualTo(400);
                assertThat(raw.exchange("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n", null).status()).isEqualTo(400);
                assertThat(raw.exchange("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000) + "\r\n", null).status())
                        .isEqualTo(431);
                assertThat(raw.exchange("GET /healthz HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n", null).status()).isEqualTo(400);
                assertThat(raw.exchange("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n", null).status()).isEqualTo(414);
            }
        } finally {
            configure(logging, "/logback-test.xml");
        }
        assertThat(seen.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(seen.list).filteredOn(e -> e.getFormattedMessage().startsWith("refused ")).hasSizeLessThanOrEqualTo(1);
    }

    private static void configure(LoggerContext logging, String resource) throws JoranException {
        logging.reset();
        JoranConfigurator config = new JoranConfigurator();
        config.setContext(logging);
        config.doConfigure(ProtocolHygieneTest.class.getResource(resource));
    }

    private static void assertMethodNotAllowed(RawHttp raw, String method, String path, String allow) throws IOException {
        RawHttp.Response r = raw.exchange(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + auth + "\r\n", null);
        HostileInputTest.assertProblem(r, ProblemType.METHOD_NOT_ALLOWED);
        assertThat(r.header("Allow")).as(method + " " + path).isEqualTo(allow);
        assertThat(Json.mapper().readTree(r.body()).path("detail").asText()).contains(method).contains(allow);
    }

    private static void assertUtf8Problem(RawHttp.Response r, int status, String echoed) throws IOException {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type").toLowerCase(Locale.ROOT).replace(" ", "")).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(containsBytes(r.body(), echoed.getBytes(StandardCharsets.UTF_8))).as(r.text()).isTrue();
        JsonNode body = Json.mapper().readTree(r.body());
        assertThat(body.path("detail").asText()).contains(echoed);
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
