package dev.gatehouse.api;

import java.util.List;

/**
 * What an account action changed (or, with preview = true, would change): the account after the action,
 * how many keys it revoked, human-readable changes ("status active → terminated", "revokes 14 keys")
 * and the audit entry written (auditId null in a preview).
 */
public record AccountActionResult(
        String action,
        boolean preview,
        Account account,
        int keysRevoked,
        List<String> changes,
        String auditId,
        AuditEntry audit) {
    public AccountActionResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
