package dev.gatehouse.console.support;

import dev.gatehouse.api.AbuseReport;
import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.AccountDetail;
import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.MacroSet;
import dev.gatehouse.api.NewTicketMessage;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.Refund;
import dev.gatehouse.api.Ticket;
import dev.gatehouse.api.TicketDetail;
import dev.gatehouse.api.TicketExposedKey;
import dev.gatehouse.api.TicketMessage;
import dev.gatehouse.api.TicketPatch;
import dev.gatehouse.console.accounts.AccountQuery;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A platform whose every answer the test gives by hand: each call is recorded with a future to complete. */
final class FakeSupportApi implements SupportApi {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    record Call(String method, List<Object> args, CompletableFuture<Object> answer) {
        Object arg(int i) {
            return args.get(i);
        }

        void reply(Object value) {
            answer.complete(value);
        }

        void fail(Throwable t) {
            answer.completeExceptionally(t);
        }
    }

    final List<Call> calls = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> call(String method, Object... args) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        calls.add(new Call(method, Arrays.asList(args), f));
        return (CompletableFuture<T>) f;
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    Call last(String method) {
        List<Call> c = calls(method);
        if (c.isEmpty()) {
            throw new AssertionError("no call to " + method + "; calls: " + calls.stream().map(Call::method).toList());
        }
        return c.get(c.size() - 1);
    }

    @Override public CompletableFuture<Page<Ticket>> tickets(TicketQuery q, String cursor, int limit) { return call("tickets", q, cursor, limit); }
    @Override public CompletableFuture<TicketDetail> ticket(String id) { return call("ticket", id); }
    @Override public CompletableFuture<TicketDetail> message(String id, NewTicketMessage m, String key) { return call("message", id, m, key); }
    @Override public CompletableFuture<TicketDetail> patch(String id, long version, TicketPatch p) { return call("patch", id, version, p); }
    @Override public CompletableFuture<MacroSet> macros() { return call("macros"); }
    @Override public CompletableFuture<MacroSet> replaceMacros(long version, dev.gatehouse.api.MacroSetUpdate u) { return call("replaceMacros", version, u); }
    @Override public CompletableFuture<Page<Ticket>> unsolvedTicketsOf(String accountId) { return call("unsolvedTicketsOf", accountId); }
    @Override public CompletableFuture<TicketDetail> merge(String id, dev.gatehouse.api.TicketMerge m, String key) { return call("merge", id, m, key); }
    @Override public CompletableFuture<Page<AbuseReport>> openReports(String accountId) { return call("openReports", accountId); }
    @Override public CompletableFuture<Page<Refund>> refunds(String accountId) { return call("refunds", accountId); }
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

    // ---- sample data ---------------------------------------------------------------------------

    static Account account() {
        return new Account("acct_1", "Acme Robotics", "ops@acme.io", "active", "pro", new BigDecimal("42.500000"), "USD",
                NOW.minusSeconds(86400L * 90), null, 3);
    }

    static ApiKey key(String status, long version) {
        return new ApiKey("key_1", "acct_1", "production", "live", "sk-live-AbCd", "9xYz", "sk-live-AbCd…9xYz", status,
                NOW.minusSeconds(86400L * 30), null, NOW.minusSeconds(60), version, "Acme Robotics", "active");
    }

    static Ticket ticket(String id, String state, long version, List<String> tags) {
        return new Ticket(id, "acct_1", "Acme Robotics", "billing", "Charged twice", state, "high", null, null, tags, true, 1,
                NOW.minusSeconds(3600), NOW.minusSeconds(600), NOW.plusSeconds(3 * 3600), null, false, null, null, null, null, 1, version);
    }

    static TicketDetail detail(Ticket t, ApiKey key) {
        TicketMessage first = new TicketMessage("msg_1", "customer", null, null,
                "My card [card 411111…1111 removed] was charged twice. Key [platform key sk-live-AbCd…9xYz removed]",
                List.of("card", "platform_key"), t.createdAt());
        TicketExposedKey exposed = new TicketExposedKey(key, "msg_1", t.createdAt(), t.createdAt().plus(Duration.ofHours(24)), null);
        return new TicketDetail(t, List.of(first), account(), List.of(key), List.of(exposed), List.of());
    }
}
