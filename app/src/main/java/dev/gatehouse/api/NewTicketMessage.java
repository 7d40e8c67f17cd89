package dev.gatehouse.api;

/**
 * POST /admin/v1/tickets/{id}/messages. internal: a note only operators see. author: agent (default) or customer,
 * for a customer's message relayed by an operator; a customer message cannot be internal.
 */
public record NewTicketMessage(String body, Boolean internal, String author) {}
