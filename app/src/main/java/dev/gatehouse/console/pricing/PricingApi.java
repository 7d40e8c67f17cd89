package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.ModelPrices;
import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceBatch;
import dev.gatehouse.api.PriceChange;
import dev.gatehouse.api.PriceChangeRequest;
import dev.gatehouse.api.PricePreview;
import dev.gatehouse.api.ProviderSummary;
import dev.gatehouse.console.client.ModelQuery;
import dev.gatehouse.console.client.PlatformClient;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The part of the platform the Pricing screen uses; the view model's seam for tests. */
public interface PricingApi {
    CompletableFuture<Page<Model>> models(String q);

    CompletableFuture<List<ProviderSummary>> providers();

    CompletableFuture<ModelPrices> prices(String modelId);

    CompletableFuture<PricePreview> preview(PriceChangeRequest body);

    CompletableFuture<PriceChange> schedule(PriceChangeRequest body, long version, String idempotencyKey);

    CompletableFuture<PriceBatch> commitBulk(PriceChangeRequest body, String idempotencyKey);

    CompletableFuture<PriceChange> cancel(String changeId, String reason, String idempotencyKey);

    static PricingApi of(PlatformClient client) {
        return new PricingApi() {
            @Override
            public CompletableFuture<Page<Model>> models(String q) {
                return client.models(new ModelQuery(null, null, null, q), null);
            }

            @Override
            public CompletableFuture<List<ProviderSummary>> providers() {
                return client.providers();
            }

            @Override
            public CompletableFuture<ModelPrices> prices(String modelId) {
                return client.modelPrices(modelId);
            }

            @Override
            public CompletableFuture<PricePreview> preview(PriceChangeRequest body) {
                return client.previewPriceChange(body);
            }

            @Override
            public CompletableFuture<PriceChange> schedule(PriceChangeRequest body, long version, String idempotencyKey) {
                return client.schedulePriceChange(body, version, idempotencyKey);
            }

            @Override
            public CompletableFuture<PriceBatch> commitBulk(PriceChangeRequest body, String idempotencyKey) {
                return client.commitBulkPriceChange(body, idempotencyKey);
            }

            @Override
            public CompletableFuture<PriceChange> cancel(String changeId, String reason, String idempotencyKey) {
                return client.cancelPriceChange(changeId, reason, idempotencyKey);
            }
        };
    }
}
