package dev.gatehouse.api;

import java.time.Instant;

/**
 * A key of this platform whose secret was posted in the ticket (matched by hash; the secret itself was redacted).
 * key is the key as it is now (status, version for If-Match). ai-visual-studio §3: revoke on compromise and notify the
 * owner within 24 hours; notifyOwnerBy is that deadline, set when the key was found; ownerNotifiedAt is the first
 * agent reply to the key's owner after that, null while still owed.
 */
public record TicketExposedKey(
        ApiKey key,
        String messageId,
        Instant foundAt,
        Instant notifyOwnerBy,
        Instant ownerNotifiedAt) {}
