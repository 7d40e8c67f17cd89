package dev.gatehouse.console.actions;

import dev.gatehouse.api.AuditEntry;

import java.util.List;

/** What an action will change, in sentences an operator can check, and the audit entry it will write. */
public record ActionPreview(List<String> changes, AuditEntry audit) {
    public ActionPreview {
        changes = List.copyOf(changes);
    }
}
