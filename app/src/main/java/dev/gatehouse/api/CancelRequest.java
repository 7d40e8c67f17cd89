package dev.gatehouse.api;

/** Body of DELETE /admin/v1/price-changes/{id}: why the change is withdrawn. */
public record CancelRequest(String reason) {}
