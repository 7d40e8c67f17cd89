package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.AccountDetail;
import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.keys.KeyQuery;
import dev.gatehouse.console.keys.KeysApi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A platform whose every answer the test gives by hand: each call is recorded with a future to complete. */
public final class FakeKeysApi implements KeysApi {
    public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    /** One call: what was asked, with which arguments, and the answer to give. */
    public record Call(String method, List<Object> args, CompletableFuture<Object> answer) {
        public Object arg(int i) {
            return args.get(i);
        }

        public void reply(Object value) {
            answer.complete(value);
        }

        public void fail(Throwable t) {
            answer.completeExceptionally(t);
        }
    }

    public final List<Call> calls = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> call(String method, Object... args) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        calls.add(new Call(method, Arrays.asList(args), f));
        return (CompletableFuture<T>) f;
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public Call last(String method) {
        List<Call> c = calls(method);
        if (c.isEmpty()) {
            throw new AssertionError("no call to " + method + "; calls: " + calls.stream().map(Call::method).toList());
        }
        return c.get(c.size() - 1);
    }

    @Override public CompletableFuture<Page<Account>> accounts(AccountQuery q, String cursor, int limit) { return call("accounts", q, cursor, limit); }
    @Override public CompletableFuture<AccountDetail> account(String id) { return call("account", id); }
    @Override public CompletableFuture<Account> patchAccount(String id, long version, AccountPatch patch) { return call("patchAccount", id, version, patch); }
    @Override public CompletableFuture<Page<LedgerEntry>> ledger(String id, String cursor, int limit) { return call("ledger", id, cursor, limit); }
    @Override public CompletableFuture<AccountActionResult> previewAccountAction(String id, ActionRequest r) { return call("previewAccountAction", id, r); }
    @Override public CompletableFuture<AccountActionResult> accountAction(String id, ActionRequest r, String key) { return call("accountAction", id, r, key); }
    @Override public CompletableFuture<KeyActionResult> previewKeyAction(String id, ActionRequest r) { return call("previewKeyAction", id, r); }
    @Override public CompletableFuture<KeyActionResult> keyAction(String id, ActionRequest r, String key) { return call("keyAction", id, r, key); }
    @Override public CompletableFuture<Account> openAccount(dev.gatehouse.api.NewAccount body, String key) { return call("openAccount", body, key); }
    @Override public CompletableFuture<dev.gatehouse.api.CreditGrant> grantCredits(String id, dev.gatehouse.api.NewCreditGrant body, String key) {
        return call("grantCredits", id, body, key);
    }
    @Override public CompletableFuture<dev.gatehouse.api.KeyIssued> issueKey(String id, dev.gatehouse.api.NewApiKey body, String key) {
        return call("issueKey", id, body, key);
    }
    @Override public CompletableFuture<Page<ApiKey>> keys(KeyQuery q, String cursor, int limit) { return call("keys", q, cursor, limit); }
    @Override public CompletableFuture<ApiKeyDetail> key(String id) { return call("key", id); }

    // ---- sample data ---------------------------------------------------------------------------

    public static Account account(String id, String status, String tier, long version) {
        return new Account(id, "Acme Robotics", "ops@acme.io", status, tier, new BigDecimal("42.500000"), "USD",
                NOW.minusSeconds(86400L * 90), null, version);
    }

    public static ApiKey key(String id, String accountId, String status) {
        return new ApiKey(id, accountId, "production", "live", "sk-live-AbCd", "9xYz", "sk-live-AbCd…9xYz", status,
                NOW.minusSeconds(86400L * 30), null, NOW.minusSeconds(600), 1, "Acme Robotics", "active");
    }

    public static AccountDetail detail(Account a, ApiKey... keys) {
        return new AccountDetail(a, List.of(), List.of(keys), keys.length, Map.of("active", keys.length), List.of(), null);
    }

    public static LedgerEntry usage(String id, String accountId) {
        return new LedgerEntry(id, accountId, NOW, "usage", new BigDecimal("-0.250000"), null, new BigDecimal("42.250000"), "USD",
                "openai/gpt-4o", null);
    }
}
