package dev.gatehouse.api;

/** GET /admin/v1/audit/verify: whether the chain is intact, how many entries it has, the first bad seq. */
public record AuditVerification(boolean ok, long entries, Long firstBroken) {}
