package dev.gatehouse.console.catalog;

import dev.gatehouse.api.CatalogImportPreview;
import dev.gatehouse.api.CatalogImportRequest;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** The catalog import calls (issue 13); the import view model's seam for tests. */
public interface CatalogImportApi {
    CompletableFuture<CatalogImportPreview> preview(CatalogImportRequest request);

    CompletableFuture<CatalogImportPreview> commit(CatalogImportRequest request, String idempotencyKey);

    static CatalogImportApi of(PlatformClient client) {
        return new CatalogImportApi() {
            @Override public CompletableFuture<CatalogImportPreview> preview(CatalogImportRequest r) {
                return client.previewCatalogImport(r);
            }
            @Override public CompletableFuture<CatalogImportPreview> commit(CatalogImportRequest r, String key) {
                return client.importCatalog(r, key);
            }
        };
    }
}
