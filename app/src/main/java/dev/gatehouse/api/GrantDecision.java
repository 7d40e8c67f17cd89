package dev.gatehouse.api;

/** Body of POST /admin/v1/credit-grants/{id}/approve and /reject: why. */
public record GrantDecision(String reason) {}
