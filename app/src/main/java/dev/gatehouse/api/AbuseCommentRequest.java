package dev.gatehouse.api;

/** Body of POST /admin/v1/abuse-reports/{id}/comments. */
public record AbuseCommentRequest(String body) {}
