package dev.gatehouse.api;

/** Body of POST /admin/v1/abuse-reports/{id}/claim, /release and /split: an optional note for the history. */
public record AbuseClaimChange(String note) {}
