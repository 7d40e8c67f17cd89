package dev.gatehouse.gateway.http;

import dev.gatehouse.api.AuditEntry;
import dev.gatehouse.gateway.audit.AuditLog;

import java.util.function.Function;

/**
 * What a mutation hands back to the rails: the audit entry to append (in the request's transaction) and the response,
 * which may quote the appended entry.
 */
public record Audited<R>(AuditLog.Draft draft, Function<AuditEntry, R> response) {}
