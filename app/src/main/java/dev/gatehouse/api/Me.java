package dev.gatehouse.api;

/** The operator behind the bearer token, and the platform they reached. */
public record Me(String id, String name, String email, String role, Platform platform) {
    public record Platform(String name, String version, String mode) {}
}
