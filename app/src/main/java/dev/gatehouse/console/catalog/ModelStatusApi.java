package dev.gatehouse.console.catalog;

import dev.gatehouse.api.Model;
import dev.gatehouse.api.ModelPatch;
import dev.gatehouse.api.ModelStatusResult;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** Enabling, deprecating and disabling a model; the status controls' seam for tests. */
public interface ModelStatusApi {
    CompletableFuture<ModelStatusResult> patch(String modelId, long version, ModelPatch patch);

    CompletableFuture<Model> model(String modelId);

    static ModelStatusApi of(PlatformClient client) {
        return new ModelStatusApi() {
            @Override
            public CompletableFuture<ModelStatusResult> patch(String modelId, long version, ModelPatch patch) {
                return client.patchModel(modelId, version, patch);
            }

            @Override
            public CompletableFuture<Model> model(String modelId) {
                return client.model(modelId);
            }
        };
    }
}
