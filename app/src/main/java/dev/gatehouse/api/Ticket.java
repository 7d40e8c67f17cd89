package dev.gatehouse.api;

import java.time.Instant;
import java.util.List;

/**
 * A support ticket as the queue lists it (issue 10). state: new | open | pending | on_hold | solved | closed;
 * priority: low | normal | high | urgent; category: account | billing | technical | product. firstReplyDueAt comes
 * from the priority's target counted from creation; breached says the first reply came, or is still missing, after
 * it. redacted: a secret was removed from its text; exposedKeys counts live platform keys found in it. closesAt is
 * when a solved ticket closes by itself. assignee is an operator id (assigneeName its name), null when unassigned.
 */
public record Ticket(
        String id,
        String accountId,
        String accountName,
        String category,
        String subject,
        String state,
        String priority,
        String assignee,
        String assigneeName,
        List<String> tags,
        boolean redacted,
        int exposedKeys,
        Instant createdAt,
        Instant updatedAt,
        Instant firstReplyDueAt,
        Instant firstReplyAt,
        boolean breached,
        Instant solvedAt,
        Instant closesAt,
        Instant closedAt,
        String mergedInto,
        int messageCount,
        long version) {
    public Ticket {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
