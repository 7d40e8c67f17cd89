package dev.gatehouse.api;

/** Body of POST /admin/v1/operators: who to add, with which role, and why. */
public record NewOperator(String name, String email, String role, String reason) {}
