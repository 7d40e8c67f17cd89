package dev.gatehouse.api;

/** Body of GET /healthz. */
public record Health(String status, String version, String database) {}
