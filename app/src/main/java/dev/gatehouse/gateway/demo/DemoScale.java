package dev.gatehouse.gateway.demo;

/** How much demo data to seed: small for the console and tests, large for benchmarks. */
public enum DemoScale {
    SMALL, LARGE
}
