package dev.gatehouse.api;

/** Body of POST /admin/v1/appeals: the enforcement appealed and the customer's statement. */
public record AppealIntake(String enforcementId, String statement) {}
