package dev.gatehouse.api;

import java.util.List;

/**
 * PATCH /admin/v1/tickets/{id} (If-Match): any of state, priority, assignee (an operator id; "" unassigns) and tags
 * (the whole new list); reason is optional and goes into the audit trail.
 */
public record TicketPatch(String state, String priority, String assignee, List<String> tags, String reason) {}
