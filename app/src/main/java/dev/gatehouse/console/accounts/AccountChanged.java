package dev.gatehouse.console.accounts;

import dev.gatehouse.api.Account;

/** An account's state or details changed (an action, an edit); {@code account} is as the platform now has it. */
public record AccountChanged(Account account) {}
