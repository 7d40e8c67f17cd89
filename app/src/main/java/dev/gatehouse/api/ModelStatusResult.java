package dev.gatehouse.api;

import java.time.Instant;

/** The model after a PATCH, and the status change scheduled under notice if it was not applied at once. */
public record ModelStatusResult(Model model, ScheduledStatus scheduled, boolean emergency, String auditId) {
    public record ScheduledStatus(String id, String status, Instant effectiveAt, Instant scheduledAt, String reason,
                                  String author) {}
}
