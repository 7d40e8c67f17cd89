package dev.gatehouse.console.client;

import java.util.List;

/** One entry of GET /admin/v1/providers: a provider, how many models it has, and their modalities. */
public record ProviderSummary(String name, int models, List<String> modalities) {
    public ProviderSummary {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }
}
