package dev.gatehouse.gateway.plane;

import dev.gatehouse.gateway.Database;
import dev.gatehouse.gateway.TestGateway;
import dev.gatehouse.gateway.abuse.TestClock;
import dev.gatehouse.gateway.accounts.TestAccounts;
import dev.gatehouse.gateway.demo.CatalogSeed;
import dev.gatehouse.gateway.ids.PrefixedIds;
import dev.gatehouse.gateway.keys.KeySecrets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A gateway serving the data plane over the demo catalog, with in-test rate limits and metering, a movable clock,
 * and keys whose secrets the test knows (inserted directly, as plane-sim's key issuance is not on main yet).
 */
public final class PlaneFixture implements AutoCloseable {
    public static final long SEED = 42;

    public final TestClock clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
    public final TestEnforcement enforcement = new TestEnforcement();
    public final TestGateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    public PlaneFixture() {
        this(Database.inMemory());
    }

    /** Over the given (empty) database, which the fixture seeds with the demo catalog and closes. */
    public PlaneFixture(Database db) {
        this(db, false);
    }

    /**
     * With {@code standard}, the real rate limits and metering (plane/limits, plane/metering) on the system clock
     * instead of the in-test ones on the movable clock.
     */
    public PlaneFixture(Database db, boolean standard) {
        CatalogSeed.seed(db, SEED);
        this.gateway = standard
                ? new TestGateway(db, java.time.Clock.systemUTC(), dev.gatehouse.gateway.GatewayServer.standardPlane(db, java.time.Clock.systemUTC()))
                : new TestGateway(db, clock, enforcement.enforcement());
    }

    public record Key(String id, String accountId, String secret) {}

    /** A new account with one active key of the mode. */
    public Key key(String mode) {
        String account = TestAccounts.create(gateway.db(), "Plane " + PrefixedIds.next("", clock.instant()), "pro", "active", 0).accountId();
        return key(account, mode, null);
    }

    /** Another key of the account; {@code expiresAt} may be null. */
    public Key key(String accountId, String mode, Instant expiresAt) {
        KeySecrets.Secret s = KeySecrets.newSecret(mode);
        String id = PrefixedIds.next("key_", clock.instant());
        gateway.db().jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, account_id, name, mode, secret_hash,"
                        + " prefix, last4, status, created_at, expires_at) VALUES (:id, :acct, 'plane test', :mode, :hash, :prefix,"
                        + " :last4, 'active', :at, :exp)")
                .bind("id", id).bind("acct", accountId).bind("mode", mode).bind("hash", s.hash()).bind("prefix", s.prefix())
                .bind("last4", s.last4()).bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                .bind("exp", expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC)).execute());
        return new Key(id, accountId, s.plain());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + gateway.server().port();
    }

    /** A /v1 request with this bearer secret (null: no Authorization header), checked against the plane's contract. */
    public TestGateway.Response send(String secret, String method, String path, String body) {
        return send(secret, method, path, body, Map.of());
    }

    public TestGateway.Response send(String secret, String method, String path, String body, Map<String, String> headers) {
        java.util.HashMap<String, String> h = new java.util.HashMap<>(headers);
        if (secret != null) {
            h.put("Authorization", "Bearer " + secret);
        }
        return gateway.send(null, method, path, body, h);
    }

    /** The raw exchange, for streams and bodies that are not JSON. */
    public HttpResponse<String> raw(String secret, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (secret != null) {
            b.header("Authorization", "Bearer " + secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        gateway.close();
    }
}
