package dev.gatehouse.api;

/** Body of PATCH /admin/v1/operators/{id}: a new role and/or name (at least one), and why. */
public record OperatorPatch(String role, String name, String reason) {}
