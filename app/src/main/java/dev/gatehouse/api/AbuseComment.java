package dev.gatehouse.api;

import java.time.Instant;

/** An internal comment on an abuse report; never shown to the customer. */
public record AbuseComment(String id, String reportId, String authorId, String authorName, String body, Instant at) {}
