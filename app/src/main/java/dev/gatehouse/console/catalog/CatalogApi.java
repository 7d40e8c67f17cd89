package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.client.ModelQuery;
import dev.gatehouse.console.client.PlatformClient;
import dev.gatehouse.api.ProviderSummary;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The part of the platform the catalog screen reads; the view model's seam for tests. */
public interface CatalogApi {
    CompletableFuture<Page<Model>> models(ModelQuery query, String cursor);

    CompletableFuture<List<ProviderSummary>> providers();

    static CatalogApi of(PlatformClient client) {
        return new CatalogApi() {
            @Override
            public CompletableFuture<Page<Model>> models(ModelQuery query, String cursor) {
                return client.models(query, cursor);
            }

            @Override
            public CompletableFuture<List<ProviderSummary>> providers() {
                return client.providers();
            }
        };
    }
}
