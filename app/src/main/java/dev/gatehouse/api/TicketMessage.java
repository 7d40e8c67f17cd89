package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;

/**
 * One message of a ticket. author: customer | agent (a reply the customer sees) | internal (a note only operators
 * see); operatorId/operatorName for agent and internal. body is stored redacted: each removed secret left a marker
 * such as "[card 411111…1111 removed]", and redactions lists the kinds removed (card, platform_key, password, …).
 */
public record TicketMessage(
        String id,
        String author,
        String operatorId,
        String operatorName,
        String body,
        List<String> redactions,
        Instant createdAt) {
    public TicketMessage {
        redactions = redactions == null ? List.of() : List.copyOf(redactions);
    }
}
