package dev.gatehouse.api;

import java.util.List;

/**
 * What importing a catalog file does, entry by entry, and the counts of each outcome (scheduled: changed entries whose
 * price increase waits for the notice period). previewHash names exactly this outcome: the import writes it only if
 * it is still the same. auditId is set once the import is written.
 */
public record CatalogImportPreview(String format, String previewHash, int newCount, int changedCount, int unchangedCount,
                                   int unsupportedCount, int scheduledCount, List<CatalogImportLine> lines, String auditId) {
    public CatalogImportPreview {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
