package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountActionResult;
import dev.gatehouse.api.AccountDetail;
import dev.gatehouse.api.AccountPatch;
import dev.gatehouse.api.ActionRequest;
import dev.gatehouse.api.KeyActionResult;
import dev.gatehouse.api.LedgerEntry;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** The part of the platform the Accounts screen and the account view use; the view models' seam for tests. */
public interface AccountsApi {
    CompletableFuture<Page<Account>> accounts(AccountQuery query, String cursor, int limit);

    CompletableFuture<AccountDetail> account(String id);

    CompletableFuture<Account> patchAccount(String id, long version, AccountPatch patch);

    CompletableFuture<Page<LedgerEntry>> ledger(String accountId, String cursor, int limit);

    CompletableFuture<AccountActionResult> previewAccountAction(String id, ActionRequest request);

    CompletableFuture<AccountActionResult> accountAction(String id, ActionRequest request, String idempotencyKey);

    CompletableFuture<KeyActionResult> previewKeyAction(String id, ActionRequest request);

    CompletableFuture<KeyActionResult> keyAction(String id, ActionRequest request, String idempotencyKey);

    /** Opens an account by hand (issue 13); 409 likely-duplicate names look-alike accounts. */
    CompletableFuture<Account> openAccount(dev.gatehouse.api.NewAccount body, String idempotencyKey);

    /** Grants credits (issue 13); above the four-eyes threshold the grant waits for a second operator. */
    CompletableFuture<dev.gatehouse.api.CreditGrant> grantCredits(String accountId, dev.gatehouse.api.NewCreditGrant body, String idempotencyKey);

    /** Issues the account a key (issue 12); the answer holds its secret once (null on an Idempotency-Key replay). */
    CompletableFuture<dev.gatehouse.api.KeyIssued> issueKey(String accountId, dev.gatehouse.api.NewApiKey body, String idempotencyKey);

    static AccountsApi of(PlatformClient client) {
        return new ClientAccountsApi(client);
    }

    /** Straight through to the platform client. */
    class ClientAccountsApi implements AccountsApi {
        protected final PlatformClient client;

        protected ClientAccountsApi(PlatformClient client) {
            this.client = client;
        }

        @Override public CompletableFuture<Page<Account>> accounts(AccountQuery q, String cursor, int limit) {
            return client.accounts(q.q(), q.statusWire(), q.tierWire(), cursor, limit);
        }
        @Override public CompletableFuture<AccountDetail> account(String id) { return client.account(id); }
        @Override public CompletableFuture<Account> patchAccount(String id, long version, AccountPatch patch) {
            return client.patchAccount(id, version, patch);
        }
        @Override public CompletableFuture<Page<LedgerEntry>> ledger(String id, String cursor, int limit) {
            return client.ledger(id, cursor, limit);
        }
        @Override public CompletableFuture<AccountActionResult> previewAccountAction(String id, ActionRequest r) {
            return client.previewAccountAction(id, r);
        }
        @Override public CompletableFuture<AccountActionResult> accountAction(String id, ActionRequest r, String key) {
            return client.accountAction(id, r, key);
        }
        @Override public CompletableFuture<KeyActionResult> previewKeyAction(String id, ActionRequest r) {
            return client.previewKeyAction(id, r);
        }
        @Override public CompletableFuture<KeyActionResult> keyAction(String id, ActionRequest r, String key) {
            return client.keyAction(id, r, key);
        }
        @Override public CompletableFuture<Account> openAccount(dev.gatehouse.api.NewAccount body, String key) {
            return client.openAccount(body, key);
        }
        @Override public CompletableFuture<dev.gatehouse.api.CreditGrant> grantCredits(String id, dev.gatehouse.api.NewCreditGrant body,
                                                                                 String key) {
            return client.grantCredits(id, body, key);
        }
        @Override public CompletableFuture<dev.gatehouse.api.KeyIssued> issueKey(String id, dev.gatehouse.api.NewApiKey body, String key) {
            return client.issueKey(id, body, key);
        }
    }
}
