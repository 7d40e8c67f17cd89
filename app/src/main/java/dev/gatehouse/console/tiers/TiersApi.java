package dev.gatehouse.console.tiers;

import dev.gatehouse.api.AccountLimits;
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
        };
    }
}
