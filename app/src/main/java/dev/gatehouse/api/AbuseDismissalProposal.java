package dev.gatehouse.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A proposed dismissal of a CSAM case waiting for (or given) a second operator's approval: state pending, approved or
 * rejected; decidedBy is the lead who approved or rejected it, never the proposer.
 */
public record AbuseDismissalProposal(String id, String caseId, String reportId, String proposedBy, String proposedByName,
                                     Instant proposedAt, String reason, String policyClause, String lawEnforcementRef,
                                     String state, @JsonInclude(JsonInclude.Include.NON_NULL) String decidedBy,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Instant decidedAt,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) String decisionNote) {}
