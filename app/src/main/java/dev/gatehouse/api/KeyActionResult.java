package dev.gatehouse.api;

import java.util.List;

/** What a key action changed (or, with preview = true, would change), and its audit entry. */
public record KeyActionResult(
        String action,
        boolean preview,
        ApiKey key,
        List<String> changes,
        String auditId,
        AuditEntry audit) {
    public KeyActionResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
