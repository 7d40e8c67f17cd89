package dev.gatehouse.api;

/** Body of POST /admin/v1/simulator/pause and /resume: why, for the audit trail; optional (a demo control). */
public record SimulatorCommand(String reason) {}
