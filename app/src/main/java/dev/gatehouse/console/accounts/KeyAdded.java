package dev.gatehouse.console.accounts;

import dev.gatehouse.api.ApiKey;

/** A key was issued to an account (issue 12 item 0); {@code key} is as the platform made it. Lists that show it reload. */
public record KeyAdded(ApiKey key) {}
