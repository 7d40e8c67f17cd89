package dev.gatehouse.api;

/** Body of POST /admin/v1/operators/{id}/actions: deactivate | reactivate | rotate_token, and why. */
public record OperatorActionRequest(String action, String reason) {}
