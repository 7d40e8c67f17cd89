package dev.gatehouse.console.tiers;

import dev.gatehouse.api.Account;
import dev.gatehouse.api.AccountLimits;
import dev.gatehouse.api.LimitChange;
import dev.gatehouse.api.LimitsPreview;
import dev.gatehouse.api.LimitsRequest;
import dev.gatehouse.api.RateTier;
import dev.gatehouse.console.client.PlatformClient;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The part of the platform the Rate limits screen uses; the view model's seam for tests. */
public interface TiersApi {
    CompletableFuture<List<RateTier>> tiers();

    CompletableFuture<LimitsPreview> previewTier(String name, LimitsRequest body);

    CompletableFuture<RateTier> putTier(String name, long version, LimitsRequest body);

    CompletableFuture<AccountLimits> accountLimits(String accountId);

    CompletableFuture<LimitsPreview> previewAccount(String accountId, LimitsRequest body);

    CompletableFuture<AccountLimits> putAccount(String accountId, long version, LimitsRequest body);

    /** Enterprise accounts whose name, email or id matches {@code q}, for the account picker. */
    CompletableFuture<List<Account>> enterpriseAccounts(String q);

    CompletableFuture<LimitChange> cancel(String changeId, String reason, String idempotencyKey);

    static TiersApi of(PlatformClient client) {
        return new TiersApi() {
            @Override
            public CompletableFuture<List<RateTier>> tiers() {
                return client.tiers();
            }

            @Override
            public CompletableFuture<LimitsPreview> previewTier(String name, LimitsRequest body) {
                return client.previewTier(name, body);
            }

            @Override
            public CompletableFuture<RateTier> putTier(String name, long version, LimitsRequest body) {
                return client.putTier(name, version, body);
            }

            @Override
            public CompletableFuture<AccountLimits> accountLimits(String accountId) {
                return client.accountLimits(accountId);
            }

            @Override
            public CompletableFuture<LimitsPreview> previewAccount(String accountId, LimitsRequest body) {
                return client.previewAccountLimits(accountId, body);
            }

            @Override
            public CompletableFuture<AccountLimits> putAccount(String accountId, long version, LimitsRequest body) {
                return client.putAccountLimits(accountId, version, body);
            }

            @Override
            public CompletableFuture<List<Account>> enterpriseAccounts(String q) {
                return client.accounts(q, null, "enterprise", null, 20).thenApply(p -> p.data());
            }

            @Override
            public CompletableFuture<LimitChange> cancel(String changeId, String reason, String idempotencyKey) {
                return client.cancelLimitChange(changeId, reason, idempotencyKey);
            }
        };
    }
}
