package dev.gatehouse.api;

import java.time.Instant;

/**
 * An appeal against an enforcement (issue 9 item 5). outcomeText says what overturning changed; offer, for a final
 * decision (revocation, termination) that was overturned, what the customer is offered instead.
 */
public record Appeal(String id, String enforcementId, String decisionId, String accountId, String accountName, String keyId,
                     String originalDecision, String originalDecider, String statement, String state, String outcome,
                     String reason, String outcomeText, String offer, String filedBy, Instant filedAt, String decidedBy,
                     Instant decidedAt, long version) {}
