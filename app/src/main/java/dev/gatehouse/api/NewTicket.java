package dev.gatehouse.api;

/** POST /admin/v1/tickets (intake): priority is optional (normal). Subject and body are redacted before storage. */
public record NewTicket(String accountId, String category, String subject, String body, String priority) {}
