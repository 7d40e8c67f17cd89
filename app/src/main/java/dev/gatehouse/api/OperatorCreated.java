package dev.gatehouse.api;

/** Answer of POST /admin/v1/operators: the operator and its token, shown this once (null on an Idempotency-Key replay). */
public record OperatorCreated(OperatorProfile operator, String token) {}
