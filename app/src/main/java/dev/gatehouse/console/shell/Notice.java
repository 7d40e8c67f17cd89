package dev.gatehouse.console.shell;

import java.util.Objects;

/**
 * A transient message for the operator: a confirmation ("Key sk-live-…9xYz suspended") or a warning. {@code detail} is
 * an optional second line; {@code auditId} names the audit entry the change wrote, when there is one.
 */
public record Notice(Kind kind, String text, String detail, String auditId) {
    public enum Kind { SUCCESS, INFO, WARNING, ERROR }

    public Notice {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(text);
    }

    public static Notice success(String text) {
        return new Notice(Kind.SUCCESS, text, null, null);
    }

    public static Notice warning(String text) {
        return new Notice(Kind.WARNING, text, null, null);
    }

    public Notice withDetail(String line) {
        return new Notice(kind, text, line, auditId);
    }

    public Notice withAudit(String id) {
        return new Notice(kind, text, detail, id);
    }
}
