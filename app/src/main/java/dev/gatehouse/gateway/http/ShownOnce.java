package dev.gatehouse.gateway.http;

/**
 * A response carrying a secret that is shown once (a new operator token): {@code response} is sent, and an
 * Idempotency-Key replay gets {@code replay}, without the secret, which is therefore never stored.
 */
public record ShownOnce(Object response, Object replay) {}
