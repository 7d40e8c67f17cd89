package dev.gatehouse.api;

/** Body of POST /admin/v1/appeals/{id}/decide: upheld or overturned, and why. */
public record AppealDecision(String outcome, String reason) {}
