package dev.gatehouse.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What resolving a case did: the decision, every report it resolved, the enforcement it took (if any), the audit entry. */
public record AbuseResolveResult(AbuseDecisionRecord decision, List<AbuseReport> reports, @JsonInclude(JsonInclude.Include.NON_NULL) EnforcementAction enforcement,
                                 List<String> changes, String auditId, AuditEntry audit) {
    public AbuseResolveResult {
        reports = List.copyOf(reports);
        changes = List.copyOf(changes);
    }
}
