package dev.gatehouse.api;

import java.util.List;

/**
 * One entry of an imported catalog file and what the import does with it: outcome new | changed | unchanged |
 * unsupported; changes in sentences (a price increase says when it takes effect); reason for an unsupported entry.
 */
public record CatalogImportLine(int line, String slug, String outcome, String modality, List<String> changes, String reason) {
    public CatalogImportLine {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
