package dev.gatehouse.gateway.plane;

/** The data plane's enforcement steps after the key: rate limits and metering (issue 12 §2, built in plane/limits and plane/metering). */
public record PlaneEnforcement(RateLimits limits, Meter meter) {}
