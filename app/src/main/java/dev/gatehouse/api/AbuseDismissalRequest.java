package dev.gatehouse.api;

/**
 * Body of POST /admin/v1/abuse-reports/{id}/dismissal: a CSAM case's dismissal proposed for a lead's approval, with its
 * statement of reasons (reason = the facts) and the law-enforcement reference it cannot be closed without.
 */
public record AbuseDismissalRequest(String reason, String policyClause, String lawEnforcementRef) {}
