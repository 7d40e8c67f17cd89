package dev.gatehouse.api;

/**
 * Body of POST /admin/v1/abuse-reports/{id}/resolve. reason is the statement's facts; policyClause the clause breached;
 * durationHours only for a timed account suspension; lawEnforcementRef required for CSAM; curePeriodOverride a lead's
 * reason to terminate for a non-severe breach before the 14-day cure period has run.
 */
public record AbuseResolution(String decision, String reason, String policyClause, Integer durationHours,
                              String lawEnforcementRef, String curePeriodOverride) {}
