package dev.gatehouse.console.accounts;

import dev.gatehouse.api.ApiKey;

/**
 * An API key's state changed (suspended, reinstated, revoked); {@code key} is as the platform now has it.
 * It lives with accounts, not keys, because the account view owns key actions and the Keys screen already builds on
 * it; keys → accounts stays the only direction between the two packages.
 */
public record KeyChanged(ApiKey key) {}
