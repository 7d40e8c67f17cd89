package dev.gatehouse.gateway.catalog;

import java.util.Optional;

/**
 * One page request of GET /admin/v1/models, already validated.
 * providerSort is the provider's lower-cased sort key; q is raw user text, matched literally.
 */
public record ModelQuery(
        Optional<String> modality,
        Optional<String> providerSort,
        Optional<String> status,
        Optional<String> q,
        Optional<ModelKeyset> after,
        int limit) {

    public static ModelQuery all(int limit) {
        return new ModelQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public ModelQuery after(ModelKeyset keyset) {
        return new ModelQuery(modality, providerSort, status, q, Optional.of(keyset), limit);
    }
}
