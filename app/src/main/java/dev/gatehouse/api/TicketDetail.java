package dev.gatehouse.api;

import java.util.List;

/**
 * GET /admin/v1/tickets/{id}: the ticket, its conversation (oldest first) and the customer's context beside it: the
 * account, its first keys (active first), the exposed keys and what the text names.
 */
public record TicketDetail(
        Ticket ticket,
        List<TicketMessage> messages,
        Account account,
        List<ApiKey> keys,
        List<TicketExposedKey> exposedKeys,
        List<TicketLink> links) {
    public TicketDetail {
        messages = List.copyOf(messages);
        keys = List.copyOf(keys);
        exposedKeys = List.copyOf(exposedKeys);
        links = List.copyOf(links);
    }
}
