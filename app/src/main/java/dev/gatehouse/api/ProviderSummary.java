package dev.gatehouse.api;

import java.util.List;

/** One provider of the catalog: how many models it has and in which modalities (GET /admin/v1/providers). */
public record ProviderSummary(String name, int models, List<String> modalities) {
    public ProviderSummary {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }
}
