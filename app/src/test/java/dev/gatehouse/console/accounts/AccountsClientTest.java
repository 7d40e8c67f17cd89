package dev.gatehouse.console.accounts;

import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.console.client.PlatformException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform client's account and key calls on the wire: If-Match, Idempotency-Key, filters, readable 412. */
class AccountsClientTest {
    MockWebServer server;
    PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        String url = server.url("/").toString();
        client = new PlatformClient(url.substring(0, url.length() - 1), "tok");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json").setBody(body);
    }

    static final String ACCOUNT = "{\"id\":\"acct_1\",\"name\":\"Acme\",\"email\":\"a@acme.io\",\"status\":\"active\",\"tier\":\"pro\","
            + "\"balance\":\"12.500000\",\"currency\":\"USD\",\"created_at\":\"2026-01-01T00:00:00Z\",\"suspended_until\":null,\"version\":7}";

    @Test
    void patchSendsIfMatchAndOnlyTheChangedFields() throws Exception {
        server.enqueue(json(200, ACCOUNT));
        var saved = client.patchAccount("acct_1", 6, new AccountPatch("pro", null, null, "upgrade")).get(5, TimeUnit.SECONDS);
        assertThat(saved.version()).isEqualTo(7);
        assertThat(saved.balance()).isEqualByComparingTo("12.5");
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getPath()).isEqualTo("/admin/v1/accounts/acct_1");
        assertThat(r.getHeader("If-Match")).isEqualTo("\"6\"");
        assertThat(r.getBody().readUtf8()).contains("\"tier\":\"pro\"").contains("\"reason\":\"upgrade\"");
    }

    @Test
    void aStalePatchIsA412WithTheDetail() {
        server.enqueue(json(412, "{\"type\":\"about:blank\",\"title\":\"Precondition failed\",\"status\":412,"
                + "\"detail\":\"The account changed since you read it: you sent version 6, the current version is 7.\"}"));
        assertThatThrownBy(() -> client.patchAccount("acct_1", 6, new AccountPatch("pro", null, null, null)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> {
                    PlatformException p = PlatformException.of(e);
                    assertThat(p.status()).isEqualTo(412);
                    assertThat(p.getMessage()).contains("changed since you read it");
                });
    }

    @Test
    void actionsCarryTheIdempotencyKeyAndPreviewsNone() throws Exception {
        String result = "{\"action\":\"suspend\",\"preview\":false,\"key\":{\"id\":\"key_1\",\"account_id\":\"acct_1\",\"name\":\"n\","
                + "\"mode\":\"live\",\"prefix\":\"sk-live-AbCd\",\"last4\":\"9xYz\",\"masked\":\"sk-live-AbCd…9xYz\",\"status\":\"suspended\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"version\":2},\"changes\":[],\"audit_id\":\"aud_1\",\"audit\":null}";
        server.enqueue(json(200, result));
        server.enqueue(json(200, result.replace("\"preview\":false", "\"preview\":true")));
        client.keyAction("key_1", new ActionRequest("suspend", "leaked", null), "idem-123").get(5, TimeUnit.SECONDS);
        client.previewKeyAction("key_1", new ActionRequest("suspend", "leaked", null)).get(5, TimeUnit.SECONDS);
        RecordedRequest act = server.takeRequest();
        assertThat(act.getPath()).isEqualTo("/admin/v1/keys/key_1/actions");
        assertThat(act.getHeader("Idempotency-Key")).isEqualTo("idem-123");
        assertThat(act.getBody().readUtf8()).contains("\"action\":\"suspend\"").contains("\"reason\":\"leaked\"");
        RecordedRequest preview = server.takeRequest();
        assertThat(preview.getPath()).isEqualTo("/admin/v1/keys/key_1/actions/preview");
        assertThat(preview.getHeader("Idempotency-Key")).isNull();
    }

    @Test
    void listFiltersAreQueryParameters() throws Exception {
        server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
        server.enqueue(json(200, "{\"data\":[],\"next_cursor\":null}"));
        client.accounts("acme & co", "warned", null, "c1", 100).get(5, TimeUnit.SECONDS);
        client.keys("acct_1", null, "live", "sk-live-Ab", null, 100).get(5, TimeUnit.SECONDS);
        assertThat(server.takeRequest().getPath()).isEqualTo("/admin/v1/accounts?q=acme%20%26%20co&status=warned&limit=100&cursor=c1");
        assertThat(server.takeRequest().getPath()).isEqualTo("/admin/v1/keys?account_id=acct_1&mode=live&prefix=sk-live-Ab&limit=100");
    }
}
