package dev.gatehouse.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One entry of the hash-chained audit trail. before/after are the target's state as JSON objects
 * (null when there was none). hash = SHA-256 over prevHash and the entry's canonical fields.
 * In a preview (dry run) seq, id, prevHash and hash are null: nothing was written.
 */
public record AuditEntry(
        Long seq,
        String id,
        Instant at,
        String actor,
        String action,
        String target,
        String reason,
        JsonNode before,
        JsonNode after,
        String prevHash,
        String hash) {}
