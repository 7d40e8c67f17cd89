package dev.gatehouse.api;

/** Body of POST /admin/v1/abuse-reports/{id}/escalate: to lead or law_enforcement, with a note saying why. */
public record AbuseEscalation(String to, String note) {}
