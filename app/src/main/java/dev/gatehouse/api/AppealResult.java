package dev.gatehouse.api;

import java.util.List;

/** What deciding an appeal did: the appeal, the changes it made (a suspension lifted, …), the audit entry. */
public record AppealResult(Appeal appeal, List<String> changes, String auditId, AuditEntry audit) {
    public AppealResult {
        changes = List.copyOf(changes);
    }
}
