package dev.gatehouse.api;

/** POST /admin/v1/tickets/{id}/merge: merge this duplicate into ticket {@code into}, of the same account. */
public record TicketMerge(String into, String reason) {}
