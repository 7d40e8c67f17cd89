package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;

/**
 * A decision that resolved a case, with its statement of reasons (DESIGN §4, EU DSA art. 17 practice): the decision,
 * the facts, the policy clause, the duration, and how to appeal; statement is the whole text the customer receives.
 */
public record AbuseDecisionRecord(
        String id,
        String caseId,
        String accountId,
        String keyId,
        String decision,
        String facts,
        String policyClause,
        Integer durationHours,
        String durationText,
        String howToAppeal,
        String statement,
        String lawEnforcementRef,
        String proposedBy,
        String curePeriodOverride,
        String enforcementId,
        String decidedBy,
        Instant decidedAt,
        List<String> reportIds) {
    public AbuseDecisionRecord {
        reportIds = List.copyOf(reportIds);
    }
}
